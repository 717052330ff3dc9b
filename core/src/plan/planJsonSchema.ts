import { planShape, type Shape } from './planShape';

type JsonSchema = Record<string, unknown>;

/**
 * The JSON Schema (draft-07) of the tracking plan, derived from the plan shape so the published
 * schema and the validator can never disagree. `schemas/tracking-plan.schema.json` is this, written out.
 */
export function planJsonSchema(): JsonSchema {
	return {
		$schema: 'http://json-schema.org/draft-07/schema#',
		title: 'Trackplan tracking plan',
		...toSchema(planShape),
	};
}

function toSchema(shape: Shape): JsonSchema {
	const base = { description: shape.description };
	switch (shape.kind) {
		case 'object':
			return {
				...base,
				type: 'object',
				additionalProperties: false,
				properties: Object.fromEntries(Object.entries(shape.fields).map(([key, field]) => [key, toSchema(field)])),
			};
		case 'map':
			return {
				...base,
				type: ['object', 'null'],
				propertyNames: { description: shape.keyDescription },
				additionalProperties: { anyOf: [toSchema(shape.value), { type: 'null', description: 'Declared with the defaults.' }] },
			};
		case 'string':
			return { ...base, type: 'string', ...(shape.enum ? { enum: [...shape.enum] } : {}), ...(shape.default !== undefined ? { default: shape.default } : {}) };
		case 'integer':
			return { ...base, type: 'integer', minimum: shape.minimum, ...(shape.default !== undefined ? { default: shape.default } : {}) };
		case 'boolean':
			return { ...base, type: 'boolean', ...(shape.default !== undefined ? { default: shape.default } : {}) };
		case 'scalar':
			return { ...base, type: ['string', 'number', 'boolean'] };
		case 'array':
			return { ...base, type: 'array', items: toSchema(shape.items) };
	}
}
