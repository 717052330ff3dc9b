import { throwIfCancelled, type CancellationToken } from '../cancellation';
import { documentText } from '../text/documentText';
import { utf8SizeOver } from '../text/utf8Size';
import { collectSourceFiles, walkReaches, type CollectedSource, type SourceScope } from '../workspace/collectSourceFiles';
import type { WorkspaceFileSystem } from '../workspace/workspaceFileSystem';
import { mapWithConcurrency } from '../util/mapWithConcurrency';
import { planSourcePath } from './planSources';
import type { WorkspaceIndex } from './workspaceIndex';

/** Files larger than this are not scanned (an information finding says so). */
export const defaultMaxFileSize = 1024 * 1024;

export interface IndexFilesOptions {
	readonly maxFileSize?: number;
	/** Extra filter on top of each plan's `sources` (e.g. the editor's trackplan.include / exclude settings). */
	readonly extraFilter?: (uri: string) => boolean;
	/** Told about folders and files that could not be read (they are skipped). */
	readonly onUnreadable?: (uri: string, error: unknown) => void;
	/** Text of files the host holds in memory (open editors), preferred over the disk. */
	readonly openText?: (uri: string) => string | undefined;
	/** Lets the host breathe (a server answers messages) about every `pauseEveryMs` of indexing. */
	readonly pause?: () => Promise<void>;
}

const pauseEveryMs = 50;

const readConcurrency = 16;

/**
 * Reads the source files below `roots` that the index's plans govern into the index (with bounded
 * concurrency), then the files they import names from. Plans must be in the index already.
 */
export async function indexWorkspaceFiles(
	index: WorkspaceIndex,
	files: WorkspaceFileSystem,
	roots: readonly string[],
	options: IndexFilesOptions,
	token: CancellationToken,
): Promise<CollectedSource[]> {
	const maxFileSize = options.maxFileSize ?? defaultMaxFileSize;
	const sources = await collectSourceFiles(files, roots, sourceScope(index), token, options.onUnreadable);
	await index.prepareFrontEnds(sources.map((source) => source.uri));
	const read = async (uri: string): Promise<string> => options.openText?.(uri) ?? documentText(await files.readFile(uri));
	const tooLarge = (source: CollectedSource, size: number, excluded: boolean) =>
		index.skipSource(source.uri, { reason: 'too-large', detail: `${formatSize(size)} > ${formatSize(maxFileSize)}` }, { excluded });
	let lastPause = Date.now();
	await mapWithConcurrency(sources, readConcurrency, async (source) => {
		throwIfCancelled(token);
		if (options.pause && Date.now() - lastPause > pauseEveryMs) {
			await options.pause();
			lastPause = Date.now();
		}
		const excluded = source.excluded || (options.extraFilter ? !options.extraFilter(source.uri) : false);
		const open = options.openText?.(source.uri);
		// An open editor's text is held to the cap as the disk is, in bytes (UTF-8): not scanned, reported.
		const openSize = open === undefined ? undefined : utf8SizeOver(open, maxFileSize);
		if (openSize !== undefined) return tooLarge(source, openSize, excluded);
		if (open === undefined && source.size !== undefined && source.size > maxFileSize) return tooLarge(source, source.size, excluded);
		let text: string;
		try {
			if (open !== undefined) text = open;
			else if (source.unreadable !== undefined) throw source.unreadable;
			else if (files.readTextUpTo) {
				const capped = await files.readTextUpTo(source.uri, maxFileSize);
				if (!('text' in capped)) return tooLarge(source, capped.size, excluded);
				text = documentText(capped.text);
			} else text = documentText(await files.readFile(source.uri));
		} catch (error) {
			options.onUnreadable?.(source.uri, error);
			// Deleted or renamed between the walk and the read: it is not there to check (or to report on).
			if (source.unreadable === undefined && (await files.stat(source.uri).catch(() => null)) === undefined) return;
			index.skipSource(source.uri, { reason: 'unreadable', detail: `it could not be read (${errorText(error)})` }, { excluded });
			return;
		}
		index.setSource(source.uri, text, { excluded });
	});
	await index.loadImportedFiles(async (uri) => {
		try {
			return await read(uri);
		} catch {
			return undefined;
		}
	}, token);
	return sources;
}

/** The walk's view of the index's plans: which files a front end reads, and each file's governing plan's `sources` filter. */
function sourceScope(index: WorkspaceIndex): SourceScope {
	return {
		isSource: (uri) => index.frontEndFor(uri) !== undefined,
		filterFor: (uri) => {
			const plan = index.planFor(uri);
			return plan ? planSourcePath(plan, uri) : undefined;
		},
	};
}

/**
 * Whether `indexWorkspaceFiles` over `roots` reads the source `uri` (see `walkReaches`): hosts told
 * about one file (an editor, a file watcher) index it only then, so they agree with a walk.
 */
export function isReachedByWalk(index: WorkspaceIndex, roots: readonly string[], uri: string): boolean {
	const scope = sourceScope(index);
	return roots.some((root) => walkReaches(root, uri, scope));
}

export function formatSize(bytes: number): string {
	return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

function errorText(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}
