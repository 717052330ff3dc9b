import { throwIfCancelled, type CancellationToken } from '../cancellation';
import { applySeverities, compareFindings, type RuleSeverities } from '../diagnostics/applySeverities';
import type { Finding, FindingDraft } from '../diagnostics/finding';
import type { ParsedPlan } from '../plan/parsePlan';
import { planRules } from '../rules/plan/planRules';

/** Every plan rule over one plan, with the configured severities, in document order. */
export function checkPlan(plan: ParsedPlan, severities: RuleSeverities, token: CancellationToken): Finding[] {
	const drafts: FindingDraft[] = [];
	for (const rule of planRules) {
		throwIfCancelled(token);
		for (const finding of rule.check(plan, token)) drafts.push(finding);
	}
	return applySeverities(drafts, severities).sort(compareFindings);
}
