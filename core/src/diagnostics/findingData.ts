import type { GroupsInsertion } from '../scan/callFacts';
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
	| UnknownGroupReferenceData
	| CodeFindingData;

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

/** Payloads of the code rules. `planUri` names the plan a quick fix edits. */
export type CodeFindingData =
	| { readonly rule: 'undeclared-group-type'; readonly planUri: string; readonly groupType: string; readonly usedAt: 'user' | 'event'; readonly suggestion?: string }
	| {
			readonly rule: 'undeclared-group-property';
			readonly planUri: string;
			readonly groupType: string;
			readonly property: string;
			readonly valueType?: string;
			readonly suggestion?: string;
	  }
	| { readonly rule: 'missing-event-groups'; readonly planUri: string; readonly event: string; readonly missing: readonly string[]; readonly insertion?: GroupsInsertion }
	| { readonly rule: 'unexpected-event-group'; readonly planUri: string; readonly event: string; readonly groupType: string; readonly entry: TextRange }
	| { readonly rule: 'level-mismatch'; readonly groupType: string; readonly declaredLevel: 'user' | 'event'; readonly usedAt: 'user' | 'event' }
	| { readonly rule: 'dynamic-property-write'; readonly groupType: string; readonly property: string; readonly source: 'salesforce' | 'dynamic' }
	| { readonly rule: 'property-type-mismatch'; readonly groupType: string; readonly property: string; readonly expected: string; readonly actual: string }
	| { readonly rule: 'too-many-groups-per-event'; readonly limit: number; readonly count: number; readonly counted: 'group types' | 'group values' }
	| { readonly rule: 'group-properties-ignored' }
	| { readonly rule: 'identify-required' }
	| { readonly rule: 'segment-group-fallback'; readonly missingTraits: readonly string[]; readonly insertion?: GroupsInsertion }
	| { readonly rule: 'non-numeric-group-value'; readonly groupType: string; readonly value: string }
	| { readonly rule: 'missing-user-id' }
	| { readonly rule: 'unresolved-group-type'; readonly expression: string }
	| { readonly rule: 'unknown-event'; readonly planUri: string; readonly event: string; readonly groupTypes: readonly string[] }
	| { readonly rule: 'file-skipped'; readonly reason: 'too-large' | 'unreadable' | 'binary' | 'unparsable'; readonly detail: string };
