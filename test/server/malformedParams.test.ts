import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ErrorCodes, ResponseError, type Diagnostic } from 'vscode-languageserver';
import { LspTestClient } from '../support/lspTestClient';
import { copyOfExample, positionOf } from './exampleWorkspace';

/**
 * Params a client should never send: `null`, `{}`, wrong types, for every request the server answers
 * and every notification it acts on. A request is answered with InvalidParams naming the field (not
 * InternalError "Cannot read properties of null"); a notification is dropped with a log line and
 * changes nothing. Afterwards the server answers valid requests as before.
 */
const CREATE = 'api/src/workspaces/createWorkspace.ts';
const PLAN = 'tracking-plan.yaml';

describe('malformed params over a real LSP connection', () => {
	const example = copyOfExample();
	const client = new LspTestClient({ folder: example.folder });
	const create = example.uri(CREATE);
	const at = { line: 1, character: 1 };
	const document = { uri: create };
	/** A well-formed request of each method (used as the base the wrong fields are put into). */
	const valid: Record<string, Record<string, unknown>> = {
		'textDocument/hover': { textDocument: document, position: at },
		'textDocument/definition': { textDocument: document, position: at },
		'textDocument/references': { textDocument: document, position: at, context: { includeDeclaration: true } },
		'textDocument/prepareRename': { textDocument: document, position: at },
		'textDocument/rename': { textDocument: document, position: at, newName: 'org' },
		'textDocument/codeLens': { textDocument: document },
		'textDocument/documentSymbol': { textDocument: document },
		'workspace/symbol': { query: 'company' },
		'textDocument/completion': { textDocument: document, position: at },
		'textDocument/codeAction': { textDocument: document, range: { start: at, end: at }, context: { diagnostics: [] } },
		'textDocument/diagnostic': { textDocument: document },
		'workspace/diagnostic': { previousResultIds: [] },
	};
	/** Wrong values for the fields requests carry, each with the field the error must name. */
	const wrongFields: [field: string, params: (base: Record<string, unknown>) => Record<string, unknown>, named: string][] = [
		['textDocument', (base) => ({ ...base, textDocument: null }), 'params.textDocument'],
		['textDocument', (base) => ({ ...base, textDocument: { uri: 42 } }), 'params.textDocument.uri'],
		['textDocument', (base) => ({ ...base, textDocument: {} }), 'params.textDocument.uri'],
		['position', (base) => ({ ...base, position: null }), 'params.position'],
		['position', (base) => ({ ...base, position: { line: -5, character: 3 } }), 'params.position.line'],
		['position', (base) => ({ ...base, position: { line: 1.5, character: 3 } }), 'params.position.line'],
		['position', (base) => ({ ...base, position: { line: 1, character: '3' } }), 'params.position.character'],
		['context', (base) => ({ ...base, context: null }), 'params.context'],
		['context.diagnostics', (base) => ({ ...base, context: { diagnostics: null } }), 'params.context.diagnostics'],
		['context.diagnostics', (base) => ({ ...base, context: { diagnostics: [{ message: 'x' }] } }), 'params.context.diagnostics[0].range'],
		['context.diagnostics', (base) => ({ ...base, context: { diagnostics: [{ range: { start: at, end: at } }] } }), 'params.context.diagnostics[0].message'],
		['context.includeDeclaration', (base) => ({ ...base, context: { includeDeclaration: 'yes' } }), 'params.context.includeDeclaration'],
		['newName', (base) => ({ ...base, newName: null }), 'params.newName'],
		['newName', (base) => ({ ...base, newName: ['a'] }), 'params.newName'],
		['range', (base) => ({ ...base, range: { start: at } }), 'params.range.end'],
		['query', (base) => ({ ...base, query: 7 }), 'params.query'],
		['previousResultIds', (base) => ({ ...base, previousResultIds: 'all' }), 'params.previousResultIds'],
	];

	before(async () => {
		await client.initialize();
		await client.open(create, example.text(CREATE));
		await client.waitFor(async () => (await client.pull(create)).length > 0, 'diagnostics on createWorkspace.ts');
	});
	after(() => client.dispose());

	/** Whether the well-formed params have the field at this dotted path. */
	const carries = (base: Record<string, unknown>, field: string): boolean => {
		let value: unknown = base;
		for (const name of field.split('.')) {
			if (typeof value !== 'object' || value === null || !(name in value)) return false;
			value = (value as Record<string, unknown>)[name];
		}
		return true;
	};

	async function invalidParams(method: string, params: unknown): Promise<string> {
		try {
			await client.request(method, params);
		} catch (error) {
			assert.ok(error instanceof ResponseError, `${method}: ${String(error)}`);
			assert.equal(error.code, ErrorCodes.InvalidParams, `${method} with ${JSON.stringify(params)}: ${error.code} ${error.message}`);
			return error.message;
		}
		assert.fail(`${method} with ${JSON.stringify(params)} was answered`);
	}

	it('every request: null, {}, an array, a number and each wrong field get InvalidParams naming what is wrong', async (t) => {
		let answered = 0;
		for (const [method, base] of Object.entries(valid)) {
			for (const params of [null, [], 42, 'text']) {
				assert.match(await invalidParams(method, params), new RegExp(`^Invalid ${method} request: params must be an object, not `));
				answered++;
			}
			if (Object.keys(base).length > 0) {
				assert.match(await invalidParams(method, {}), /params\.\w+ is missing/);
				answered++;
			}
			for (const [field, wrong, named] of wrongFields) {
				if (!carries(base, field)) continue;
				const message = await invalidParams(method, wrong(base));
				assert.ok(message.includes(named), `${method}: "${message}" names ${named}`);
				answered++;
			}
			// The well-formed request is still answered.
			await client.request(method, base);
		}
		assert.ok(answered >= 100, `${answered} malformed requests`);
		t.diagnostic(`${answered} malformed requests over ${Object.keys(valid).length} methods answered with InvalidParams`);
	});

	it("the server's own requests take no params: null, {} and nothing are fine, a number is not", async () => {
		for (const method of ['trackplan/planStatus', 'trackplan/checkWorkspace']) {
			for (const params of [null, {}, undefined]) {
				const plans = await client.request<{ uri: string }[]>(method, params);
				assert.deepEqual(plans.map((plan) => plan.uri), [example.uri(PLAN)], method);
			}
			assert.match(await invalidParams(method, 42), /params must be an object, not 42/);
		}
	});

	it('malformed notifications are ignored with a log line: the documents and the index are as before', async () => {
		const before = await client.pull(create);
		const send = (method: string, params: unknown) => client.connection.sendNotification(method, params);
		const logsBefore = client.logs.length;
		const notifications: [string, unknown][] = [
			['textDocument/didOpen', null],
			['textDocument/didOpen', { textDocument: { uri: example.uri(PLAN), languageId: 'yaml', version: 1, text: 42 } }],
			['textDocument/didOpen', { textDocument: { uri: 7, languageId: 'yaml', version: 1, text: '' } }],
			['textDocument/didChange', null],
			['textDocument/didChange', { textDocument: { uri: create, version: 2 }, contentChanges: [{ text: 5 }] }],
			['textDocument/didChange', { textDocument: { uri: create, version: 2 }, contentChanges: null }],
			['textDocument/didChange', { textDocument: { uri: create }, contentChanges: [{ text: '' }] }],
			['textDocument/didChange', { textDocument: { uri: create, version: 2 }, contentChanges: [{ range: { start: { line: -1, character: 0 } }, text: '' }] }],
			['textDocument/didClose', null],
			['textDocument/didClose', { textDocument: null }],
			['workspace/didChangeWatchedFiles', null],
			['workspace/didChangeWatchedFiles', { changes: [{ uri: null, type: 1 }] }],
			['workspace/didChangeWatchedFiles', { changes: [{ uri: create, type: 9 }] }],
			['workspace/didChangeConfiguration', null],
		];
		for (const [method, params] of notifications) await send(method, params);
		// (A request after the notifications is answered after they were handled: messages are handled in order.)
		await client.request('trackplan/planStatus', null);
		const ignored = client.logs.slice(logsBefore).filter((line) => /^Trackplan: ignored a [\w/]+ notification: params/.test(line));
		assert.equal(ignored.length, notifications.length, client.logs.slice(logsBefore).join('\n'));
		// Unchanged: the open document (a change with a number for text would have made it "5…"), its diagnostics, the plan not opened.
		assert.deepEqual(await client.pull(create), before);
		const hover = await client.request<{ contents: { value: string } } | null>('textDocument/hover', {
			textDocument: { uri: create },
			position: positionOf(example.text(CREATE), '{ compnay_id', 3),
		});
		assert.ok(hover === null || typeof hover.contents.value === 'string');
		const plan: Diagnostic[] = await client.pull(example.uri(PLAN));
		assert.deepEqual(plan, []);
		// A well-formed change after all that applies to the document as the client holds it.
		await client.change(create, example.text(CREATE).replace('{ compnay_id', '{ company_id'), 2);
		assert.ok((await client.pull(create)).every((d) => d.code !== 'undeclared-group-type'));
	});
});
