import { formatSize } from '../workspaceIndex/indexWorkspaceFiles';

/**
 * How large a tracking plan may be before it is not read at all. Plans are read whole and parsed into
 * a YAML tree, about five times their size in memory: a 100 MB plan took 540 MB, a 700 MB one hit
 * V8's string limit. A real plan is far smaller (Amplitude allows 5 group types and 1,000 group
 * properties; the suite's largest, 100,000 properties, is 5 MB). A `--max-file-size` /
 * `trackplan.maxFileSize` above this raises it too, so a plan is never held to less than a source.
 */
export const defaultMaxPlanSize = 10 * 1024 * 1024;

export function maxPlanSize(maxFileSize?: number): number {
	return Math.max(defaultMaxPlanSize, maxFileSize ?? 0);
}

/** A plan left unread for its size. */
export interface PlanTooLarge {
	readonly size: number;
	readonly limit: number;
}

export function planTooLargeMessage({ size, limit }: PlanTooLarge): string {
	return (
		`This plan is ${formatSize(size)}, over the ${formatSize(limit)} limit for a plan: Trackplan did not read it, so nothing it governs is checked. ` +
		'A tracking plan is far smaller; check that this is the right file, or raise the limit with --max-file-size / trackplan.maxFileSize.'
	);
}
