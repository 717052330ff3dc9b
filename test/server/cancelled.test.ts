import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import { OperationCancelled, throwIfCancelled } from '../../core/src/index';
import { cancellable } from '../../server/src/cancelled';

describe('cancelled requests', () => {
	it('answer with LSP RequestCancelled (which clients drop silently), not an internal error', async () => {
		const handler = cancellable(async (_params: unknown, token: { isCancellationRequested: boolean }) => {
			throwIfCancelled(token);
			return 'done';
		});
		assert.equal(await handler({}, { isCancellationRequested: false }), 'done');
		await assert.rejects(handler({}, { isCancellationRequested: true }), (error: unknown) => error instanceof ResponseError && error.code === LSPErrorCodes.RequestCancelled);
	});

	it('let other errors through unchanged', async () => {
		const handler = cancellable(() => {
			throw new TypeError('a real bug');
		});
		await assert.rejects(handler({}), TypeError);
		assert.ok(!(new OperationCancelled() instanceof TypeError));
	});
});
