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

export function toWorkspaceEdit(edits: WorkspaceTextEdits, linesOf: (uri: string) => PositionMapper): WorkspaceEdit {
	const changes: Record<string, LspTextEdit[]> = {};
	for (const [uri, list] of Object.entries(edits)) {
		const lines = linesOf(uri);
		changes[uri] = list.map((edit) => ({ range: toLspRange(edit.range, lines), newText: edit.newText }));
	}
	return { changes };
}
