import * as assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, Diagnostic, TextDocumentEdit, WorkspaceEdit } from 'vscode-languageserver';
import { parseDocument } from 'yaml';
import { applyWorkspaceEdit } from '../support/applyWorkspaceEdit';
import { LspTestClient } from '../support/lspTestClient';
import { copyOfExample, positionOf } from './exampleWorkspace';

/**
 * Issue 13: every edit the server returns is computed from the files as they are now (an open
 * document's text, else the disk's at request time), even when no watcher event told the server
 * that a file changed; and it carries the documents' versions when the client takes them.
 */
const PLAN = 'tracking-plan.yaml';
const CREATE = 'api/src/workspaces/createWorkspace.ts';
const SIGN_IN = 'web/src/session/signIn.ts';
const GROUPS = 'web/src/analytics/groups.ts';

async function undeclaredFixes(client: LspTestClient, uri: string): Promise<CodeAction[]> {
	const undeclared = (await client.pull(uri)).filter((d: Diagnostic) => d.code === 'undeclared-group-type');
	assert.equal(undeclared.length, 1);
	return client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: undeclared[0]!.range, context: { diagnostics: undeclared } });
}

describe('edits are computed from the files as they are now, for a client that does not watch files', () => {
	const example = copyOfExample();
	const client = new LspTestClient({ folder: example.folder, watchFiles: false });
	const write = (relative: string, text: string) => writeFileSync(path.join(example.folder, relative), text);
	const onDisk = (uri: string) => ({ text: example.text(decodeURIComponent(uri.slice(client.rootUri.length + 1))), version: null });

	before(async () => {
		await client.initialize();
		await client.waitForInitialIndex();
	});
	after(async () => {
		await client.dispose();
		rmSync(example.folder, { recursive: true, force: true });
	});

	it('"Add group type" inserts the entry into the plan as it is on disk, not at the offsets of the plan the server indexed', async () => {
		await client.open(example.uri(CREATE), example.text(CREATE));
		// The plan changes on disk after indexing (a git checkout, another tool); no watcher event comes.
		const plan = example.text(PLAN).replace('groupTypes:\n', 'groupTypes:\n  # The contract with Amplitude: one entry per group type.\n  org:\n    description: The parent organisation of a company.\n    level: user\n');
		write(PLAN, plan);
		const fix = (await undeclaredFixes(client, example.uri(CREATE))).find((a) => a.title.startsWith('Add group type'))!;
		assert.ok(fix.edit!.changes && !fix.edit!.documentChanges, 'a client that does not declare documentChanges gets plain changes');
		const applied = applyWorkspaceEdit(fix.edit!, onDisk);
		assert.ok('texts' in applied, JSON.stringify(applied));
		const fixed = applied.texts.get(example.uri(PLAN))!;
		const expected = parseDocument(plan);
		expected.setIn(['groupTypes', 'compnay_id'], expected.createNode({ level: 'event' }));
		assert.deepEqual(parseDocument(fixed).toJS(), expected.toJS(), fixed);
		assert.equal(fixed.replace('\n  compnay_id:\n    level: event', ''), plan, 'one pure insertion into the current plan');
	});

	it('a rename renames the plan key and the literal in code as they are on disk, after both changed unseen', async () => {
		await client.open(example.uri(SIGN_IN), example.text(SIGN_IN));
		const plan = `# Reviewed by the data team.\n${example.text(PLAN).replace('\n  team:\n', "\n  # The people directory's team, see team-sync.\n  team:\n")}`;
		const groups = example.text(GROUPS).replace("\tTeam: 'team',", "\t// team: the people directory's department\n\tTeam: 'team',");
		write(PLAN, plan);
		write(GROUPS, groups);
		const edit = await client.request<WorkspaceEdit>('textDocument/rename', {
			textDocument: { uri: example.uri(SIGN_IN) },
			position: positionOf(example.text(SIGN_IN), 'setGroup(GroupTypes.Team', 'setGroup(GroupTypes.'.length + 1),
			newName: 'squad',
		});
		const applied = applyWorkspaceEdit(edit, onDisk);
		assert.ok('texts' in applied, JSON.stringify(applied));
		assert.deepEqual([...applied.texts.keys()].sort(), [example.uri(PLAN), example.uri(GROUPS)].sort());
		assert.equal(applied.texts.get(example.uri(PLAN)), plan.replace('\n  team:\n', '\n  squad:\n'));
		assert.equal(applied.texts.get(example.uri(GROUPS)), groups.replace("Team: 'team',", "Team: 'squad',"));
	});

	it('a plan that appeared on disk unseen governs its folder: a rename in the root plan leaves that folder\'s code alone', async () => {
		const nested = 'web/tracking-plan.yaml';
		write(nested, example.text(PLAN));
		try {
			const plan = example.text(PLAN);
			const edit = await client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri: example.uri(PLAN) }, position: positionOf(plan, '\n  team:\n', 3), newName: 'squad' });
			assert.deepEqual(Object.keys(edit.changes ?? {}), [example.uri(PLAN)], 'web/src/analytics/groups.ts belongs to web/tracking-plan.yaml now');
		} finally {
			rmSync(path.join(example.folder, nested));
		}
	});
});

describe('a plan deleted on disk unseen no longer governs its folder', () => {
	const example = copyOfExample();
	const nested = 'web/tracking-plan.yaml';
	// A plan of web/ that checks none of its files: the server scans nothing there.
	writeFileSync(path.join(example.folder, nested), 'sources:\n  include: []\ngroupTypes:\n  team: { level: user }\n');
	const client = new LspTestClient({ folder: example.folder, watchFiles: false });

	before(async () => {
		await client.initialize();
		await client.waitForInitialIndex();
	});
	after(async () => {
		await client.dispose();
		rmSync(example.folder, { recursive: true, force: true });
	});

	it('a rename in the root plan reaches the code the deleted plan governed', async () => {
		rmSync(path.join(example.folder, nested));
		const edit = await client.request<WorkspaceEdit>('textDocument/rename', {
			textDocument: { uri: example.uri(PLAN) },
			position: positionOf(example.text(PLAN), '\n  team:\n', 3),
			newName: 'squad',
		});
		assert.deepEqual(Object.keys(edit.changes ?? {}).sort(), [example.uri(PLAN), example.uri(GROUPS)].sort());
	});
});

describe('edits carry the documents\' versions when the client declares documentChanges', () => {
	const example = copyOfExample();
	const client = new LspTestClient({ folder: example.folder, documentChanges: true });

	before(async () => {
		await client.initialize();
		await client.waitForInitialIndex();
		await client.open(example.uri(PLAN), example.text(PLAN), 'yaml', 7);
		await client.open(example.uri(CREATE), example.text(CREATE), 'typescript', 3);
	});
	after(async () => {
		await client.dispose();
		rmSync(example.folder, { recursive: true, force: true });
	});

	const versionsOf = (edit: WorkspaceEdit) => {
		assert.equal(edit.changes, undefined);
		return (edit.documentChanges as TextDocumentEdit[]).map((change) => [change.textDocument.uri.slice(change.textDocument.uri.lastIndexOf('/') + 1), change.textDocument.version]);
	};

	it('quick fixes: the open plan and the open source file at their versions', async () => {
		const fixes = await undeclaredFixes(client, example.uri(CREATE));
		assert.deepEqual(
			fixes.map((fix) => [fix.title, versionsOf(fix.edit!)]),
			[
				['Change to "company_id"', [['createWorkspace.ts', 3]]],
				['Add group type "compnay_id" to tracking-plan.yaml', [['tracking-plan.yaml', 7]]],
			],
		);
		// A client rejects the fix once the plan changed in the editor.
		const files = (version: number) => (uri: string) => ({ text: example.text(decodeURIComponent(uri.slice(client.rootUri.length + 1))), version: uri.endsWith(PLAN) ? version : 3 });
		assert.ok('texts' in applyWorkspaceEdit(fixes[1]!.edit!, files(7)));
		assert.ok('rejected' in applyWorkspaceEdit(fixes[1]!.edit!, files(8)));
	});

	it('rename: the open plan at its version, a file that is not open with version null', async () => {
		const edit = await client.request<WorkspaceEdit>('textDocument/rename', {
			textDocument: { uri: example.uri(PLAN) },
			position: positionOf(example.text(PLAN), '  team:', 3),
			newName: 'squad',
		});
		assert.deepEqual(versionsOf(edit), [
			['tracking-plan.yaml', 7],
			['groups.ts', null],
		]);
	});
});

describe('rename refusals reach the user as LSP errors with their message', () => {
	const example = copyOfExample();
	const client = new LspTestClient({ folder: example.folder });

	before(async () => {
		await client.initialize();
		await client.open(example.uri(PLAN), example.text(PLAN), 'yaml');
	});
	after(async () => {
		await client.dispose();
		rmSync(example.folder, { recursive: true, force: true });
	});

	const at = (needle: string, shift = 2) => ({ textDocument: { uri: example.uri(PLAN) }, position: positionOf(example.text(PLAN), needle, shift) });
	const refused = (message: string | RegExp) => (error: unknown) => {
		const text = (error as Error).message;
		return typeof message === 'string' ? text === message : message.test(text);
	};

	it('renaming a group type onto one that exists, or to an empty name', async () => {
		await assert.rejects(client.request('textDocument/rename', { ...at('  company_id:'), newName: 'team' }), refused("'team' is already a group type in tracking-plan.yaml: renaming would merge two group types."));
		await assert.rejects(client.request('textDocument/rename', { ...at('  company_id:'), newName: '  ' }), refused(/^The new name is empty/));
		assert.equal(await client.request('textDocument/rename', { ...at('  company_id:'), newName: 'company_id' }), null, 'the same name: nothing to do');
	});

	it('prepareRename says up front that an event is not renamed, and that nothing is while the plan does not parse', async () => {
		await assert.rejects(client.request('textDocument/prepareRename', at('  Seat Added:')), refused(/^Trackplan renames group types and group properties, not events/));
		await client.change(example.uri(PLAN), example.text(PLAN).replace('  team:\n', '  team: [\n'), 2);
		await assert.rejects(client.request('textDocument/prepareRename', at('  company_id:')), refused(/^tracking-plan\.yaml has syntax errors/));
		await assert.rejects(client.request('textDocument/rename', { ...at('  company_id:'), newName: 'account' }), refused(/^tracking-plan\.yaml has syntax errors/));
	});
});

describe('quick fixes use the data of the current findings, not of the diagnostics the client kept', () => {
	const example = copyOfExample();
	const client = new LspTestClient({ folder: example.folder });
	const SHARE = 'web/src/dashboards/ShareDialog.tsx';

	before(async () => {
		await client.initialize();
		await client.waitForInitialIndex();
	});
	after(async () => {
		await client.dispose();
		rmSync(example.folder, { recursive: true, force: true });
	});

	it('"add the missing groups" after the user typed above the call: inserted where the call is now', async () => {
		const uri = example.uri(SHARE);
		await client.open(uri, example.text(SHARE), 'typescriptreact');
		const [missing] = (await client.pull(uri)).filter((d) => d.code === 'missing-event-groups');
		// The user types a line above; the client moves the diagnostic down with the text, its data unchanged (as VS Code does).
		const typed = `// Sharing dialogs.\n${example.text(SHARE)}`;
		await client.change(uri, typed, 2);
		const moved = { ...missing!, range: { start: { ...missing!.range.start, line: missing!.range.start.line + 1 }, end: { ...missing!.range.end, line: missing!.range.end.line + 1 } } };
		const [action] = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: moved.range, context: { diagnostics: [moved] } });
		const applied = applyWorkspaceEdit(action!.edit!, () => ({ text: typed, version: 2 }));
		assert.ok('texts' in applied);
		assert.equal(applied.texts.get(uri), typed.replace('groups: { company_id: String(companyId) }', "groups: { company_id: String(companyId), workspace_id: '' /* TODO: workspace_id value */ }"));
	});
});
