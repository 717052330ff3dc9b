import { OperationCancelled, throwIfCancelled, type CancellationToken } from '../../cancellation';
import { applySeverities, compareFindings, type RuleSeverities } from '../../diagnostics/applySeverities';
import type { Finding, FindingDraft } from '../../diagnostics/finding';
import type { ParsedPlan } from '../../plan/parsePlan';
import { planRules } from './planRules';
import type { PlanRule } from '../planRule';

/**
 * Every plan rule over one plan, with the configured severities, in document order. A rule that
 * throws is reported to `onInternalError` and skipped; the other rules still report.
 */
export function checkPlan(
	plan: ParsedPlan,
	severities: RuleSeverities,
	token: CancellationToken,
	onInternalError?: (context: string, error: unknown) => void,
	rules: readonly PlanRule[] = planRules,
): Finding[] {
	const drafts: FindingDraft[] = [];
	for (const rule of rules) {
		throwIfCancelled(token);
		try {
			for (const finding of rule.check(plan, token)) drafts.push(finding);
		} catch (error) {
			if (error instanceof OperationCancelled) throw error;
			onInternalError?.(`rule ${rule.codes.join('/')} on ${plan.uri}`, error);
		}
	}
	return applySeverities(drafts, severities).sort(compareFindings);
}
