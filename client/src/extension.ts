import * as vscode from 'vscode';
import { serverNodeFlags } from '../../node/src/nodeFlags';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import type { PlanStatus } from '../../server/src/planStatus';
import { documentSelector } from './documentSelector';
import { PlanStatusBar } from './planStatusBar';

let client: LanguageClient | undefined;

interface LspRange {
	readonly start: { readonly line: number; readonly character: number };
	readonly end: { readonly line: number; readonly character: number };
}

/** Starts the bundled language server; all analysis lives there. The client only adds commands and the status bar. */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
	const serverModule = context.asAbsolutePath('dist/server.js');
	const serverOptions: ServerOptions = {
		run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...serverNodeFlags] } },
		debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...serverNodeFlags, '--nolazy', '--inspect=6009'] } },
	};
	const clientOptions: LanguageClientOptions = {
		documentSelector,
		synchronize: { configurationSection: 'trackplan' },
		diagnosticPullOptions: { onChange: true, onSave: true },
	};
	client = new LanguageClient('trackplan', 'Trackplan', serverOptions, clientOptions);
	const statusBar = new PlanStatusBar();
	context.subscriptions.push(statusBar);

	const refreshStatus = async () => {
		if (client?.isRunning()) statusBar.show(await client.sendRequest<PlanStatus[]>('trackplan/planStatus'));
	};
	context.subscriptions.push(
		vscode.commands.registerCommand('trackplan.restartServer', async () => {
			await client?.restart();
			await refreshStatus();
		}),
		vscode.commands.registerCommand('trackplan.showOutput', () => client?.outputChannel.show()),
		vscode.commands.registerCommand('trackplan.checkWorkspace', async () => {
			if (!client) return;
			const plans = await client.sendRequest<PlanStatus[]>('trackplan/checkWorkspace');
			statusBar.show(plans);
			await vscode.commands.executeCommand('workbench.actions.view.problems');
		}),
		vscode.commands.registerCommand('trackplan.openPlan', async (uri?: string) => {
			const target = uri ?? statusBar.firstPlan() ?? (await vscode.workspace.findFiles('**/tracking-plan.{yaml,yml}', '**/node_modules/**', 1))[0]?.toString();
			if (target) await vscode.window.showTextDocument(vscode.Uri.parse(target));
			else void vscode.window.showInformationMessage('Trackplan: no tracking-plan.yaml in this workspace.');
		}),
		vscode.commands.registerCommand('trackplan.showReferences', (uri: string, position: { line: number; character: number }, locations: { uri: string; range: LspRange }[]) =>
			vscode.commands.executeCommand(
				'editor.action.showReferences',
				vscode.Uri.parse(uri),
				new vscode.Position(position.line, position.character),
				locations.map(
					(l) =>
						new vscode.Location(
							vscode.Uri.parse(l.uri),
							new vscode.Range(l.range.start.line, l.range.start.character, l.range.end.line, l.range.end.character),
						),
				),
			),
		),
		vscode.workspace.onDidSaveTextDocument(() => void refreshStatus()),
		vscode.workspace.onDidChangeTextDocument((event) => {
			if (/tracking-plan\.ya?ml$/.test(event.document.uri.path)) void refreshStatus();
		}),
	);
	await client.start();
	await refreshStatus();
}

export async function deactivate(): Promise<void> {
	await client?.stop();
	client = undefined;
}
