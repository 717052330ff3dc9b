import { planIncludes, type CheckResult } from '../../core/src/index';

/**
 * The files a check read and checked (the `summary.files` of the output): the plans, and the source
 * files they govern that their `sources` globs include. Files read only to follow imports are not in it.
 */
export function checkedFileUris(result: CheckResult): string[] {
	const sources = result.index.sourceUris().filter((uri) => {
		const plan = result.index.planFor(uri);
		return plan !== undefined && planIncludes(plan, uri);
	});
	return [...result.plans.map((plan) => plan.uri), ...sources];
}
