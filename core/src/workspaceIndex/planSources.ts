import type { ParsedPlan } from '../plan/parsePlan';
import { SourceFilter } from '../workspace/globPattern';
import { dirnameUri, relativeUriPath } from '../workspace/uris';

/** Each plan's `sources` globs compiled once (a plan edit makes a new ParsedPlan, so its filter is compiled again). */
const filters = new WeakMap<ParsedPlan, SourceFilter>();
const everything = new SourceFilter(['**'], []);

/** A plan's `sources` filter, and a file's path relative to the plan's folder that the filter reads. */
export interface PlanSourcePath {
	readonly filter: SourceFilter;
	readonly relativePath: string;
}

/**
 * How the governing plan's `sources` globs see a file: its path relative to the plan's folder and
 * the plan's filter. A file outside that folder (an explicit `--plan` elsewhere) is included by any
 * plan: the globs are relative to the plan's folder and cannot name it.
 */
export function planSourcePath(plan: ParsedPlan, uri: string): PlanSourcePath {
	const relativePath = relativeUriPath(dirnameUri(plan.uri), uri);
	if (relativePath === undefined) return { filter: everything, relativePath: '' };
	let filter = filters.get(plan);
	if (!filter) filters.set(plan, (filter = new SourceFilter(plan.model.sources.include, plan.model.sources.exclude)));
	return { filter, relativePath };
}

/** Whether the plan's `sources` globs include the file (the one test the walk, the CLI's summary and the server share). */
export function planIncludes(plan: ParsedPlan, uri: string): boolean {
	const { filter, relativePath } = planSourcePath(plan, uri);
	return filter.matches(relativePath);
}
