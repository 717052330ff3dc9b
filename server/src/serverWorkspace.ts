import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
	basenameUri,
	SourceFilter,
	planIncludes,
	defaultFrontEnds,
	defaultMaxFileSize,
	dirnameUri,
	documentText,
	findPlanFiles,
	formatSize,
	indexWorkspaceFiles,
	isPlanFileName,
	isReachedByWalk,
	joinUri,
	maxPlanSize,
	neverCancelled,
	planFileNames,
	relativeUriPath,
	utf8SizeOver,
	walkReaches,
	LineIndex,
	WorkspaceIndex,
	type CancellationToken,
	type IndexFilesOptions,
	type ParsedPlan,
	type PlanTooLarge,
	type WorkspaceIndexOptions,
	type WorkspaceFileSystem,
} from '../../core/src/index';
import type { PositionMapper } from './convert';
import { workspaceFileSegments } from './workspaceFileUri';
import { computeOnCurrentTexts, type CurrentTextsHost } from './computeOnCurrentTexts';
import type { CurrentTexts, DiskState } from './currentTexts';
import { IndexedTexts } from './indexedTexts';
import type { TrackplanSettings } from './settings';
import { nodeWasmAssets } from '../../node/src/nodeWasmAssets';

export interface Logger {
	log(message: string): void;
	error(message: string): void;
}

/**
 * The server's view of the workspace: the core's index, fed from disk at start and then per file
 * from open editors and file-watcher events. Every update is queued, so requests see a settled
 * index (`settled()`), and every update touches only the files it is about.
 */
export class ServerWorkspace {
	index: WorkspaceIndex;
	private folders: string[] = [];
	private queue: Promise<void> = Promise.resolve();
	private folderSettings: TrackplanSettings | undefined;
	private settingsFilter: { readonly settings: TrackplanSettings; readonly filter: SourceFilter } | undefined;
	private explicitPlan: string | undefined;
	/** What the index was last fed from disk; the index reads through `files`, which records it. */
	private readonly indexedTexts = new IndexedTexts((uri, text) => this.index.frontEndFor(uri)?.mayContainGroupCalls(text) === true);
	private readonly files: WorkspaceFileSystem;

	constructor(
		/** The disk, read directly (not recorded) for the texts edits are computed from. */
		private readonly disk: WorkspaceFileSystem,
		private readonly openDocument: (uri: string) => TextDocument | undefined,
		private readonly settingsFor: (uri: string) => Promise<TrackplanSettings>,
		private readonly logger: Logger,
	) {
		this.files = this.indexedTexts.recordingReads(disk);
		this.index = new WorkspaceIndex(this.indexSetup());
	}

	/** Resolves when every queued update has been applied. */
	settled(): Promise<void> {
		return this.queue;
	}

	/** Resolves once no update is queued, including the ones queued while waiting. */
	private async settledNow(): Promise<void> {
		let queue: Promise<void>;
		do {
			queue = this.queue;
			await queue;
		} while (queue !== this.queue);
	}

	/** Runs `compute` on the files as they are now, never on a cached copy: see `computeOnCurrentTexts`. */
	withCurrentTexts<T>(
		targets: readonly string[],
		compute: (texts: CurrentTexts) => Promise<T>,
		edited: (result: T) => readonly string[],
		token: CancellationToken = neverCancelled,
	): Promise<{ result: T; texts: CurrentTexts } | undefined> {
		return computeOnCurrentTexts(this.currentTextsHost, targets, compute, edited, token);
	}

	/** What `computeOnCurrentTexts` needs of this workspace. */
	private readonly currentTextsHost: CurrentTextsHost = {
		settledNow: () => this.settledNow(),
		generation: () => this.queue,
		planUris: () => this.index.allPlans().map((plan) => plan.uri),
		openDocument: (uri) => this.openDocument(uri),
		planCandidates: (uri) => this.planCandidates(uri),
		readable: (uri) => this.readable(uri),
		diskState: (uri) => this.diskState(uri),
		indexHolds: (uri, state) => this.indexHolds(uri, state),
		refreshFromDisk: (uris) => this.refreshFromDisk(uris),
		log: (message) => this.logger.log(message),
	};

	/** The source files the index scanned (with calls, or exports other files import): a rename may edit any of them. */
	scannedSources(): string[] {
		return this.index.sourceUris().filter((uri) => this.index.facts(uri) !== undefined);
	}

	/** The plan files that could govern `uri`: tracking-plan.yaml / .yml in each of its folders up to its workspace folder. */
	private planCandidates(uri: string): string[] {
		const folder = this.folders.find((f) => relativeUriPath(f, uri) !== undefined);
		if (!folder || this.explicitPlan) return [];
		const candidates: string[] = [];
		for (let dir = dirnameUri(uri); relativeUriPath(folder, dir) !== undefined; dir = dirnameUri(dir)) {
			for (const name of planFileNames) candidates.push(joinUri(dir, name));
			if (dir === folder || dirnameUri(dir) === dir) break;
		}
		return candidates;
	}

	/** Whether a URI the client named may be read: one the index holds, else a plain file of the workspace (as for watcher events). */
	private async readable(uri: string): Promise<boolean> {
		return this.index.plan(uri) !== undefined || this.index.hasSource(uri) || (await this.isWorkspaceFile(uri));
	}

	/** A closed file as it is on disk now, read directly (a source over the size cap, or a plan over the plan size cap, is not read). */
	private async diskState(uri: string): Promise<DiskState> {
		try {
			if (this.disk.readTextUpTo) {
				const read = await this.disk.readTextUpTo(uri, isPlanFileName(basenameUri(uri)) ? maxPlanSize(this.maxFileSize()) : this.maxFileSize());
				return 'text' in read ? { kind: 'text', raw: read.text } : { kind: 'too-large' };
			}
			return { kind: 'text', raw: await this.disk.readFile(uri) };
		} catch {
			return { kind: 'absent' };
		}
	}

	/** Whether the index holds the file as it is on disk (`state`). */
	private indexHolds(uri: string, state: DiskState): boolean {
		// A plan too large to read for an edit: nothing to compare (and no edit of it is answered, see withCurrentTexts).
		if (isPlanFileName(basenameUri(uri)) && state.kind === 'too-large') return true;
		const plan = this.index.plan(uri);
		if (plan) return state.kind === 'text' && documentText(state.raw) === plan.text;
		if (state.kind === 'absent') return !this.index.hasSource(uri);
		if (state.kind === 'too-large') return this.index.facts(uri) === undefined;
		return this.indexedTexts.holds(uri, state.raw);
	}

	private enqueue(work: () => Promise<void>): Promise<void> {
		this.queue = this.queue.then(work).catch((error: unknown) => this.logger.error(`Trackplan: update failed: ${describe(error)}`));
		return this.queue;
	}

	/** (Re)builds the index from the workspace folders: plans first, then every source they govern. */
	load(folders: readonly string[]): Promise<void> {
		this.folders = [...folders];
		return this.enqueue(async () => {
			const started = Date.now();
			const settings = this.folders[0] ? await this.settingsFor(this.folders[0]) : undefined;
			this.folderSettings = settings;
			const explicitPlan = this.explicitPlanOf(settings);
			this.explicitPlan = explicitPlan;
			const index = new WorkspaceIndex({ ...this.indexSetup(), ...(explicitPlan ? { explicitPlan } : {}) });
			const planUris = new Set<string>(explicitPlan ? [explicitPlan] : []);
			for (const folder of this.folders) for (const uri of await findPlanFiles(this.files, folder, neverCancelled)) planUris.add(uri);
			for (const uri of planUris) {
				const plan = await this.planText(uri);
				if (plan !== undefined) index.setPlan(uri, plan.text, plan.tooLarge);
			}
			const sources = await indexWorkspaceFiles(index, this.files, this.folders, this.indexOptions(), neverCancelled);
			this.index = index;
			this.logger.log(`Indexed ${planUris.size} plan(s) and ${sources.length} source file(s) in ${Date.now() - started} ms (${index.parseCount} parsed).`);
		});
	}

	/** An open editor's text changed (or a document opened): update that one file. */
	updateDocument(document: TextDocument): Promise<void> {
		const uri = document.uri;
		const text = document.getText();
		return this.enqueue(async () => {
			if (isPlanFileName(basenameUri(uri))) {
				if (!this.planReachedByWalk(uri)) return;
				const before = this.index.plan(uri);
				// Over the plan size cap, an open plan is not parsed either (planSizeLimit.ts).
				const limit = maxPlanSize(this.maxFileSize());
				const size = utf8SizeOver(text, limit);
				const after = size === undefined ? this.index.setPlan(uri, text) : this.index.setPlan(uri, '', { size, limit });
				if (!before || sourcesKey(before) !== sourcesKey(after)) await this.reindexFolder();
				return;
			}
			// Over the size cap, an open document is not scanned (typing into a 20 MB file would stall every request), as on disk.
			const tooLarge = utf8SizeOver(text, this.maxFileSize());
			if (tooLarge !== undefined) return this.skipTooLarge(uri, tooLarge);
			await this.setSource(uri, text);
			await this.loadImports([uri]);
		});
	}

	/** An editor closed: the file on disk is the truth again. */
	closeDocument(uri: string): Promise<void> {
		return this.refreshFromDisk([uri]);
	}

	/** Files changed on disk (watcher events): re-read the ones not open in an editor. */
	refreshFromDisk(uris: readonly string[]): Promise<void> {
		return this.enqueue(async () => {
			let plansChanged = false;
			for (const uri of uris) {
				if (this.openDocument(uri)) continue;
				if (!(await this.isWorkspaceFile(uri))) {
					// Outside the folders (or through a link, another scheme, a `..`): never read, not even stat'ed.
					// What the index held of it (an editor was open on it) goes, as a fresh load would not have it.
					if (this.index.plan(uri)) {
						this.index.removePlan(uri);
						plansChanged = true;
					} else if (this.index.hasSource(uri)) this.index.removeSource(uri);
					else this.logger.log(`Ignored a change to ${uri}: it is not a file inside the workspace folders.`);
					continue;
				}
				// The size cap holds for files that change on disk (or close in the editor) too: not read, reported.
				const tooLarge = isPlanFileName(basenameUri(uri)) ? undefined : await this.sizeOverCap(uri);
				if (tooLarge !== undefined) {
					this.skipTooLarge(uri, tooLarge);
					continue;
				}
				if (isPlanFileName(basenameUri(uri))) {
					if (!this.planReachedByWalk(uri)) continue;
					const plan = await this.planText(uri);
					const before = this.index.plan(uri);
					if (plan === undefined) this.index.removePlan(uri);
					const after = plan === undefined ? undefined : this.index.setPlan(uri, plan.text, plan.tooLarge);
					plansChanged ||= (before && sourcesKey(before)) !== (after && sourcesKey(after));
					continue;
				}
				const text = await this.text(uri);
				if (text === undefined) {
					this.index.removeSource(uri);
				} else {
					await this.setSource(uri, text);
				}
			}
			if (plansChanged) await this.reindexFolder();
			else await this.loadImports(uris);
		});
	}

	/**
	 * Whether `uri` names a file a walk of the folders could reach: a plain file URI inside a folder
	 * (workspaceFileUri.ts), with no symbolic link on the way (the walk never follows one; each folder
	 * on the path is looked at, inside the workspace, before the file is).
	 */
	private async isWorkspaceFile(uri: string): Promise<boolean> {
		const inside = workspaceFileSegments(this.folders, uri);
		if (!inside) return false;
		let folder = inside.folder;
		for (const segment of inside.segments.slice(0, -1)) {
			folder = joinUri(folder, segment);
			const stat = await this.files.stat(folder).catch(() => undefined);
			// (A folder that is gone: the file is too, and reading it finds nothing.)
			if (stat === undefined) return true;
			if (stat.type !== 'directory') return false;
		}
		return true;
	}

	/** Offsets ↔ positions for a file: the open editor's document, else the index's line table (files with calls, plans). */
	lines(uri: string): PositionMapper {
		return this.openDocument(uri) ?? (this.index.lineIndex(uri) as LineIndex);
	}

	/** A file's current text: the open editor's, else the disk's. */
	async text(uri: string): Promise<string | undefined> {
		const open = this.openDocument(uri);
		if (open) return open.getText();
		try {
			return documentText(await this.files.readFile(uri));
		} catch {
			return undefined;
		}
	}

	/**
	 * A plan's current text (the open editor's, else the disk's), or when it is over the plan size cap
	 * its size, unread (a plan on disk is never read whole to find out); undefined when it cannot be read.
	 */
	private async planText(uri: string): Promise<{ text: string; tooLarge?: PlanTooLarge } | undefined> {
		const limit = maxPlanSize(this.maxFileSize());
		const open = this.openDocument(uri);
		if (open) {
			const size = utf8SizeOver(open.getText(), limit);
			return size === undefined ? { text: open.getText() } : { text: '', tooLarge: { size, limit } };
		}
		try {
			if (this.files.readTextUpTo) {
				const read = await this.files.readTextUpTo(uri, limit);
				return 'text' in read ? { text: documentText(read.text) } : { text: '', tooLarge: { size: read.size, limit } };
			}
			const stat = await this.files.stat(uri);
			if (stat && stat.size > limit) return { text: '', tooLarge: { size: stat.size, limit } };
			return { text: documentText(await this.files.readFile(uri)) };
		} catch {
			return undefined;
		}
	}

	/** Scans files newly imported by `from` (the files just updated), so their names resolve. */
	private async loadImports(from: readonly string[]): Promise<void> {
		await this.index.loadImportedFiles((uri) => this.text(uri), neverCancelled, from);
	}

	/**
	 * A plan appeared or disappeared, or its `sources` changed: which files are governed and which are
	 * excluded changed, so the folders are read again into a fresh index (plans and open files kept),
	 * as a cold check would read them. Updating the old index in place would keep files the new walk
	 * no longer reaches, with their old governing plan and exclusion.
	 */
	private async reindexFolder(): Promise<void> {
		const previous = this.index;
		const index = new WorkspaceIndex({ ...this.indexSetup(), ...(this.explicitPlan ? { explicitPlan: this.explicitPlan } : {}) });
		for (const plan of previous.allPlans()) index.setPlan(plan.uri, plan.text, plan.tooLarge);
		const sources = await indexWorkspaceFiles(index, this.files, this.folders, this.indexOptions(), neverCancelled);
		this.index = index;
		// Open documents the walk did not find on disk (deleted while open, not saved yet) are still checked.
		for (const uri of previous.sourceUris()) {
			const open = this.openDocument(uri);
			if (!open || index.hasSource(uri)) continue;
			const tooLarge = utf8SizeOver(open.getText(), this.maxFileSize());
			if (tooLarge === undefined) await this.setSource(uri, open.getText());
			else this.skipTooLarge(uri, tooLarge);
		}
		await this.loadImports(previous.sourceUris().filter((uri) => this.openDocument(uri) !== undefined));
		this.logger.log(`Re-indexed ${sources.length} source file(s) after a plan was added or removed, or its sources changed.`);
	}

	/**
	 * Records one source file's text, if a plan governs it and loading the folders would read it (not in
	 * node_modules or a folder the plan's excludes prune, not vendored), excluded as the globs say.
	 */
	private async setSource(uri: string, text: string): Promise<void> {
		if (!this.indexes(uri)) return;
		// The first file of a language whose parser is WebAssembly loads that parser (once per process).
		await this.index.prepareFrontEnds([uri]);
		this.index.setSource(uri, text, { excluded: !this.passesSettingsFilter(uri) || this.excludedByPlan(uri) });
	}

	/** Like `setSource`, for a file over the size cap: recorded as skipped, never read. */
	private skipTooLarge(uri: string, size: number): void {
		if (!this.indexes(uri)) return;
		const detail = `${formatSize(size)} > ${formatSize(this.maxFileSize())}`;
		this.index.skipSource(uri, { reason: 'too-large', detail }, { excluded: !this.passesSettingsFilter(uri) || this.excludedByPlan(uri) });
	}

	/** Whether the index takes this source file: a plan governs it and loading the folders would read it. */
	private indexes(uri: string): boolean {
		if (!this.index.frontEndFor(uri) || !this.index.planFor(uri)) return false;
		const containing = this.folders.filter((folder) => relativeUriPath(folder, uri) !== undefined);
		return containing.length === 0 || isReachedByWalk(this.index, containing, uri);
	}

	/** The size of a file on disk when it is over the size cap; undefined otherwise (or when it is not a file). */
	private async sizeOverCap(uri: string): Promise<number | undefined> {
		const stat = await this.files.stat(uri).catch(() => undefined);
		return stat?.type === 'file' && stat.size > this.maxFileSize() ? stat.size : undefined;
	}

	private maxFileSize(): number {
		return this.folderSettings?.maxFileSize ?? defaultMaxFileSize;
	}

	/**
	 * The plan the `trackplan.plan` setting names, inside a workspace folder only: the setting may come
	 * from the workspace's own .vscode/settings.json (a stranger's repository), and a path climbing out
	 * of the folder (`../../other/plan.yaml`) must not make the server read, or report on, anything there.
	 */
	private explicitPlanOf(settings: TrackplanSettings | undefined): string | undefined {
		if (!settings?.plan || !this.folders[0]) return undefined;
		const uri = joinUri(this.folders[0], settings.plan);
		if (this.folders.some((folder) => relativeUriPath(folder, uri) !== undefined)) return uri;
		this.logger.error(`Trackplan: the trackplan.plan setting (${settings.plan}) points outside the workspace folder; it is ignored and the plans in the folder are used.`);
		return undefined;
	}

	/** The index's front ends, and where its contained internal errors are logged (with their stacks). */
	private indexSetup(): WorkspaceIndexOptions {
		return {
			frontEnds: defaultFrontEnds,
			wasmAssets: nodeWasmAssets(),
			onInternalError: (context, error) => this.logger.error(`Trackplan: internal error in ${context}; its findings are missing. ${describe(error)}`),
		};
	}

	/** How files are read into the index: the settings' size cap and filters, open editors' text first. */
	private indexOptions(): IndexFilesOptions {
		return {
			maxFileSize: this.maxFileSize(),
			extraFilter: (uri) => this.passesSettingsFilter(uri),
			openText: (uri) => this.openDocument(uri)?.getText(),
			onUnreadable: (uri, error) => this.logger.log(`Skipped ${uri}: ${describe(error)}`),
			// File reads are synchronous (see NodeFileSystem): let messages through while a big workspace loads.
			pause: () => new Promise((resolve) => setImmediate(resolve)),
		};
	}

	/** A plan in node_modules or .git: loading the folders never finds it, so an editor or watcher naming it changes nothing. */
	private planReachedByWalk(uri: string): boolean {
		const containing = this.folders.filter((folder) => relativeUriPath(folder, uri) !== undefined);
		return containing.length === 0 || containing.some((folder) => walkReaches(folder, uri));
	}

	/** trackplan.include / exclude, compiled once per settings read (the walk asks this of every file). */
	private passesSettingsFilter(uri: string): boolean {
		const settings = this.folderSettings;
		if (!settings || (settings.include.length === 0 && settings.exclude.length === 0)) return true;
		if (this.settingsFilter?.settings !== settings) this.settingsFilter = { settings, filter: new SourceFilter(settings.include.length === 0 ? ['**'] : settings.include, settings.exclude) };
		const folder = this.folders.find((f) => relativeUriPath(f, uri) !== undefined);
		return this.settingsFilter.filter.matches(folder ? relativeUriPath(folder, uri)! : uri);
	}

	private excludedByPlan(uri: string): boolean {
		const plan = this.index.planFor(uri);
		return !plan || !planIncludes(plan, uri);
	}
}

/** A plan's `sources` globs, compared to tell whether a plan edit changes which files are checked. */
function sourcesKey(plan: ParsedPlan): string {
	return JSON.stringify(plan.model.sources);
}

function describe(error: unknown): string {
	return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
