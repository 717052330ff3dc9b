/**
 * The tracking-plan format (product.md §1), described once. The validator, the published JSON Schema
 * (`schemas/tracking-plan.schema.json`) and the plan hovers and completions all read this.
 */
export type Shape = ObjectShape | MapShape | StringShape | IntegerShape | BooleanShape | ArrayShape | ScalarShape;

interface ShapeBase {
	readonly description: string;
}
/** Fixed keys. */
export interface ObjectShape extends ShapeBase {
	readonly kind: 'object';
	readonly fields: Readonly<Record<string, Shape>>;
}
/** Keys the user names (group types, properties, events); `null` values mean "declared, no details". */
export interface MapShape extends ShapeBase {
	readonly kind: 'map';
	readonly keyDescription: string;
	readonly value: ObjectShape;
}
export interface StringShape extends ShapeBase {
	readonly kind: 'string';
	readonly enum?: readonly string[];
	readonly default?: string;
}
export interface IntegerShape extends ShapeBase {
	readonly kind: 'integer';
	readonly minimum: number;
	readonly default?: number;
}
export interface BooleanShape extends ShapeBase {
	readonly kind: 'boolean';
	readonly default?: boolean;
}
export interface ArrayShape extends ShapeBase {
	readonly kind: 'array';
	readonly items: StringShape | ScalarShape;
}
/** Any string, number or boolean (enum values). */
export interface ScalarShape extends ShapeBase {
	readonly kind: 'scalar';
}

export const propertyTypes = ['string', 'number', 'integer', 'boolean', 'array', 'object'] as const;
export type PropertyType = (typeof propertyTypes)[number];

const propertyTypeShape: StringShape = {
	kind: 'string',
	enum: propertyTypes,
	description: 'The value type Amplitude should receive for this property.',
};
const enumShape: ArrayShape = {
	kind: 'array',
	items: { kind: 'scalar', description: 'An allowed value.' },
	description: 'The only values this property may take.',
};

export const groupPropertyShape: ObjectShape = {
	kind: 'object',
	description: 'A group (account-level) property. Every property counts towards the 1000 group properties a project may have.',
	fields: {
		type: propertyTypeShape,
		enum: enumShape,
		description: { kind: 'string', description: 'What the property means; shown in hovers and completions.' },
		dynamic: {
			kind: 'boolean',
			default: false,
			description: 'A Dynamic Group Property: Amplitude computes it from events, so code must not set it.',
		},
		source: {
			kind: 'string',
			enum: ['code', 'salesforce', 'dynamic'],
			default: 'code',
			description: 'Who writes the property: your code, the Salesforce integration, or Amplitude (dynamic).',
		},
	},
};

export const groupTypeShape: ObjectShape = {
	kind: 'object',
	description: 'A group type, written exactly as the code sends it. Amplitude allows 5 per project and they cannot be renamed later.',
	fields: {
		description: { kind: 'string', description: 'What one group of this type is; shown in hovers and completions.' },
		level: {
			kind: 'string',
			enum: ['user', 'event', 'any'],
			default: 'any',
			description:
				'user: users join it with setGroup and stay for good. event: only individual events carry it. any: both are allowed.',
		},
		value: {
			kind: 'string',
			enum: ['numeric', 'string'],
			default: 'string',
			description: 'numeric: group values are IDs (recommended, they are unique); string: names are sent as values.',
		},
		displayProperty: {
			kind: 'string',
			description: 'The human-readable group property (e.g. "Account Name") that labels a group whose value is an ID.',
		},
		properties: {
			kind: 'map',
			keyDescription: 'A group property name, exactly as sent in group identify.',
			value: groupPropertyShape,
			description: 'The group properties set for this group type through group identify or an integration.',
		},
		salesforce: {
			kind: 'object',
			description: 'The Salesforce integration syncs properties of this group type.',
			fields: {
				syncEveryDays: {
					kind: 'integer',
					minimum: 1,
					description: 'How often, in days, the Salesforce integration picks up changes.',
				},
			},
		},
	},
};

export const eventPropertyShape: ObjectShape = {
	kind: 'object',
	description: 'An event property.',
	fields: {
		type: propertyTypeShape,
		enum: enumShape,
		description: { kind: 'string', description: 'What the property means.' },
	},
};

export const eventShape: ObjectShape = {
	kind: 'object',
	description: 'An event that carries groups.',
	fields: {
		description: { kind: 'string', description: 'When the event is sent; shown in hovers and completions.' },
		groups: {
			kind: 'array',
			items: { kind: 'string', description: 'A declared group type.' },
			description: 'The event-level groups this event must carry (declared group types).',
		},
		properties: {
			kind: 'map',
			keyDescription: 'An event property name.',
			value: eventPropertyShape,
			description: 'The event properties.',
		},
	},
};

const limitShape = (description: string, fallback: number): IntegerShape => ({
	kind: 'integer',
	minimum: 1,
	default: fallback,
	description,
});

export const defaultLimits = Object.freeze({
	groupTypes: 5,
	groupProperties: 1000,
	groupTypesPerEvent: 5,
	groupValuesPerEvent: 10,
});

export const planShape: ObjectShape = {
	kind: 'object',
	description: 'A Trackplan tracking plan: the Amplitude Accounts group types, group properties and events this repository sends.',
	fields: {
		project: { kind: 'string', description: 'The Amplitude project this plan describes (display only).' },
		limits: {
			kind: 'object',
			description: "Amplitude's limits for this project; the defaults are Amplitude's documented ones.",
			fields: {
				groupTypes: limitShape('Group types per project (Amplitude: 5; lower with some third-party tools).', defaultLimits.groupTypes),
				groupProperties: limitShape('Group (account-level) properties per project (Amplitude: 1000).', defaultLimits.groupProperties),
				groupTypesPerEvent: limitShape('Group types one event may carry; Amplitude drops the rest.', defaultLimits.groupTypesPerEvent),
				groupValuesPerEvent: limitShape('Group values one event may carry in total; Amplitude drops the rest.', defaultLimits.groupValuesPerEvent),
			},
		},
		sources: {
			kind: 'object',
			description: "Which files Trackplan scans, as globs relative to this plan's folder.",
			fields: {
				include: {
					kind: 'array',
					items: { kind: 'string', description: 'A glob of files to scan, e.g. "src/**".' },
					description: 'Globs of files to scan (default: everything).',
				},
				exclude: {
					kind: 'array',
					items: { kind: 'string', description: 'A glob of files to skip, e.g. "**/*.test.ts".' },
					description: 'Globs of files never to scan (node_modules and .git are always skipped).',
				},
			},
		},
		segment: {
			kind: 'object',
			description: 'How the Segment Amplitude destination is set up, so Segment calls can be checked.',
			fields: {
				destination: {
					kind: 'string',
					enum: ['classic', 'actions'],
					default: 'classic',
					description: 'The Amplitude destination: classic or actions.',
				},
				groupTypeTrait: { kind: 'string', default: 'group_type', description: 'The "Amplitude Group Type Trait": the group trait holding the group type.' },
				groupValueTrait: { kind: 'string', default: 'name', description: 'The "Amplitude Group Value Trait": the group trait holding the group value.' },
			},
		},
		groupTypes: {
			kind: 'map',
			keyDescription: 'A group type, exactly as sent.',
			value: groupTypeShape,
			description: 'The group types of the project, in the order they count towards the limit.',
		},
		events: {
			kind: 'map',
			keyDescription: 'An event name, exactly as sent.',
			value: eventShape,
			description: 'Events that carry groups, with the groups each must carry.',
		},
	},
};
