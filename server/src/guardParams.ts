import { ErrorCodes, ProgressType, ResponseError, type CancellationToken, type Connection } from 'vscode-languageserver';
import { customRequestParams, notificationParams, requestParams, type ParamsCheck } from './validParams';

type Handler = (params: unknown, token: CancellationToken, ...rest: unknown[]) => unknown;

/** The connection's registration methods for requests, by the LSP method each registers. */
const requestRegistrations: Readonly<Record<string, string>> = {
	onHover: 'textDocument/hover',
	onDefinition: 'textDocument/definition',
	onReferences: 'textDocument/references',
	onPrepareRename: 'textDocument/prepareRename',
	onRenameRequest: 'textDocument/rename',
	onCodeLens: 'textDocument/codeLens',
	onDocumentSymbol: 'textDocument/documentSymbol',
	onWorkspaceSymbol: 'workspace/symbol',
	onCompletion: 'textDocument/completion',
	onCodeAction: 'textDocument/codeAction',
};
const diagnosticRegistrations: Readonly<Record<string, string>> = { on: 'textDocument/diagnostic', onWorkspace: 'workspace/diagnostic' };
const notificationRegistrations: Readonly<Record<string, string>> = {
	onDidOpenTextDocument: 'textDocument/didOpen',
	onDidChangeTextDocument: 'textDocument/didChange',
	onDidCloseTextDocument: 'textDocument/didClose',
	onDidChangeWatchedFiles: 'workspace/didChangeWatchedFiles',
	onDidChangeConfiguration: 'workspace/didChangeConfiguration',
};

/**
 * The connection as the server registers its handlers on it, with every handler's params checked
 * first (validParams.ts): one place, so no handler body needs a check of its own. A request whose
 * params do not fit is answered with InvalidParams; a notification is dropped, with a log line, so
 * it can neither crash the server nor leave a broken document or index behind.
 *
 * Requests are registered through `onRequest` rather than the typed helpers (`onHover`, …): those
 * read `params.workDoneToken` before the handler runs, which throws on `null`.
 */
export function guardParams(connection: Connection): Connection {
	const guardRequest = (method: string, check: ParamsCheck, handler: Handler) =>
		connection.onRequest(method, (params: unknown, token: CancellationToken) => {
			const problem = check(params, 'params');
			if (problem) throw new ResponseError(ErrorCodes.InvalidParams, `Invalid ${method} request: ${problem}.`);
			const progress = params as { workDoneToken?: string; partialResultToken?: string } | undefined;
			return handler(params, token, connection.languages.attachWorkDoneProgress(progress ?? {}), connection.languages.attachPartialResultProgress(new ProgressType(), progress ?? {}));
		});
	const languages = new Proxy(connection.languages, {
		get: (target, property, receiver) => {
			if (property !== 'diagnostics') return Reflect.get(target, property, receiver);
			return new Proxy(target.diagnostics, {
				get: (diagnostics, name, inner) => {
					const method = typeof name === 'string' ? diagnosticRegistrations[name] : undefined;
					return method ? (handler: Handler) => guardRequest(method, requestParams[method]!, handler) : Reflect.get(diagnostics, name, inner);
				},
			});
		},
	});
	return new Proxy(connection, {
		get: (target, property, receiver) => {
			if (typeof property !== 'string') return Reflect.get(target, property, receiver);
			if (property === 'languages') return languages;
			const request = requestRegistrations[property];
			if (request) return (handler: Handler) => guardRequest(request, requestParams[request]!, handler);
			if (property === 'onRequest') {
				return (method: string, handler: Handler) => guardRequest(method, requestParams[method] ?? customRequestParams, handler);
			}
			const notification = notificationRegistrations[property];
			if (notification) {
				const register = Reflect.get(target, property, receiver) as (handler: (params: unknown) => unknown) => unknown;
				return (handler: (params: unknown) => unknown) =>
					register((params: unknown) => {
						const problem = notificationParams[notification]!(params, 'params');
						if (!problem) return handler(params);
						target.console.error(`Trackplan: ignored a ${notification} notification: ${problem}.`);
						return undefined;
					});
			}
			return Reflect.get(target, property, receiver);
		},
	});
}
