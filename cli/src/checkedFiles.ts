import { dirnameUri, relativeUriPath, SourceFilter, type CheckResult } from '../../core/src/index';

/**
 * The files a check read and checked (the `summary.files` of the output): the plans, and the source
 * files they govern that their `sources` globs include. Files read only to follow imports are not in it.
 */
export function checkedFileUris(result: CheckResult): string[] {
	const filters = new Map<string, SourceFilter>();
	const sources = result.index.sourceUris().filter((uri) => {
		const plan = result.index.planFor(uri);
		if (!plan) return false;
		const relativePath = relativeUriPath(dirnameUri(plan.uri), uri);
		if (relativePath === undefined) return true;
		let filter = filters.get(plan.uri);
		if (!filter) filters.set(plan.uri, (filter = new SourceFilter(plan.model.sources.include, plan.model.sources.exclude)));
		return filter.matches(relativePath);
	});
	return [...result.plans.map((plan) => plan.uri), ...sources];
}
