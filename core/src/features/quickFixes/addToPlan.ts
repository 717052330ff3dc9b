import { insertPlanEntry, type PlanValue } from '../../edits/insertPlanEntry';
import type { ParsedPlan } from '../../plan/parsePlan';
import { basenameUri } from '../../workspace/uris';
import type { QuickFix } from './codeAction';

/**
 * "Add … to tracking-plan.yaml": one insertion into the plan, nothing else of it touched.
 * `title` is given the plan's file name.
 */
export function addToPlanFix(plan: ParsedPlan, path: readonly string[], key: string, value: PlanValue, title: (planFile: string) => string, diagnostic: number): QuickFix | undefined {
	const edit = insertPlanEntry(plan, path, key, value);
	// No edit that can be trusted (the plan does not parse, the parent is not a mapping or is shared through an alias): no fix.
	if (!edit) return undefined;
	return {
		title: title(basenameUri(plan.uri)),
		isPreferred: false,
		edits: { [plan.uri]: [edit] },
		diagnostic,
	};
}
