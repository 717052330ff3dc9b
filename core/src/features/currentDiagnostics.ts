import type { CancellationToken } from '../cancellation';
import type { WorkspaceIndex } from '../workspaceIndex/workspaceIndex';
import type { DiagnosticRef } from './codeActions';

/**
 * The diagnostics a client sends back with a code-action request, with the typed data of the file's
 * current findings: a client keeps a diagnostic (and its data, e.g. where to insert the missing
 * groups) from the text it was computed on, moving its range as the user types. A diagnostic that
 * matches no current finding (same code, same range) is stale: its data is dropped, so no fix is
 * computed from it. Positions in the list are kept (fixes name their diagnostic by position).
 */
export function withCurrentData(index: WorkspaceIndex, uri: string, sent: readonly DiagnosticRef[], token: CancellationToken): DiagnosticRef[] {
	if (!sent.some((diagnostic) => diagnostic.data)) return [...sent];
	const findings = index.findings(uri, {}, token);
	return sent.map((diagnostic) => {
		const current = findings.find((f) => f.code === diagnostic.code && f.range.start === diagnostic.range.start && f.range.end === diagnostic.range.end && f.data);
		return current ? { ...diagnostic, data: current.data } : { code: diagnostic.code, range: diagnostic.range };
	});
}
