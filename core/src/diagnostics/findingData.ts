import type { TextRange } from '../text/textRange';

/**
 * Typed payloads carried by findings (`Diagnostic.data` in LSP). Quick fixes read these, never the
 * message text. Each variant is tagged with the rule code that produces it.
 */
export type FindingData =
	| PlanSchemaData
	| DuplicateKeyData
	| GroupTypeLimitData
	| GroupPropertyLimitData
	| UnknownGroupReferenceData;

export interface PlanSchemaData {
	readonly rule: 'plan-schema';
	readonly problem: 'unknown-key' | 'wrong-type' | 'bad-enum' | 'out-of-range' | 'not-a-mapping';
	/** Keys from the plan's root to the offending node. */
	readonly path: readonly string[];
	/** The closest allowed key or value, when one is close enough to be a typo. */
	readonly suggestion?: string;
}

export interface DuplicateKeyData {
	readonly rule: 'duplicate-key';
	readonly key: string;
	readonly firstOccurrence: TextRange;
}

export interface GroupTypeLimitData {
	readonly rule: 'group-type-limit';
	readonly groupType: string;
	readonly limit: number;
	/** 1-based position of this group type among all counted ones. */
	readonly position: number;
}

export interface GroupPropertyLimitData {
	readonly rule: 'group-property-limit';
	readonly groupType: string;
	readonly property: string;
	readonly limit: number;
	readonly position: number;
}

export interface UnknownGroupReferenceData {
	readonly rule: 'unknown-group-reference';
	readonly reference: 'event-group' | 'display-property';
	readonly name: string;
	/** For an event group: the event; for a displayProperty: its group type. */
	readonly owner: string;
	readonly suggestion?: string;
}
