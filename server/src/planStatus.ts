import { countGroupProperties } from '../../core/src/index';
import type { ServerWorkspace } from './serverWorkspace';

/** `trackplan/planStatus`: the limit gauges of every plan, for the client's status bar. */
export const planStatusRequest = 'trackplan/planStatus';
/** `trackplan/checkWorkspace`: re-read the whole workspace from disk, then answer like planStatus. */
export const checkWorkspaceRequest = 'trackplan/checkWorkspace';

export interface PlanStatus {
	readonly uri: string;
	readonly project?: string;
	readonly groupTypes: number;
	readonly groupTypeLimit: number;
	readonly groupProperties: number;
	readonly groupPropertyLimit: number;
	/** Distinct group types the code uses, declared or not. */
	readonly groupTypesInCode: number;
	readonly sourceFiles: number;
}

export function planStatus(workspace: ServerWorkspace): PlanStatus[] {
	const index = workspace.index;
	return index.allPlans().map((plan) => {
		const usage = index.usage(plan.uri);
		return {
			uri: plan.uri,
			...(plan.model.project ? { project: plan.model.project } : {}),
			groupTypes: plan.model.groupTypes.length,
			groupTypeLimit: plan.model.limits.groupTypes.value,
			groupProperties: countGroupProperties(plan.model),
			groupPropertyLimit: plan.model.limits.groupProperties.value,
			groupTypesInCode: usage.groupTypeUses.size,
			sourceFiles: index.sourceUris().filter((uri) => index.planFor(uri)?.uri === plan.uri).length,
		};
	});
}
