import { insertPlanEntry, type PlanValue } from '../../edits/insertPlanEntry';
import type { ParsedPlan } from '../../plan/parsePlan';
import { basenameUri } from '../../workspace/uris';
import type { QuickFix } from './codeAction';

/**
 * "Add … to tracking-plan.yaml": one insertion into the plan, nothing else of it touched.
 * `title` is given the plan's file name.
 */
export function addToPlanFix(plan: ParsedPlan, path: readonly string[], key: string, value: PlanValue, title: (planFile: string) => string, diagnostic: number): QuickFix {
	return {
		title: title(basenameUri(plan.uri)),
		isPreferred: false,
		edits: { [plan.uri]: [insertPlanEntry(plan, path, key, value)] },
		diagnostic,
	};
}
