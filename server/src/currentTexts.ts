import type { TextDocument } from 'vscode-languageserver-textdocument';
import { documentText, LineIndex } from '../../core/src/index';
import type { PositionMapper } from './convert';

/** A file on disk as an edit was computed from it: its bytes as read, or why there are none. */
export type DiskState = { readonly kind: 'text'; readonly raw: string } | { readonly kind: 'absent' } | { readonly kind: 'too-large' };

/**
 * The texts one edit is computed from: an open document's (with its version), else the disk's as
 * read for this request. Records every file asked for, so the caller can tell which closed files the
 * computation needed but were not read yet (it then reads them and computes again), and whether an
 * open document changed meanwhile.
 */
export class CurrentTexts {
	/** Closed files asked for that were not read for this request. */
	readonly unread = new Set<string>();
	/** Closed files asked for that were read for this request: the computation depends on their text. */
	readonly used = new Set<string>();
	private readonly versions = new Map<string, number>();
	private readonly mappers = new Map<string, PositionMapper>();

	constructor(
		private readonly openDocument: (uri: string) => TextDocument | undefined,
		private readonly disk: ReadonlyMap<string, DiskState>,
	) {}

	/** The file's text, or undefined (not there, too large, or not read yet: see `unread`). */
	text(uri: string): string | undefined {
		const open = this.open(uri);
		if (open) return open.getText();
		const state = this.disk.get(uri);
		if (state) this.used.add(uri);
		else this.unread.add(uri);
		return state?.kind === 'text' ? documentText(state.raw) : undefined;
	}

	/** Offsets ↔ positions over that same text. */
	lines(uri: string): PositionMapper {
		const open = this.open(uri);
		if (open) return open;
		let mapper = this.mappers.get(uri);
		if (!mapper) this.mappers.set(uri, (mapper = new LineIndex(this.text(uri) ?? '')));
		return mapper;
	}

	/** The open document's version the text is of; null for a closed file (LSP's OptionalVersionedTextDocumentIdentifier). */
	version(uri: string): number | null {
		return this.open(uri)?.version ?? null;
	}

	/** Whether every open document read is still at the version read (and still open), and no closed one was opened. */
	unchanged(): boolean {
		for (const [uri, version] of this.versions) if (this.openDocument(uri)?.version !== version) return false;
		for (const uri of this.disk.keys()) if (this.openDocument(uri)) return false;
		return true;
	}

	private open(uri: string): TextDocument | undefined {
		const document = this.openDocument(uri);
		if (document && !this.versions.has(uri)) this.versions.set(uri, document.version);
		return document;
	}
}
