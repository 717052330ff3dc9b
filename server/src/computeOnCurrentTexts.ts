import type { TextDocument } from 'vscode-languageserver-textdocument';
import { neverCancelled, throwIfCancelled, type CancellationToken } from '../../core/src/index';
import { CurrentTexts, type DiskState } from './currentTexts';

/** What computing on current texts needs of the server's workspace (ServerWorkspace provides it). */
export interface CurrentTextsHost {
	/** Resolves once no update is queued, including the ones queued while waiting. */
	settledNow(): Promise<void>;
	/** Changes whenever an update is queued. */
	generation(): unknown;
	/** Every plan the index holds. */
	planUris(): readonly string[];
	openDocument(uri: string): TextDocument | undefined;
	/** The plan files that could govern `uri`. */
	planCandidates(uri: string): readonly string[];
	/** Whether the URI may be read at all (inside the workspace, or held by the index). */
	readable(uri: string): Promise<boolean>;
	/** A closed file as it is on disk now. */
	diskState(uri: string): Promise<DiskState>;
	/** Whether the index holds the file as it is on disk. */
	indexHolds(uri: string, state: DiskState): boolean;
	/** Re-reads files into the index, as watcher events would. */
	refreshFromDisk(uris: readonly string[]): Promise<void>;
	log(message: string): void;
}

/**
 * Runs `compute` (which returns edits) on the files as they are now, never on a cached copy: an open
 * document's text, else the disk's at request time. Watcher events may never come (a client that
 * does not watch files; a change from outside, like `git checkout`), so before computing, each closed
 * file among `targets` and among the files the computation reads or edits is read from disk and
 * compared with what the index was fed; the ones that differ are re-read into the index (per file,
 * as a watcher event would), then the edits are computed again. The answer is given only when
 * nothing changed from reading to answering: no update queued, no open document edited, no closed
 * file changed on disk; else it is computed again, a few times at most (then undefined).
 */
export async function computeOnCurrentTexts<T>(
host: CurrentTextsHost,
targets: readonly string[],
	compute: (texts: CurrentTexts) => Promise<T>,
	edited: (result: T) => readonly string[],
	token: CancellationToken = neverCancelled,
): Promise<{ result: T; texts: CurrentTexts } | undefined> {
	// Which plan governs a file depends on the plans in its folders: one may have appeared or gone unseen too.
	const wanted = new Set([...targets, ...targets.flatMap((uri) => host.planCandidates(uri))]);
	for (let round = 0; round < maxEditRounds; round++) {
		throwIfCancelled(token);
		await host.settledNow();
		// Every plan the index holds, too (a few small files): one edited or deleted unseen changes which files are governed, and how.
		for (const uri of host.planUris()) wanted.add(uri);
		const disk = new Map<string, DiskState>();
		for (const uri of [...wanted].sort()) {
			// A URI from the client (a request's document, a diagnostic's data) is read only inside the workspace or when the index holds it.
			if (!host.openDocument(uri)) disk.set(uri, (await host.readable(uri)) ? await host.diskState(uri) : { kind: 'absent' });
		}
		const stale = [...disk].filter(([uri, state]) => !host.indexHolds(uri, state)).map(([uri]) => uri);
		if (stale.length > 0) {
			await host.refreshFromDisk(stale);
			continue;
		}
		await host.settledNow();
		if ([...disk].some(([uri, state]) => !host.indexHolds(uri, state))) continue;
		const generation = host.generation();
		const texts = new CurrentTexts(host.openDocument, disk);
		const result = await compute(texts);
		const edits = edited(result);
		const unread = [...texts.unread, ...edits, ...edits.flatMap((uri) => host.planCandidates(uri))].filter((uri) => !host.openDocument(uri) && !disk.has(uri));
		if (unread.length > 0) {
			for (const uri of unread) wanted.add(uri);
			continue;
		}
		if (host.generation() !== generation || !texts.unchanged()) continue;
		// An edit of a closed file that is gone, or too large to read, has no text to be positioned in.
		if (edits.some((uri) => disk.has(uri) && disk.get(uri)!.kind !== 'text')) return undefined;
		// The files the answer rests on: the ones it edits, and the closed ones whose text it read.
		let changedOnDisk = false;
		for (const uri of new Set([...edits, ...texts.used])) {
			const state = disk.get(uri);
			if (state && (await host.readable(uri)) && !sameDiskState(state, await host.diskState(uri))) changedOnDisk = true;
		}
		if (!changedOnDisk) return { result, texts };
	}
	host.log(`Trackplan: files kept changing while an edit was computed (${maxEditRounds} attempts); no edit returned.`);
	return undefined;
}

/** How many times an edit is computed again when the files it reads keep changing before it is answered. */
const maxEditRounds = 8;

function sameDiskState(a: DiskState, b: DiskState): boolean {
	return a.kind === b.kind && (a.kind !== 'text' || a.raw === (b as typeof a).raw);
}
