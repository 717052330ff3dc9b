import { spawn, type ChildProcess } from 'node:child_process';
import { PassThrough } from 'node:stream';
import { createConnection } from 'vscode-languageserver/node';
import {
	createMessageConnection,
	StreamMessageReader,
	StreamMessageWriter,
	type MessageConnection,
} from 'vscode-languageserver/node';
import type { ClientCapabilities, Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver';
import { startServer } from '../../server/src/server';
import { toUri } from '../../node/src/nodeFileSystem';

export interface LspTestClientOptions {
	/** The workspace folder (a path). */
	readonly folder: string;
	/** Declare pull diagnostics (like VS Code) or not (like Neovim 0.7, which gets pushes). */
	readonly pull?: boolean;
	/** Settings answered to workspace/configuration, per section `trackplan`. */
	readonly settings?: Record<string, unknown>;
	/** Run the built bundle (`node dist/server.js --stdio`) instead of the server in-process. */
	readonly bundle?: string;
	/** Node flags for the bundle's process (e.g. the ones the VS Code client passes). */
	readonly nodeArgs?: readonly string[];
	/** Declare file watching (`workspace.didChangeWatchedFiles`, like VS Code) or not (like many LSP clients). Default true. */
	readonly watchFiles?: boolean;
	/** Declare `workspace.workspaceEdit.documentChanges` (versioned edits). Default false. */
	readonly documentChanges?: boolean;
}

/**
 * A minimal LSP client over a real JSON-RPC connection to our server, for tests: requests,
 * notifications, pushed diagnostics (waited on by predicate, never by sleeping).
 */
export class LspTestClient {
	readonly connection: MessageConnection;
	readonly pushed = new Map<string, Diagnostic[]>();
	refreshRequests = 0;
	/** What the server registered through `client/registerCapability` (e.g. its file watchers). */
	readonly registrations: { method: string; registerOptions?: unknown }[] = [];
	private readonly waiters: (() => void)[] = [];
	private child?: ChildProcess;
	private streams: PassThrough[] = [];
	readonly logs: string[] = [];

	constructor(private readonly options: LspTestClientOptions) {
		let input: NodeJS.ReadableStream;
		let output: NodeJS.WritableStream;
		if (options.bundle) {
			this.child = spawn(process.execPath, [...(options.nodeArgs ?? []), options.bundle, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
			input = this.child.stdout!;
			output = this.child.stdin!;
		} else {
			const toServer = new PassThrough();
			const toClient = new PassThrough();
			startServer(createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient)));
			input = toClient;
			output = toServer;
			this.streams = [toServer, toClient];
		}
		this.connection = createMessageConnection(new StreamMessageReader(input), new StreamMessageWriter(output));
		this.connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) => params.items.map(() => options.settings ?? {}));
		this.connection.onRequest('client/registerCapability', (params: { registrations: { method: string; registerOptions?: unknown }[] }) => {
			this.registrations.push(...params.registrations);
			this.notify();
			return null;
		});
		this.connection.onRequest('workspace/diagnostic/refresh', () => {
			this.refreshRequests++;
			this.notify();
			return null;
		});
		this.connection.onNotification('window/logMessage', (params: { message: string }) => {
			this.logs.push(params.message);
		});
		this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
			this.pushed.set(params.uri, params.diagnostics);
			this.notify();
		});
		this.connection.listen();
	}

	get rootUri(): string {
		return toUri(this.options.folder);
	}

	async initialize(): Promise<void> {
		const capabilities: ClientCapabilities = {
			workspace: {
				configuration: true,
				...(this.options.watchFiles !== false ? { didChangeWatchedFiles: { dynamicRegistration: true } } : {}),
				...(this.options.documentChanges ? { workspaceEdit: { documentChanges: true } } : {}),
				diagnostics: { refreshSupport: true },
				workspaceFolders: true,
			},
			textDocument: {
				...(this.options.pull !== false ? { diagnostic: { dynamicRegistration: false } } : {}),
				publishDiagnostics: {},
				hover: { contentFormat: ['markdown'] },
				rename: { prepareSupport: true },
			},
		};
		await this.connection.sendRequest('initialize', {
			// An in-process server would watch this pid with a timer and keep the test process alive.
			processId: this.child ? process.pid : null,
			rootUri: this.rootUri,
			workspaceFolders: [{ uri: this.rootUri, name: 'workspace' }],
			capabilities,
			initializationOptions: { testMode: true },
		});
		await this.connection.sendNotification('initialized', {});
	}

	request<R>(method: string, params: unknown): Promise<R> {
		return this.connection.sendRequest(method, params) as Promise<R>;
	}

	notify(): void {
		for (const waiter of this.waiters.splice(0)) waiter();
	}

	/** Resolves once `predicate` holds, re-checking after every message that may change it; fails after `timeoutMs`. */
	async waitFor(predicate: () => boolean | Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
		const deadline = Date.now() + timeoutMs;
		while (!(await predicate())) {
			if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
			await new Promise<void>((resolve) => {
				this.waiters.push(resolve);
				setTimeout(resolve, 50).unref();
			});
		}
	}

	/** Waits until the server has logged that it indexed the workspace folders. */
	waitForInitialIndex(): Promise<void> {
		return this.waitFor(() => this.logs.some((line) => line.startsWith('Indexed ')), 'the initial index');
	}

	open(uri: string, text: string, languageId = 'typescript', version = 1): Promise<void> {
		return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
	}

	change(uri: string, text: string, version: number): Promise<void> {
		return this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
	}

	async pull(uri: string): Promise<Diagnostic[]> {
		const report = await this.request<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
		return report.items;
	}

	async dispose(): Promise<void> {
		try {
			await this.connection.sendRequest('shutdown');
			// `exit` makes the server call process.exit: only for a server in its own process.
			if (this.child) await this.connection.sendNotification('exit');
		} catch {
			// the server may already be gone
		}
		this.connection.dispose();
		this.child?.kill();
		// An in-process server listens on its streams until they end.
		for (const stream of this.streams) stream.destroy();
	}
}
