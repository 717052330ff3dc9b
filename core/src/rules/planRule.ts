import type { CancellationToken } from '../cancellation';
import type { FindingDraft } from '../diagnostics/finding';
import type { PlanRuleCode } from '../diagnostics/ruleCodes';
import type { ParsedPlan } from '../plan/parsePlan';

/** A rule over one tracking plan. One file per rule under rules/plan/. */
export interface PlanRule {
	/** The codes this rule may report. */
	readonly codes: readonly PlanRuleCode[];
	check(plan: ParsedPlan, token: CancellationToken): FindingDraft[];
}
