import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

/** Starts the bundled language server; all analysis lives there. */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
	const serverModule = context.asAbsolutePath('dist/server.js');
	const serverOptions: ServerOptions = {
		run: { module: serverModule, transport: TransportKind.ipc },
		debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
	};
	const clientOptions: LanguageClientOptions = {
		documentSelector: [
			{ scheme: 'file', pattern: '**/tracking-plan.{yaml,yml}' },
		],
		synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/tracking-plan.{yaml,yml}') },
	};
	client = new LanguageClient('trackplan', 'Trackplan', serverOptions, clientOptions);
	context.subscriptions.push(
		vscode.commands.registerCommand('trackplan.restartServer', () => client?.restart()),
		vscode.commands.registerCommand('trackplan.showOutput', () => client?.outputChannel.show()),
	);
	await client.start();
}

export async function deactivate(): Promise<void> {
	await client?.stop();
	client = undefined;
}
