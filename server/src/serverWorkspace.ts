import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
	basenameUri,
	compileGlob,
	defaultFrontEnds,
	defaultMaxFileSize,
	documentText,
	findPlanFiles,
	indexWorkspaceFiles,
	isPlanFileName,
	joinUri,
	neverCancelled,
	relativeUriPath,
	LineIndex,
	WorkspaceIndex,
	type IndexFilesOptions,
	type WorkspaceIndexOptions,
	type WorkspaceFileSystem,
} from '../../core/src/index';
import type { PositionMapper } from './convert';
import type { TrackplanSettings } from './settings';

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

	constructor(
		private readonly files: WorkspaceFileSystem,
		private readonly openDocument: (uri: string) => TextDocument | undefined,
		private readonly settingsFor: (uri: string) => Promise<TrackplanSettings>,
		private readonly logger: Logger,
	) {
		this.index = new WorkspaceIndex(this.indexSetup());
	}

	/** Resolves when every queued update has been applied. */
	settled(): Promise<void> {
		return this.queue;
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
			const explicitPlan = settings?.plan && this.folders[0] ? joinUri(this.folders[0], settings.plan) : undefined;
			const index = new WorkspaceIndex({ ...this.indexSetup(), ...(explicitPlan ? { explicitPlan } : {}) });
			const planUris = new Set<string>(explicitPlan ? [explicitPlan] : []);
			for (const folder of this.folders) for (const uri of await findPlanFiles(this.files, folder, neverCancelled)) planUris.add(uri);
			for (const uri of planUris) {
				const text = await this.text(uri);
				if (text !== undefined) index.setPlan(uri, text);
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
				const isNew = !this.index.plan(uri);
				this.index.setPlan(uri, text);
				if (isNew) await this.reindexFolder();
				return;
			}
			if (!this.index.frontEndFor(uri) || !this.index.planFor(uri)) return;
			this.index.setSource(uri, text, { excluded: !this.passesSettingsFilter(uri) || this.excludedByPlan(uri) });
			await this.loadImports();
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
				const text = await this.text(uri);
				if (isPlanFileName(basenameUri(uri))) {
					plansChanged ||= text === undefined ? this.index.plan(uri) !== undefined : !this.index.plan(uri);
					if (text === undefined) this.index.removePlan(uri);
					else this.index.setPlan(uri, text);
				} else if (text === undefined) {
					this.index.removeSource(uri);
				} else if (this.index.frontEndFor(uri) && this.index.planFor(uri)) {
					this.index.setSource(uri, text, { excluded: !this.passesSettingsFilter(uri) || this.excludedByPlan(uri) });
				}
			}
			if (plansChanged) await this.reindexFolder();
			else await this.loadImports();
		});
	}

	/** Offsets ↔ positions for a file: the open editor's document, else the index's line table (files with calls, plans). */
	lines(uri: string): PositionMapper {
		return this.openDocument(uri) ?? (this.index.lineIndex(uri) as LineIndex);
	}

	/** Like `lines`, for any file: one the index keeps no line table for (e.g. a file of constants) is read from disk. */
	async linesOfAny(uri: string): Promise<PositionMapper> {
		const open = this.openDocument(uri);
		if (open) return open;
		if (this.index.plan(uri) || this.index.calls(uri).length > 0) return this.index.lineIndex(uri);
		const text = await this.text(uri);
		return text === undefined ? this.index.lineIndex(uri) : new LineIndex(text);
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

	private async loadImports(): Promise<void> {
		await this.index.loadImportedFiles((uri) => this.text(uri), neverCancelled);
	}

	/** A plan appeared or disappeared: which files are governed changed, so read the folders again (plans and open files kept). */
	private async reindexFolder(): Promise<void> {
		const sources = await indexWorkspaceFiles(this.index, this.files, this.folders, this.indexOptions(), neverCancelled);
		this.logger.log(`Re-indexed ${sources.length} source file(s) after a plan was added or removed.`);
	}

	/** The index's front ends, and where its contained internal errors are logged (with their stacks). */
	private indexSetup(): WorkspaceIndexOptions {
		return {
			frontEnds: defaultFrontEnds,
			onInternalError: (context, error) => this.logger.error(`Trackplan: internal error in ${context}; its findings are missing. ${describe(error)}`),
		};
	}

	/** How files are read into the index: the settings' size cap and filters, open editors' text first. */
	private indexOptions(): IndexFilesOptions {
		return {
			maxFileSize: this.folderSettings?.maxFileSize ?? defaultMaxFileSize,
			extraFilter: (uri) => this.passesSettingsFilter(uri),
			openText: (uri) => this.openDocument(uri)?.getText(),
			onUnreadable: (uri, error) => this.logger.log(`Skipped ${uri}: ${describe(error)}`),
		};
	}

	private passesSettingsFilter(uri: string): boolean {
		const settings = this.folderSettings;
		if (!settings || (settings.include.length === 0 && settings.exclude.length === 0)) return true;
		const folder = this.folders.find((f) => relativeUriPath(f, uri) !== undefined);
		const relative = folder ? relativeUriPath(folder, uri)! : uri;
		const included = settings.include.length === 0 || settings.include.some((glob) => compileGlob(glob)(relative));
		return included && !settings.exclude.some((glob) => compileGlob(glob)(relative));
	}

	private excludedByPlan(uri: string): boolean {
		const plan = this.index.planFor(uri);
		if (!plan) return true;
		const folder = plan.uri.slice(0, plan.uri.lastIndexOf('/'));
		const relative = relativeUriPath(folder, uri);
		if (relative === undefined) return false;
		const { include, exclude } = plan.model.sources;
		return !include.some((glob) => compileGlob(glob)(relative)) || exclude.some((glob) => compileGlob(glob)(relative));
	}
}

function describe(error: unknown): string {
	return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
