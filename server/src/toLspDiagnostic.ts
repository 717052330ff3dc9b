import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { Finding, LineIndex, Severity } from '../../core/src/index';

const severities: Record<Severity, DiagnosticSeverity> = {
	error: DiagnosticSeverity.Error,
	warning: DiagnosticSeverity.Warning,
	information: DiagnosticSeverity.Information,
	hint: DiagnosticSeverity.Hint,
};

/** The one place findings become LSP diagnostics: offsets to positions, code and data carried over. */
export function toLspDiagnostic(finding: Finding, lines: LineIndex): Diagnostic {
	return {
		range: { start: lines.positionAt(finding.range.start), end: lines.positionAt(finding.range.end) },
		severity: severities[finding.severity],
		code: finding.code,
		source: 'trackplan',
		message: finding.message,
		...(finding.data ? { data: finding.data } : {}),
	};
}
