import type { TextRange } from '../text/textRange';

/** A change to one document, in offsets. Hosts convert it to LSP once, at the edge. */
export interface TextEdit {
	readonly range: TextRange;
	readonly newText: string;
}

/** Edits grouped by document URI. */
export type WorkspaceTextEdits = Readonly<Record<string, readonly TextEdit[]>>;

export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
	const sorted = [...edits].sort((a, b) => b.range.start - a.range.start || b.range.end - a.range.end);
	let result = text;
	for (const edit of sorted) result = result.slice(0, edit.range.start) + edit.newText + result.slice(edit.range.end);
	return result;
}
