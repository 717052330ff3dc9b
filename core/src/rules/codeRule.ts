import type { FindingDraft } from '../diagnostics/finding';
import type { CodeRuleCode } from '../diagnostics/ruleCodes';
import type { PlanModel } from '../plan/planModel';
import type { CallFact } from '../scan/callFacts';
import type { WorkspaceUsage } from '../workspaceIndex/workspaceUsage';

/** What a code rule sees: one source file's resolved calls, the plan governing it, and workspace-wide usage. */
export interface CodeRuleContext {
	readonly uri: string;
	readonly calls: readonly CallFact[];
	readonly plan: PlanModel;
	readonly usage: WorkspaceUsage;
}

/** A rule over the calls of one source file. One file per rule under rules/code/. */
export interface CodeRule {
	readonly codes: readonly CodeRuleCode[];
	check(context: CodeRuleContext): FindingDraft[];
}
