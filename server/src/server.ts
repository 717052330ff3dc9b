import {
	CodeActionKind,
	CompletionItemKind,
	DidChangeWatchedFilesNotification,
	FileChangeType,
	LSPErrorCodes,
	MarkupKind,
	ResponseError,
	SymbolKind,
	TextDocuments,
	TextDocumentSyncKind,
	type CodeAction,
	type CompletionItem,
	type Connection,
	type DocumentSymbol,
	type InitializeParams,
	type InitializeResult,
	type Location,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
	codeLenses,
	completion,
	defaultFrontEnds,
	extensionsGlob,
	sourceExtensions,
	definition,
	documentSymbols,
	hover,
	prepareRename,
	quickFixes,
	references,
	rename,
	withCurrentData,
	workspaceSymbols,
	type CompletionEntry,
	type PlanDocumentSymbol,
	type SymbolOccurrence,
} from '../../core/src/index';
import { NodeFileSystem } from '../../node/src/nodeFileSystem';
import { fromLspDiagnostic, toLspRange, toWorkspaceEdit } from './convert';
import { DiagnosticsReporter } from './diagnostics';
import { ServerWorkspace } from './serverWorkspace';
import { SettingsCache } from './settings';
import { cancellable } from './cancelled';
import { guardParams } from './guardParams';
import { checkWorkspaceRequest, planStatus, planStatusRequest } from './planStatus';

/** Wires the core to an LSP connection. Each handler adapts positions and delegates to a core feature. */
export function startServer(unguarded: Connection): void {
	const connection = guardParams(unguarded);
	const documents = new TextDocuments(TextDocument);
	let canReadConfiguration = false;
	let canWatchFiles = false;
	let canFollowFolders = false;
	let canVersionEdits = false;
	let folders: string[] = [];
	const settings = new SettingsCache(connection, () => canReadConfiguration);
	const workspace = new ServerWorkspace(new NodeFileSystem(), (uri) => documents.get(uri), (uri) => settings.get(uri), {
		log: (message) => connection.console.log(message),
		error: (message) => connection.console.error(message),
	});
	let reporter: DiagnosticsReporter;

	connection.onInitialize((params: InitializeParams): InitializeResult => {
		const capabilities = params.capabilities;
		canReadConfiguration = capabilities.workspace?.configuration === true;
		canWatchFiles = capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
		canFollowFolders = capabilities.workspace?.workspaceFolders === true;
		canVersionEdits = capabilities.workspace?.workspaceEdit?.documentChanges === true;
		const canPull = capabilities.textDocument?.diagnostic !== undefined;
		const testMode = (params.initializationOptions as { testMode?: boolean } | undefined)?.testMode === true;
		reporter = new DiagnosticsReporter(connection, workspace, settings, testMode ? 0 : 150);
		reporter.usePush = !canPull;
		folders = (params.workspaceFolders ?? []).map((f) => f.uri);
		if (folders.length === 0 && params.rootUri) folders = [params.rootUri];
		return {
			capabilities: {
				textDocumentSync: TextDocumentSyncKind.Incremental,
				...(canPull ? { diagnosticProvider: { identifier: 'trackplan', interFileDependencies: true, workspaceDiagnostics: true } } : {}),
				hoverProvider: true,
				definitionProvider: true,
				referencesProvider: true,
				renameProvider: { prepareProvider: true },
				codeLensProvider: { resolveProvider: false },
				documentSymbolProvider: true,
				workspaceSymbolProvider: true,
				completionProvider: { triggerCharacters: ["'", '"', '`', ':', '[', ',', ' '] },
				codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
				workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
			},
			serverInfo: { name: 'trackplan', version: typeof TRACKPLAN_VERSION === 'string' ? TRACKPLAN_VERSION : 'dev' },
		};
	});

	connection.onInitialized(async () => {
		if (canFollowFolders) {
			connection.workspace.onDidChangeWorkspaceFolders(async (event) => {
				folders = [...folders.filter((f) => !event.removed.some((r) => r.uri === f)), ...event.added.map((f) => f.uri)];
				await workspace.load(folders);
				reporter.changed();
			});
		}
		if (canWatchFiles) {
			await connection.client.register(DidChangeWatchedFilesNotification.type, {
				watchers: [{ globPattern: watchedFilesGlob }],
			});
		}
		await workspace.load(folders);
		reporter.changed();
	});

	connection.onDidChangeConfiguration(async () => {
		settings.clear();
		await workspace.load(folders);
		reporter.changed();
	});
	connection.onDidChangeWatchedFiles(async (params) => {
		await workspace.refreshFromDisk(params.changes.map((c) => c.uri));
		if (params.changes.some((c) => c.type !== FileChangeType.Changed || !documents.get(c.uri))) reporter.changed();
	});
	documents.onDidOpen(async (event) => {
		await workspace.updateDocument(event.document);
		if (reporter.usePush) reporter.changed();
	});
	documents.onDidChangeContent(async (event) => {
		await workspace.updateDocument(event.document);
		if (reporter.usePush || event.document.uri.endsWith('.yaml') || event.document.uri.endsWith('.yml')) reporter.changed();
	});
	documents.onDidClose(async (event) => {
		await workspace.closeDocument(event.document.uri);
		if (reporter.usePush) reporter.changed();
	});

	connection.onRequest(checkWorkspaceRequest, async () => {
		await workspace.load(folders);
		reporter.changed();
		await workspace.settled();
		return planStatus(workspace);
	});
	connection.onRequest(planStatusRequest, async () => {
		await workspace.settled();
		return planStatus(workspace);
	});

	connection.languages.diagnostics.on(cancellable((params, token) => reporter.forDocument(params.textDocument.uri, token)));
	connection.languages.diagnostics.onWorkspace(cancellable((_params, token) => reporter.forWorkspace(token)));

	const offsetOf = (uri: string, position: { line: number; character: number }) => workspace.lines(uri).offsetAt(position);
	const toLocation = (o: SymbolOccurrence): Location => ({ uri: o.uri, range: toLspRange(o.range, workspace.lines(o.uri)) });

	connection.onHover(cancellable(async ({ textDocument, position }, token) => {
		await workspace.settled();
		const result = hover(workspace.index, textDocument.uri, offsetOf(textDocument.uri, position), new Date(), token);
		return result && { contents: { kind: MarkupKind.Markdown, value: result.markdown }, range: toLspRange(result.range, workspace.lines(textDocument.uri)) };
	}));

	connection.onDefinition(cancellable(async ({ textDocument, position }, token) => {
		await workspace.settled();
		return definition(workspace.index, textDocument.uri, offsetOf(textDocument.uri, position), token).map(toLocation);
	}));

	connection.onReferences(cancellable(async ({ textDocument, position, context }, token) => {
		await workspace.settled();
		return references(workspace.index, textDocument.uri, offsetOf(textDocument.uri, position), context.includeDeclaration, token).map(toLocation);
	}));

	/** The plan a file's edits depend on: the file itself when it is a plan, else the plan governing it. */
	const planOf = (uri: string) => (workspace.index.plan(uri) ? uri : workspace.index.planFor(uri)?.uri);
	const notCurrent = () => new ResponseError(LSPErrorCodes.ContentModified, 'Files changed while Trackplan computed the rename: try again.');

	connection.onPrepareRename(cancellable(async ({ textDocument, position }, token) => {
		const uri = textDocument.uri;
		const answer = await workspace.withCurrentTexts(
			[uri, planOf(uri) ?? uri],
			async (texts) => prepareRename(workspace.index, uri, texts.lines(uri).offsetAt(position)),
			() => [],
			token,
		);
		if (!answer) throw notCurrent();
		const found = answer.result;
		if (!found) return null;
		if ('refusal' in found) throw new ResponseError(LSPErrorCodes.RequestFailed, found.refusal.message);
		return { range: toLspRange(found.range, answer.texts.lines(uri)), placeholder: found.name };
	}));

	connection.onRenameRequest(cancellable(async ({ textDocument, position, newName }, token) => {
		const uri = textDocument.uri;
		// Any file with calls or constants may hold a use (one may have gained it on disk unseen): all of them are brought up to date.
		const answer = await workspace.withCurrentTexts(
			[uri, planOf(uri) ?? uri, ...workspace.scannedSources()],
			async (texts) => rename(workspace.index, uri, texts.lines(uri).offsetAt(position), newName, async (file) => texts.text(file), token),
			(result) => (result && 'edits' in result ? Object.keys(result.edits) : []),
			token,
		);
		if (!answer) throw notCurrent();
		const result = answer.result;
		if (!result) return null;
		if ('refusal' in result) throw new ResponseError(LSPErrorCodes.RequestFailed, result.refusal.message);
		if ('unchanged' in result) return null;
		return toWorkspaceEdit(result.edits, answer.texts, canVersionEdits);
	}));

	connection.onCodeLens(cancellable(async ({ textDocument }, token) => {
		await workspace.settled();
		const lines = workspace.lines(textDocument.uri);
		return codeLenses(workspace.index, textDocument.uri, token).map((lens) => {
			const range = toLspRange(lens.range, lines);
			const locations = lens.uses.map((use) => ({ uri: use.uri, range: toLspRange(use.range, workspace.lines(use.uri)) }));
			return { range, command: { title: lens.title, command: locations.length > 0 ? 'trackplan.showReferences' : '', arguments: [textDocument.uri, range.start, locations] } };
		});
	}));

	connection.onDocumentSymbol(cancellable(async ({ textDocument }) => {
		await workspace.settled();
		const plan = workspace.index.plan(textDocument.uri);
		if (!plan) return [];
		const lines = workspace.lines(textDocument.uri);
		const convert = (symbol: PlanDocumentSymbol): DocumentSymbol => ({
			name: symbol.name,
			detail: symbol.detail,
			kind: symbolKinds[symbol.kind],
			range: toLspRange(symbol.range, lines),
			selectionRange: toLspRange(symbol.selectionRange, lines),
			children: symbol.children.map(convert),
		});
		return documentSymbols(plan).map(convert);
	}));

	connection.onWorkspaceSymbol(cancellable(async ({ query }) => {
		await workspace.settled();
		return workspaceSymbols(workspace.index, query).map((symbol) => ({
			name: symbol.name,
			kind: symbolKinds[symbol.symbol.kind],
			containerName: symbol.container,
			location: { uri: symbol.uri, range: toLspRange(symbol.range, workspace.lines(symbol.uri)) },
		}));
	}));

	connection.onCompletion(cancellable(async ({ textDocument, position }, token) => {
		await workspace.settled();
		const document = documents.get(textDocument.uri);
		if (!document) return [];
		const offset = document.offsetAt(position);
		return completion(workspace.index, textDocument.uri, document.getText(), offset, token).map((entry) => toCompletionItem(entry, document));
	}));

	connection.onCodeAction(cancellable(async ({ textDocument, context }, token) => {
		const uri = textDocument.uri;
		if (!documents.get(uri)) return [];
		const diagnostics = context.diagnostics;
		// (Only plans the index holds: the data comes from the client.)
		const plans = diagnostics.map((d) => (d.data as { planUri?: unknown } | undefined)?.planUri).filter((p): p is string => typeof p === 'string' && workspace.index.plan(p) !== undefined);
		const answer = await workspace.withCurrentTexts(
			// The file's findings (whose data the fixes use) depend on its plan and on the files it imports names from.
			[uri, ...(planOf(uri) ? [planOf(uri)!] : []), ...plans, ...workspace.index.importedFiles(uri)],
			async (texts) => {
				const text = texts.text(uri);
				if (text === undefined) return [];
				const lines = texts.lines(uri);
				const sent = withCurrentData(workspace.index, uri, diagnostics.map((d) => fromLspDiagnostic(d, lines)), token);
				return quickFixes(workspace.index, uri, text, sent, token);
			},
			(fixes) => fixes.flatMap((fix) => Object.keys(fix.edits)),
			token,
		);
		if (!answer) return [];
		return answer.result.map(
			(fix): CodeAction => ({
				title: fix.title,
				kind: CodeActionKind.QuickFix,
				isPreferred: fix.isPreferred,
				diagnostics: [diagnostics[fix.diagnostic]!],
				edit: toWorkspaceEdit(fix.edits, answer.texts, canVersionEdits),
			}),
		);
	}));

	documents.listen(connection);
	connection.listen();
}

declare const TRACKPLAN_VERSION: string | undefined;

/** The files whose changes on disk the server hears of: every source file a front end reads, and YAML (plans). */
const watchedFilesGlob = extensionsGlob([...sourceExtensions(defaultFrontEnds.map((frontEnd) => frontEnd.files)), '.yaml', '.yml']);

const symbolKinds: Record<PlanDocumentSymbol['kind'] | 'groupType' | 'groupProperty' | 'event', SymbolKind> = {
	section: SymbolKind.Namespace,
	groupType: SymbolKind.Class,
	groupProperty: SymbolKind.Property,
	event: SymbolKind.Event,
};

const completionKinds: Record<CompletionEntry['kind'], CompletionItemKind> = {
	groupType: CompletionItemKind.EnumMember,
	groupProperty: CompletionItemKind.Property,
	event: CompletionItemKind.Event,
	key: CompletionItemKind.Field,
	value: CompletionItemKind.Value,
};

function toCompletionItem(entry: CompletionEntry, document: TextDocument): CompletionItem {
	const range = { start: document.positionAt(entry.range.start), end: document.positionAt(entry.range.end) };
	return {
		label: entry.label,
		kind: completionKinds[entry.kind],
		detail: entry.detail,
		...(entry.documentation ? { documentation: { kind: MarkupKind.Markdown, value: entry.documentation } } : {}),
		textEdit: { range, newText: entry.insertText ?? entry.label },
	};
}
