import type { Severity } from './finding';

/** Stable rule codes: part of the public contract (settings, CLI output, SARIF). Never rename one. */
export const planRuleCodes = [
	'plan-syntax',
	'plan-schema',
	'duplicate-key',
	'group-type-limit',
	'group-property-limit',
	'unknown-group-reference',
] as const;

export const codeRuleCodes = [
	'undeclared-group-type',
	'group-type-limit',
	'undeclared-group-property',
	'group-property-limit',
	'missing-event-groups',
	'unexpected-event-group',
	'level-mismatch',
	'dynamic-property-write',
	'property-type-mismatch',
	'too-many-groups-per-event',
	'group-properties-ignored',
	'identify-required',
	'segment-group-fallback',
	'non-numeric-group-value',
	'missing-user-id',
	'unresolved-group-type',
	'unknown-event',
	'file-skipped',
] as const;

export type PlanRuleCode = (typeof planRuleCodes)[number];
export type CodeRuleCode = (typeof codeRuleCodes)[number];
export type RuleCode = PlanRuleCode | CodeRuleCode;

export interface RuleDescription {
	readonly code: RuleCode;
	readonly defaultSeverity: Severity;
	/** One line for settings, SARIF rule help and the README. */
	readonly summary: string;
}

export const ruleCatalog: Readonly<Record<RuleCode, RuleDescription>> = Object.freeze({
	'plan-syntax': { code: 'plan-syntax', defaultSeverity: 'error', summary: 'The tracking plan is not valid YAML.' },
	'plan-schema': { code: 'plan-schema', defaultSeverity: 'error', summary: 'A key or value of the tracking plan is unknown or of the wrong type.' },
	'duplicate-key': { code: 'duplicate-key', defaultSeverity: 'error', summary: 'A key appears twice in the same mapping of the tracking plan.' },
	'group-type-limit': { code: 'group-type-limit', defaultSeverity: 'error', summary: 'More group types than the project allows (Amplitude: 5).' },
	'group-property-limit': { code: 'group-property-limit', defaultSeverity: 'error', summary: 'More group properties than the project allows (Amplitude: 1000).' },
	'unknown-group-reference': { code: 'unknown-group-reference', defaultSeverity: 'error', summary: 'An event or displayProperty names a group type or property the plan does not declare.' },
	'undeclared-group-type': { code: 'undeclared-group-type', defaultSeverity: 'error', summary: 'Code sends a group type the plan does not declare.' },
	'undeclared-group-property': { code: 'undeclared-group-property', defaultSeverity: 'warning', summary: 'Code sets a group property the plan does not declare.' },
	'missing-event-groups': { code: 'missing-event-groups', defaultSeverity: 'error', summary: 'An event whose plan entry lists groups is sent without them.' },
	'unexpected-event-group': { code: 'unexpected-event-group', defaultSeverity: 'warning', summary: 'An event carries a group its plan entry does not list.' },
	'level-mismatch': { code: 'level-mismatch', defaultSeverity: 'warning', summary: 'A group type is used at a level (user or event) the plan does not allow.' },
	'dynamic-property-write': { code: 'dynamic-property-write', defaultSeverity: 'warning', summary: 'Code writes a property that Amplitude computes or an integration syncs.' },
	'property-type-mismatch': { code: 'property-type-mismatch', defaultSeverity: 'warning', summary: 'A literal value does not match the property type or enum in the plan.' },
	'too-many-groups-per-event': { code: 'too-many-groups-per-event', defaultSeverity: 'error', summary: 'An event carries more group types or values than Amplitude keeps.' },
	'group-properties-ignored': { code: 'group-properties-ignored', defaultSeverity: 'warning', summary: 'group_properties on an ordinary event, where Amplitude ignores them.' },
	'identify-required': { code: 'identify-required', defaultSeverity: 'error', summary: 'A plain object is passed where the SDK needs an Identify.' },
	'segment-group-fallback': { code: 'segment-group-fallback', defaultSeverity: 'warning', summary: 'A Segment group call lacks the configured group type/value traits.' },
	'non-numeric-group-value': { code: 'non-numeric-group-value', defaultSeverity: 'hint', summary: 'A name is sent as the group value where the plan says IDs.' },
	'missing-user-id': { code: 'missing-user-id', defaultSeverity: 'warning', summary: 'A server-side call carries neither user_id nor device_id.' },
	'unresolved-group-type': { code: 'unresolved-group-type', defaultSeverity: 'information', summary: 'The group type is computed and cannot be checked statically.' },
	'unknown-event': { code: 'unknown-event', defaultSeverity: 'hint', summary: 'An event that carries groups is not in the plan.' },
	'file-skipped': { code: 'file-skipped', defaultSeverity: 'information', summary: 'A source file was not scanned (too large or unreadable).' },
});

export function isRuleCode(value: string): value is RuleCode {
	return Object.prototype.hasOwnProperty.call(ruleCatalog, value);
}
