import { LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import { OperationCancelled } from '../../core/src/index';

/**
 * Runs a request handler; when the client cancelled the request (the core throws OperationCancelled),
 * answers with LSP's RequestCancelled error, which clients drop silently, instead of an internal error
 * that VS Code would show the user.
 */
export function cancellable<P, T, Rest extends unknown[]>(handler: (params: P, ...rest: Rest) => Promise<T> | T): (params: P, ...rest: Rest) => Promise<T> {
	return async (params, ...rest) => {
		try {
			return await handler(params, ...rest);
		} catch (error) {
			if (error instanceof OperationCancelled) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled.');
			throw error;
		}
	};
}
