import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ErrorCodes, type CodeAction, type CompletionItem, type Diagnostic, type DocumentSymbol, type Hover, type Location, type WorkspaceEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LspTestClient } from '../support/lspTestClient';
import { copyOfExample, positionOf } from './exampleWorkspace';

const PLAN = 'tracking-plan.yaml';
const CREATE = 'api/src/workspaces/createWorkspace.ts';
const SEATS = 'api/src/billing/seats.ts';

function applyEdit(text: string, uri: string, edit: WorkspaceEdit): string {
	const document = TextDocument.create(uri, 'text', 1, text);
	return TextDocument.applyEdits(document, edit.changes?.[uri] ?? []);
}

describe('language server over a real LSP connection (pull diagnostics, like VS Code)', () => {
	const example = copyOfExample();
	const client = new LspTestClient({ folder: example.folder });

	before(async () => {
		await client.initialize();
		await client.open(example.uri(CREATE), example.text(CREATE));
		await client.open(example.uri(SEATS), example.text(SEATS));
		await client.open(example.uri(PLAN), example.text(PLAN), 'yaml');
	});
	after(() => client.dispose());

	it('pulls diagnostics for a source file, with code, exact range and typed data', async () => {
		await client.waitFor(async () => (await client.pull(example.uri(CREATE))).length > 0, 'diagnostics on createWorkspace.ts');
		const diagnostics = await client.pull(example.uri(CREATE));
		const undeclared = diagnostics.find((d) => d.code === 'undeclared-group-type')!;
		assert.deepEqual(undeclared.range, { start: positionOf(example.text(CREATE), '{ compnay_id', 2), end: positionOf(example.text(CREATE), '{ compnay_id', 12) });
		assert.equal(undeclared.source, 'trackplan');
		assert.deepEqual((undeclared.data as { groupType: string; suggestion: string }).suggestion, 'company_id');
	});

	it('pulls diagnostics for the plan and re-checks it on every edit', async () => {
		assert.deepEqual(await client.pull(example.uri(PLAN)), []);
		const broken = example.text(PLAN).replace('    level: event\n', '    level: events\n');
		await client.change(example.uri(PLAN), broken, 2);
		const diagnostics = await client.pull(example.uri(PLAN));
		assert.deepEqual(
			diagnostics.map((d) => [d.code, d.range.start]),
			[['plan-schema', positionOf(broken, 'events\n')]],
		);
		assert.ok(client.refreshRequests > 0, 'a plan edit asks the client to pull every file again');
		await client.change(example.uri(PLAN), example.text(PLAN), 3);
	});

	it('answers workspace diagnostics for files that are not open', async () => {
		const report = await client.request<{ items: { uri: string; items: Diagnostic[] }[] }>('workspace/diagnostic', { previousResultIds: [] });
		const files = report.items.map((i) => i.uri.slice(example.uri('').length + 1)).sort();
		assert.deepEqual(files, [
			'api/src/jobs/syncAccounts.ts',
			'api/src/workspaces/createWorkspace.ts',
			'billing/app/jobs/reconcile_accounts.py',
			'billing/app/routes/invoices.py',
			'web/public/index.html',
			'web/src/dashboards/ShareDialog.tsx',
			'web/src/settings/AccountSettings.tsx',
			'web/src/workspaces/WorkspaceSwitcher.tsx',
		]);
	});

	it('hovers a group type in code with the plan description, limits used and usage count', async () => {
		const hover = await client.request<Hover>('textDocument/hover', {
			textDocument: { uri: example.uri(SEATS) },
			position: positionOf(example.text(SEATS), "groupIdentify('company_id'", "groupIdentify('".length + 3),
		});
		const markdown = (hover.contents as { value: string }).value;
		assert.match(markdown, /\*\*company_id\*\* — group type · user level/);
		assert.match(markdown, /The paying customer: one Acme subscription/);
		assert.match(markdown, /Limits used: 3 \/ 5 group types · 12 \/ 1000 group properties/);
		assert.match(markdown, /Used in \d+ places in code\./);
	});

	it('goes from code to the plan entry, and from the plan entry to every use in code', async () => {
		const definition = await client.request<Location[]>('textDocument/definition', {
			textDocument: { uri: example.uri(SEATS) },
			position: positionOf(example.text(SEATS), "groupIdentify('company_id'", "groupIdentify('".length + 1),
		});
		assert.deepEqual(definition, [{ uri: example.uri(PLAN), range: { start: positionOf(example.text(PLAN), 'company_id:'), end: positionOf(example.text(PLAN), 'company_id:', 10) } }]);

		const references = await client.request<Location[]>('textDocument/references', {
			textDocument: { uri: example.uri(PLAN) },
			position: positionOf(example.text(PLAN), 'company_id:', 2),
			context: { includeDeclaration: false },
		});
		const files = [...new Set(references.map((r) => r.uri.slice(r.uri.lastIndexOf('/') + 1)))].sort();
		// the Python billing worker's set_group and Seat Added event are uses too
		assert.deepEqual(files, ['AccountSettings.tsx', 'ExportButton.tsx', 'ShareDialog.tsx', 'seats.ts', 'signIn.ts', 'subscriptions.py', 'syncAccounts.ts', 'tracking-plan.yaml']);
	});

	it('completes declared group types inside setGroup(\' and event names inside track(\'', async () => {
		const text = `${example.text(SEATS)}\namplitude.setGroup('\namplitude.track('Se`;
		await client.change(example.uri(SEATS), text, 2);
		const lines = text.split('\n');
		const groupItems = await client.request<CompletionItem[]>('textDocument/completion', {
			textDocument: { uri: example.uri(SEATS) },
			position: { line: lines.length - 2, character: lines[lines.length - 2]!.length },
		});
		assert.deepEqual(
			groupItems.map((i) => i.label),
			['company_id', 'workspace_id', 'team'],
		);
		assert.match((groupItems[0]!.documentation as { value: string }).value, /The paying customer/);
		const eventItems = await client.request<CompletionItem[]>('textDocument/completion', {
			textDocument: { uri: example.uri(SEATS) },
			position: { line: lines.length - 1, character: lines[lines.length - 1]!.length },
		});
		assert.ok(eventItems.some((i) => i.label === 'Seat Added' && (i as { textEdit: { range: { start: { character: number } } } }).textEdit.range.start.character === "amplitude.track('".length));
		await client.change(example.uri(SEATS), example.text(SEATS), 3);
	});

	it('offers "add group type to the plan" and "change to" fixes, and the plan edit keeps every other byte', async () => {
		const diagnostics = await client.pull(example.uri(CREATE));
		const undeclared = diagnostics.filter((d) => d.code === 'undeclared-group-type');
		const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
			textDocument: { uri: example.uri(CREATE) },
			range: undeclared[0]!.range,
			context: { diagnostics: undeclared },
		});
		assert.deepEqual(
			actions.map((a) => [a.title, a.isPreferred]),
			[
				['Change to "company_id"', true],
				['Add group type "compnay_id" to tracking-plan.yaml', false],
			],
		);
		const plan = example.text(PLAN);
		const edited = applyEdit(plan, example.uri(PLAN), actions[1]!.edit!);
		const inserted = '\n  compnay_id:\n    level: event';
		const at = edited.indexOf(inserted);
		assert.ok(at > 0, edited);
		assert.equal(edited.slice(0, at) + edited.slice(at + inserted.length), plan, 'nothing else in the plan changed');
		const fixedSource = applyEdit(example.text(CREATE), example.uri(CREATE), actions[0]!.edit!);
		assert.equal(fixedSource, example.text(CREATE).replace('{ compnay_id', '{ company_id'));
	});

	it('adds the missing groups to a track call in the right argument', async () => {
		const share = 'web/src/dashboards/ShareDialog.tsx';
		await client.open(example.uri(share), example.text(share), 'typescriptreact');
		const missing = (await client.pull(example.uri(share))).filter((d) => d.code === 'missing-event-groups');
		const [action] = await client.request<CodeAction[]>('textDocument/codeAction', {
			textDocument: { uri: example.uri(share) },
			range: missing[0]!.range,
			context: { diagnostics: missing },
		});
		assert.equal(action!.title, 'Add the missing group workspace_id to this call');
		const fixed = applyEdit(example.text(share), example.uri(share), action!.edit!);
		assert.match(fixed, /groups: \{ company_id: String\(companyId\), workspace_id: '' \/\* TODO: workspace_id value \*\/ \}/);
	});

	it('renames a group type across the plan and the code', async () => {
		const edit = await client.request<WorkspaceEdit>('textDocument/rename', {
			textDocument: { uri: example.uri(PLAN) },
			position: positionOf(example.text(PLAN), '  team:', 3),
			newName: 'department_team',
		});
		const changed = Object.keys(edit.changes!).map((u) => u.slice(u.lastIndexOf('/') + 1)).sort();
		assert.deepEqual(changed, ['groups.ts', 'tracking-plan.yaml']);
		const plan = applyEdit(example.text(PLAN), example.uri(PLAN), edit);
		assert.match(plan, /\n  department_team:\n/);
		const groupsUri = Object.keys(edit.changes!).find((u) => u.endsWith('groups.ts'))!;
		const groups = applyEdit(example.text('web/src/analytics/groups.ts'), groupsUri, edit);
		assert.match(groups, /Team: 'department_team',/);
	});

	it('shows code lenses, document symbols and workspace symbols for the plan', async () => {
		const lenses = await client.request<{ range: { start: { line: number } }; command: { title: string } }[]>('textDocument/codeLens', { textDocument: { uri: example.uri(PLAN) } });
		const lensAt = (needle: string) => lenses.find((l) => l.range.start.line === positionOf(example.text(PLAN), needle).line)?.command.title;
		assert.match(lensAt('company_id:')!, /^used in \d+ places$/);
		assert.equal(lensAt('csm_owner:'), 'not used in code');
		const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: example.uri(PLAN) } });
		assert.deepEqual(
			symbols.map((s) => [s.name, s.children!.map((c) => c.name)]),
			[
				['groupTypes', ['company_id', 'workspace_id', 'team']],
				['events', ['Report Exported', 'Dashboard Shared', 'Workspace Created', 'Seat Added', 'Invoice Paid']],
			],
		);
		const found = await client.request<{ name: string; containerName: string }[]>('workspace/symbol', { query: 'csm' });
		assert.deepEqual(found.map((s) => `${s.name} (${s.containerName})`), ['csm_owner (company_id)']);
	});
});

describe('language server for clients without pull diagnostics (pushed, like Neovim 0.7)', () => {
	const example = copyOfExample();
	const client = new LspTestClient({ folder: example.folder, pull: false, settings: { rules: { 'missing-user-id': 'off' } } });
	before(() => client.initialize());
	after(() => client.dispose());

	it('pushes the workspace diagnostics after indexing, honouring per-rule settings', async () => {
		await client.waitFor(() => client.pushed.size >= 5, 'pushed diagnostics');
		const createWorkspace = client.pushed.get(example.uri(CREATE))!;
		assert.ok(createWorkspace.some((d) => d.code === 'undeclared-group-type'));
		assert.equal(client.pushed.get(example.uri('api/src/jobs/syncAccounts.ts')), undefined, 'missing-user-id is off in the settings');
	});

	it('pushes fresh diagnostics after an edit, and clears them when fixed', async () => {
		const uri = example.uri(CREATE);
		// First the state before the fix, as pushed: only a push that comes after the change can clear it.
		await client.waitFor(() => (client.pushed.get(uri) ?? []).some((d) => d.code === 'undeclared-group-type'), 'the undeclared group type pushed for createWorkspace.ts');
		await client.open(uri, example.text(CREATE));
		const broken = `${example.text(CREATE)}\namplitude.setGroup('orgg', 'x');\n`;
		await client.change(uri, broken, 2);
		await client.waitFor(
			() => (client.pushed.get(uri) ?? []).some((d) => d.code === 'undeclared-group-type' && String(d.message).includes('"orgg"')),
			'a fresh push with the new finding',
		);
		await client.change(uri, example.text(CREATE).replace('{ compnay_id', '{ company_id'), 3);
		await client.waitFor(() => client.pushed.get(uri)?.length === 0, 'createWorkspace.ts to be clean');
		assert.deepEqual(client.pushed.get(uri), [], 'an empty push clears the file');
	});
});

describe('the bundled server (node dist/server.js --stdio)', () => {
	it('starts, indexes the workspace and answers a diagnostic pull', async () => {
		const example = copyOfExample();
		const client = new LspTestClient({ folder: example.folder, bundle: require('node:path').join(__dirname, '../../../dist/server.js') });
		try {
			await client.initialize();
			await client.open(example.uri(CREATE), example.text(CREATE));
			await client.waitFor(async () => (await client.pull(example.uri(CREATE))).some((d) => d.code === 'undeclared-group-type'), 'a diagnostic from the bundle');
		} finally {
			await client.dispose();
		}
	});
});

describe('the language server survives bad requests', () => {
	const example = copyOfExample();
	const client = new LspTestClient({ folder: example.folder });
	before(() => client.initialize());
	after(() => client.dispose());

	it('answers unknown URIs, out-of-range positions and malformed params without dying', async () => {
		const unknown = 'file:///nowhere/never.ts';
		assert.deepEqual(await client.pull(unknown), []);
		assert.equal(await client.request('textDocument/hover', { textDocument: { uri: unknown }, position: { line: 0, character: 0 } }), null);
		await client.open(example.uri(SEATS), example.text(SEATS));
		assert.equal(await client.request('textDocument/hover', { textDocument: { uri: example.uri(SEATS) }, position: { line: 9999, character: 9999 } }), null);
		// A negative position is not an LSP position (test/server/malformedParams.test.ts tries every request and field).
		await assert.rejects(client.request('textDocument/completion', { textDocument: { uri: example.uri(SEATS) }, position: { line: -5, character: 3 } }), { code: ErrorCodes.InvalidParams });
		await assert.rejects(client.request('textDocument/hover', { nonsense: true }), { code: ErrorCodes.InvalidParams, message: /params\.textDocument is missing/ });
		await assert.rejects(client.request('trackplan/noSuchRequest', {}), { code: ErrorCodes.MethodNotFound });
		// Still alive and correct afterwards.
		await client.waitFor(async () => (await client.pull(example.uri(CREATE))).length > 0, 'diagnostics after the bad requests');
	});
});
