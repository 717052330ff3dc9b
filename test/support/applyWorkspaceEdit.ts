import type { TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';

/** A file as the client holds it: its text, and the version of its open document (null: not open). */
export interface ClientFile {
	readonly text: string;
	readonly version: number | null;
}

/** What applying a WorkspaceEdit did: the new text of each file, or why the client rejected the edit. */
export type AppliedEdit = { readonly texts: Map<string, string> } | { readonly rejected: string };

/**
 * Applies a WorkspaceEdit as a client would: `documentChanges` first (a TextDocumentEdit whose version
 * is not the open document's is rejected, and with it the whole edit, as VS Code does), else `changes`.
 * Positions are taken over each file's current text.
 */
export function applyWorkspaceEdit(edit: WorkspaceEdit, file: (uri: string) => ClientFile | undefined): AppliedEdit {
	const perFile: [string, TextEdit[]][] = [];
	if (edit.documentChanges) {
		for (const change of edit.documentChanges) {
			if (!('textDocument' in change)) return { rejected: `a resource operation (${change.kind})` };
			const current = file(change.textDocument.uri);
			if (!current) return { rejected: `${change.textDocument.uri} does not exist` };
			const version = change.textDocument.version;
			if (version !== null && version !== current.version) return { rejected: `${change.textDocument.uri} is at version ${current.version}, the edit is for version ${version}` };
			perFile.push([change.textDocument.uri, change.edits as TextEdit[]]);
		}
	} else {
		for (const [uri, edits] of Object.entries(edit.changes ?? {})) perFile.push([uri, edits]);
	}
	const texts = new Map<string, string>();
	for (const [uri, edits] of perFile) {
		const current = file(uri);
		if (!current) return { rejected: `${uri} does not exist` };
		texts.set(uri, TextDocument.applyEdits(TextDocument.create(uri, 'text', 0, texts.get(uri) ?? current.text), edits));
	}
	return { texts };
}
