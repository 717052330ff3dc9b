import { throwIfCancelled, type CancellationToken } from '../cancellation';
import { findPlanFiles, isPlanFileName, planFileNames } from '../workspace/findPlanFiles';
import { basenameUri, dirnameUri, joinUri } from '../workspace/uris';
import type { EntryStat, WorkspaceFileSystem } from '../workspace/workspaceFileSystem';
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

export async function readPlanText(files: WorkspaceFileSystem, uri: string): Promise<string> {
	try {
		return await files.readFile(uri);
	} catch (error) {
		throw new ConfigurationError(`Cannot read the plan ${displayUri(uri)}: ${errorText(error)}`);
	}
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

export function displayUri(uri: string): string {
	return decodeURIComponent(uri.replace(/^file:\/\//, ''));
}

function errorText(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}
