import { throwIfCancelled, type CancellationToken } from '../cancellation';
import { alwaysSkippedFolders } from './findPlanFiles';
import type { SourceFilter } from './globPattern';
import { joinUri, relativeUriPath } from './uris';
import type { WorkspaceFileSystem } from './workspaceFileSystem';

export interface CollectedSource {
	readonly uri: string;
	/** Undefined when the host reads with a size limit (`readTextUpTo`): the read itself tells. */
	readonly size: number | undefined;
	/** Excluded by the governing plan's `sources` globs: read only to resolve imports, never reported. */
	readonly excluded: boolean;
	/** Why the file could not even be looked at (its size is unknown): it is skipped as unreadable, not read. */
	readonly unreadable?: unknown;
}

export interface SourceScope {
	/** Whether a front end reads this file at all (by name). */
	isSource(uri: string): boolean;
	/** The governing plan's filter and the file's path relative to the plan's folder; undefined when no plan governs it. */
	filterFor(uri: string): { filter: SourceFilter; relativePath: string } | undefined;
}

/** Vendored and generated files never scanned as the app's own code. */
function isVendored(name: string): boolean {
	return /\.min\.(c|m)?js$/.test(name) || name.endsWith('.d.ts') || name.endsWith('.map');
}

/**
 * Whether walking `root` reaches `uri`, as `collectSourceFiles` walks (and, without a scope, as
 * `findPlanFiles` does): no folder on the way is a dependency or version-control folder or, given the
 * scope, one the governing plan's `sources.exclude` prunes; and the file is not vendored. Hosts told
 * about single files (open editors, file watchers) check only these, so they agree with a full walk.
 */
export function walkReaches(root: string, uri: string, scope?: SourceScope): boolean {
	const relative = relativeUriPath(root, uri);
	if (relative === undefined) return false;
	const segments = relative.split('/');
	const name = segments.pop()!;
	let folder = root;
	for (const segment of segments) {
		if (alwaysSkippedFolders.has(segment)) return false;
		folder = joinUri(folder, segment);
		if (scope && isPruned(folder, scope)) return false;
	}
	return !isVendored(name);
}

/** A folder the governing plan's excludes rule out entirely (`dist/**`): the walk does not enter it. */
function isPruned(folder: string, scope: SourceScope): boolean {
	const scoped = scope.filterFor(joinUri(folder, 'x'));
	return scoped !== undefined && !scoped.filter.mayContain(scoped.relativePath.slice(0, -2));
}

/**
 * The source files below the roots that a plan governs, walking folders without following symbolic
 * links, skipping dependency, version-control and excluded folders. Unreadable folders are passed
 * to `onUnreadable` and skipped.
 */
export async function collectSourceFiles(
	files: WorkspaceFileSystem,
	roots: readonly string[],
	scope: SourceScope,
	token: CancellationToken,
	onUnreadable: (uri: string, error: unknown) => void = () => {},
): Promise<CollectedSource[]> {
	const found = new Map<string, CollectedSource>();
	const pendingFiles: string[] = [];
	const pendingFolders: string[] = [];
	for (const root of roots) {
		const stat = await files.stat(root).catch(() => undefined);
		if (stat?.type === 'directory') pendingFolders.push(root);
		else if (stat?.type === 'file') pendingFiles.push(root);
	}
	while (pendingFolders.length > 0) {
		throwIfCancelled(token);
		const folder = pendingFolders.pop()!;
		let entries;
		try {
			entries = await files.readDirectory(folder);
		} catch (error) {
			onUnreadable(folder, error);
			continue;
		}
		for (const [name, type] of entries) {
			const uri = joinUri(folder, name);
			if (type === 'directory') {
				if (alwaysSkippedFolders.has(name) || isPruned(uri, scope)) continue;
				pendingFolders.push(uri);
			} else if (type === 'file' && !isVendored(name) && scope.isSource(uri)) {
				pendingFiles.push(uri);
			}
		}
	}
	// A host that reads with a size limit needs no stat per file (at 20,000 files, a tenth of a check).
	const statFiles = files.readTextUpTo === undefined;
	for (const uri of pendingFiles) {
		if (found.has(uri) || !scope.isSource(uri)) continue;
		const scoped = scope.filterFor(uri);
		if (!scoped) continue;
		const excluded = !scoped.filter.matches(scoped.relativePath);
		if (!statFiles) {
			found.set(uri, { uri, size: undefined, excluded });
			continue;
		}
		try {
			const stat = await files.stat(uri);
			// Gone since its folder was read (deleted or renamed meanwhile): nothing to check.
			if (stat) found.set(uri, { uri, size: stat.size, excluded });
		} catch (error) {
			// Reported once, by whoever reads the sources (with the file-skipped finding).
			found.set(uri, { uri, size: 0, excluded, unreadable: error });
		}
	}
	return [...found.values()].sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
}
