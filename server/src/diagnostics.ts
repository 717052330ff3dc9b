import {
	DocumentDiagnosticReportKind,
	type Connection,
	type Diagnostic,
	type DocumentDiagnosticReport,
	type WorkspaceDiagnosticReport,
	type WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver';
import { neverCancelled, type CancellationToken } from '../../core/src/index';
import { toLspDiagnostic } from './convert';
import type { ServerWorkspace } from './serverWorkspace';
import type { SettingsCache } from './settings';

/**
 * Diagnostics for clients that pull them (`textDocument/diagnostic`, `workspace/diagnostic`) and,
 * for clients that do not (Neovim before 0.10, many editors), the same diagnostics pushed with
 * `textDocument/publishDiagnostics` after every change.
 */
export class DiagnosticsReporter {
	private pushed = new Set<string>();
	private pushTimer: ReturnType<typeof setTimeout> | undefined;

	constructor(
		private readonly connection: Connection,
		private readonly workspace: ServerWorkspace,
		private readonly settings: SettingsCache,
		private readonly pushDelayMs: number,
	) {}

	usePush = false;

	async forDocument(uri: string, token: CancellationToken): Promise<DocumentDiagnosticReport> {
		await this.workspace.settled();
		return { kind: DocumentDiagnosticReportKind.Full, items: await this.diagnostics(uri, token) };
	}

	async forWorkspace(token: CancellationToken): Promise<WorkspaceDiagnosticReport> {
		await this.workspace.settled();
		const items: WorkspaceDocumentDiagnosticReport[] = [];
		for (const uri of this.urisWithPossibleFindings()) {
			const diagnostics = await this.diagnostics(uri, token);
			if (diagnostics.length > 0) items.push({ uri, version: null, kind: DocumentDiagnosticReportKind.Full, items: diagnostics });
		}
		return { items };
	}

	/** After a change: pull clients are asked to pull again; push clients get fresh diagnostics. */
	changed(): void {
		if (!this.usePush) {
			void this.connection.languages.diagnostics.refresh().catch(() => undefined);
			return;
		}
		if (this.pushTimer) clearTimeout(this.pushTimer);
		this.pushTimer = setTimeout(() => void this.push(), this.pushDelayMs);
	}

	private async push(): Promise<void> {
		await this.workspace.settled();
		const now = new Set<string>();
		for (const uri of this.urisWithPossibleFindings()) {
			const diagnostics = await this.diagnostics(uri, neverCancelled);
			if (diagnostics.length === 0 && !this.pushed.has(uri)) continue;
			if (diagnostics.length > 0) now.add(uri);
			await this.connection.sendDiagnostics({ uri, diagnostics });
		}
		for (const uri of this.pushed) if (!now.has(uri)) await this.connection.sendDiagnostics({ uri, diagnostics: [] });
		this.pushed = now;
	}

	private async diagnostics(uri: string, token: CancellationToken): Promise<Diagnostic[]> {
		const settings = await this.settings.get(uri);
		const findings = this.workspace.index.findings(uri, settings.rules, token);
		if (findings.length === 0) return [];
		const lines = this.workspace.lines(uri);
		return findings.map((finding) => toLspDiagnostic(finding, lines));
	}

	private urisWithPossibleFindings(): string[] {
		return this.workspace.index.urisWithPossibleFindings();
	}
}
