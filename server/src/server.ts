import {
	DocumentDiagnosticReportKind,
	TextDocuments,
	TextDocumentSyncKind,
	type Connection,
	type DocumentDiagnosticReport,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { basenameUri, checkPlan, isPlanFileName, LineIndex, parsePlan } from '../../core/src/index';
import { toLspDiagnostic } from './toLspDiagnostic';

/** Wires the core to an LSP connection. Each handler only adapts and delegates. */
export function startServer(connection: Connection): void {
	const documents = new TextDocuments(TextDocument);

	connection.onInitialize(() => ({
		capabilities: {
			textDocumentSync: TextDocumentSyncKind.Incremental,
			diagnosticProvider: { identifier: 'trackplan', interFileDependencies: true, workspaceDiagnostics: false },
		},
		serverInfo: { name: 'trackplan' },
	}));

	connection.languages.diagnostics.on(async (params, token): Promise<DocumentDiagnosticReport> => {
		const document = documents.get(params.textDocument.uri);
		if (!document || !isPlanFileName(basenameUri(document.uri))) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
		const text = document.getText();
		const findings = checkPlan(parsePlan(document.uri, text), {}, token);
		const lines = new LineIndex(text);
		return { kind: DocumentDiagnosticReportKind.Full, items: findings.map((finding) => toLspDiagnostic(finding, lines)) };
	});

	documents.listen(connection);
	connection.listen();
}
