import { createHash } from 'node:crypto';
import type { WorkspaceFileSystem } from '../../core/src/index';

/**
 * What the index was last fed from disk, per file: a fingerprint of the text of each whole-file read
 * (`readFile`: plans, imported files, files re-read after a watcher event or a close). Of the bulk
 * reads of a workspace load (`readTextUpTo`), only the texts `worthRecording` picks are (the ones the
 * index scans: about 2% of a big workspace's files), so a load hashes little; any other file counts
 * as unknown, and the first edit that needs it re-reads it into the index once.
 */
export class IndexedTexts {
	private readonly fingerprints = new Map<string, string>();

	constructor(private readonly worthRecording: (uri: string, text: string) => boolean) {}

	/** The file system the index reads through: every whole-file read is recorded. */
	recordingReads(files: WorkspaceFileSystem): WorkspaceFileSystem {
		const recorded: WorkspaceFileSystem = {
			stat: (uri) => files.stat(uri),
			readDirectory: (uri) => files.readDirectory(uri),
			readFile: async (uri) => {
				try {
					const text = await files.readFile(uri);
					this.fingerprints.set(uri, fingerprint(text));
					return text;
				} catch (error) {
					this.fingerprints.delete(uri);
					throw error;
				}
			},
		};
		const upTo = files.readTextUpTo?.bind(files);
		if (!upTo) return recorded;
		return {
			...recorded,
			readTextUpTo: async (uri, maxBytes) => {
				this.fingerprints.delete(uri);
				const read = await upTo(uri, maxBytes);
				if ('text' in read && this.worthRecording(uri, read.text)) this.fingerprints.set(uri, fingerprint(read.text));
				return read;
			},
		};
	}

	/** Whether the index was last fed exactly `raw` (the file's bytes as read, before any normalisation) for `uri`. */
	holds(uri: string, raw: string): boolean {
		return this.fingerprints.get(uri) === fingerprint(raw);
	}
}

function fingerprint(text: string): string {
	return `${text.length}:${createHash('sha1').update(text).digest('base64')}`;
}
