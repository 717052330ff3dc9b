import { throwIfCancelled, type CancellationToken } from '../cancellation';
import { findPlanFiles, isPlanFileName, planFileNames } from '../workspace/findPlanFiles';
import { printableText } from '../text/printableText';
import { basenameUri, dirnameUri, joinUri, parseUri } from '../workspace/uris';
import type { EntryStat, WorkspaceFileSystem } from '../workspace/workspaceFileSystem';
import { formatSize } from '../workspaceIndex/indexWorkspaceFiles';
import { ConfigurationError } from './configurationError';

/**
 * The plans governing the roots: every plan below each root, and for a root with none below it,
 * the plan in its nearest ancestor folder (checking one file or a sub-folder of a project).
 */
export async function discoverPlans(files: WorkspaceFileSystem, roots: readonly string[], token: CancellationToken): Promise<string[]> {
	const found = new Set<string>();
	for (const root of roots) {
		const stat = await statRequired(files, root);
		let below: string[] = [];
		if (stat.type === 'directory') below = await findPlanFiles(files, root, token);
		else if (stat.type === 'file' && isPlanFileName(basenameUri(root))) below = [root];
		for (const uri of below) found.add(uri);
		if (below.length === 0) {
			const above = await nearestAncestorPlan(files, stat.type === 'directory' ? root : dirnameUri(root), token);
			if (above) found.add(above);
		}
	}
	if (found.size === 0) {
		throw new ConfigurationError(
			`No tracking-plan.yaml (or .yml) found in or above ${roots.map(displayUri).join(', ')}. Create one next to your code, or name it with --plan.`,
		);
	}
	return [...found].sort();
}

async function nearestAncestorPlan(files: WorkspaceFileSystem, folder: string, token: CancellationToken): Promise<string | undefined> {
	let current = folder;
	for (;;) {
		throwIfCancelled(token);
		for (const name of planFileNames) {
			const candidate = joinUri(current, name);
			const stat = await files.stat(candidate).catch(() => undefined);
			if (stat?.type === 'file') return candidate;
		}
		const parent = dirnameUri(current);
		if (parent === current) return undefined;
		current = parent;
	}
}

export async function requirePlanFile(files: WorkspaceFileSystem, uri: string): Promise<string> {
	const stat = await statRequired(files, uri);
	if (stat.type !== 'file') throw new ConfigurationError(`The plan ${displayUri(uri)} is a ${stat.type}, not a file. Name the tracking-plan.yaml file itself.`);
	return uri;
}

/**
 * A plan's text, read only when it is at most `maxBytes` long (see planSizeLimit.ts): a larger plan is
 * never read whole (its size is looked at first) and is a configuration error, as an unreadable plan
 * is: nothing it governs could be checked, so the check must not pass.
 */
export async function readPlanText(files: WorkspaceFileSystem, uri: string, maxBytes: number): Promise<string> {
	let read: { readonly text: string } | { readonly size: number };
	try {
		if (files.readTextUpTo) read = await files.readTextUpTo(uri, maxBytes);
		else {
			const stat = await files.stat(uri);
			read = stat && stat.size > maxBytes ? { size: stat.size } : { text: await files.readFile(uri) };
		}
	} catch (error) {
		throw new ConfigurationError(`Cannot read the plan ${displayUri(uri)}: ${errorText(error)}`);
	}
	if ('text' in read) return read.text;
	throw new ConfigurationError(
		`The plan ${displayUri(uri)} is ${formatSize(read.size)}, over the ${formatSize(maxBytes)} limit for a plan: it was not read, and nothing was checked. ` +
			'A tracking plan is far smaller; check that this is the right file, or raise the limit with --max-file-size.',
	);
}

async function statRequired(files: WorkspaceFileSystem, uri: string): Promise<EntryStat> {
	let stat;
	try {
		stat = await files.stat(uri);
	} catch (error) {
		throw new ConfigurationError(`Cannot read ${displayUri(uri)}: ${errorText(error)}`);
	}
	if (!stat) throw new ConfigurationError(`${displayUri(uri)} does not exist.`);
	return stat;
}

/** A URI as a message shows it: a file URI as its path, never raw control characters or bytes that are not UTF-8. */
export function displayUri(uri: string): string {
	return printableText(uri.startsWith('file://') ? parseUri(uri).path : uri);
}

function errorText(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}
