import type { TextRange } from '../text/textRange';
import type { PropertyType } from './planShape';

/** A name in the plan with where it is written (the key's range). */
export interface Named {
	readonly name: string;
	readonly range: TextRange;
}

export interface Limit {
	readonly value: number;
	/** Where the plan overrides Amplitude's default, if it does. */
	readonly range?: TextRange;
}

export interface PlanLimits {
	readonly groupTypes: Limit;
	readonly groupProperties: Limit;
	readonly groupTypesPerEvent: Limit;
	readonly groupValuesPerEvent: Limit;
}

export type GroupLevel = 'user' | 'event' | 'any';
export type PropertySource = 'code' | 'salesforce' | 'dynamic';

export interface PropertyDecl extends Named {
	readonly type?: PropertyType;
	readonly enum?: readonly (string | number | boolean)[];
	readonly description?: string;
	/** True when Amplitude computes it (`dynamic: true` or `source: dynamic`). */
	readonly dynamic: boolean;
	readonly source: PropertySource;
}

export interface GroupPropertyDecl extends PropertyDecl {
	readonly groupType: string;
}

export interface GroupTypeDecl extends Named {
	readonly description?: string;
	readonly level: GroupLevel;
	readonly value: 'numeric' | 'string';
	readonly displayProperty?: Named;
	readonly properties: readonly GroupPropertyDecl[];
	readonly salesforce?: { readonly syncEveryDays?: number };
	/** The whole entry (key to end of value), for edits and symbols. */
	readonly entryRange: TextRange;
}

export interface EventDecl extends Named {
	readonly description?: string;
	readonly groups: readonly Named[];
	readonly properties: readonly PropertyDecl[];
	readonly entryRange: TextRange;
}

export interface SegmentSettings {
	readonly destination: 'classic' | 'actions';
	readonly groupTypeTrait: string;
	readonly groupValueTrait: string;
}

/** The typed tracking plan. Built tolerantly: what is malformed is left out (and reported by plan-schema). */
export interface PlanModel {
	readonly uri: string;
	readonly project?: string;
	readonly limits: PlanLimits;
	readonly sources: { readonly include: readonly string[]; readonly exclude: readonly string[] };
	readonly segment: SegmentSettings;
	/** In plan order: the order in which they count towards `limits.groupTypes`. */
	readonly groupTypes: readonly GroupTypeDecl[];
	readonly events: readonly EventDecl[];
}

export function countGroupProperties(plan: PlanModel): number {
	let count = 0;
	for (const groupType of plan.groupTypes) count += groupType.properties.length;
	return count;
}
