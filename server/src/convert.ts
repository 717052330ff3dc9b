import { DiagnosticSeverity, type Diagnostic, type Range, type TextEdit as LspTextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import type { DiagnosticRef, Finding, LinePosition, Severity, TextRange, WorkspaceTextEdits } from '../../core/src/index';

/** Converts offsets of one document to positions and back (an open TextDocument or a LineIndex both fit). */
export interface PositionMapper {
	positionAt(offset: number): LinePosition;
	offsetAt(position: LinePosition): number;
}

const severities: Record<Severity, DiagnosticSeverity> = {
	error: DiagnosticSeverity.Error,
	warning: DiagnosticSeverity.Warning,
	information: DiagnosticSeverity.Information,
	hint: DiagnosticSeverity.Hint,
};

export function toLspRange(range: TextRange, lines: PositionMapper): Range {
	return { start: lines.positionAt(range.start), end: lines.positionAt(range.end) };
}

export function fromLspRange(range: Range, lines: PositionMapper): TextRange {
	return { start: lines.offsetAt(range.start), end: lines.offsetAt(range.end) };
}

/** The one place findings become LSP diagnostics: offsets to positions, code and typed data carried over. */
export function toLspDiagnostic(finding: Finding, lines: PositionMapper): Diagnostic {
	return {
		range: toLspRange(finding.range, lines),
		severity: severities[finding.severity],
		code: finding.code,
		source: 'trackplan',
		message: finding.message,
		...(finding.data ? { data: finding.data } : {}),
	};
}

/** A diagnostic the client sends back with a code-action request, as the core reads it. */
export function fromLspDiagnostic(diagnostic: Diagnostic, lines: PositionMapper): DiagnosticRef {
	return {
		code: typeof diagnostic.code === 'string' ? diagnostic.code : undefined,
		range: fromLspRange(diagnostic.range, lines),
		...(diagnostic.data ? { data: diagnostic.data as DiagnosticRef['data'] } : {}),
	};
}

/** The texts edits were computed from: offsets ↔ positions over each, and the open document's version (null: not open). */
export interface EditedTexts {
	lines(uri: string): PositionMapper;
	version(uri: string): number | null;
}

/**
 * Edits as an LSP WorkspaceEdit, positions computed over the very texts the edits were computed
 * from. With `documentChanges` (the client declares `workspace.workspaceEdit.documentChanges`), each
 * file's edits carry the version of the document they were computed from (null for a file not
 * open), so a client rejects an edit of a document that changed since; else plain `changes`.
 */
export function toWorkspaceEdit(edits: WorkspaceTextEdits, texts: EditedTexts, documentChanges: boolean): WorkspaceEdit {
	const files = Object.entries(edits)
		.filter(([, list]) => list.length > 0)
		.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
		.map(([uri, list]) => {
			const lines = texts.lines(uri);
			return { uri, edits: list.map((edit): LspTextEdit => ({ range: toLspRange(edit.range, lines), newText: edit.newText })) };
		});
	if (documentChanges) return { documentChanges: files.map(({ uri, edits }) => ({ textDocument: { uri, version: texts.version(uri) }, edits })) };
	return { changes: Object.fromEntries(files.map(({ uri, edits }) => [uri, edits])) };
}
