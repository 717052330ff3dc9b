import * as assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, CodeLens, CompletionItem, Diagnostic, Hover, Location, TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LspTestClient } from '../support/lspTestClient';
import { fixturesRoot } from '../support/paths';
import { copyOfWorkspace, positionOf } from './exampleWorkspace';

/**
 * Issue 14: every editor feature works in .py files as it does in .ts, over a real LSP connection:
 * diagnostics while typing, quick fixes, completion, hover, definition, references, rename, code lens.
 */
const PLAN = 'tracking-plan.yaml';
const BILLING = 'app/billing.py';
const REPORTS = 'app/reports.py';
const GROUPS = 'app/groups.py';
const DASHBOARDS = 'app/dashboards.py';
const CRM = 'app/crm.py';

function applyEdit(text: string, uri: string, edit: WorkspaceEdit): string {
	return TextDocument.applyEdits(TextDocument.create(uri, 'text', 1, text), edit.changes?.[uri] ?? []);
}

function endOf(text: string): { line: number; character: number } {
	const lines = text.split('\n');
	return { line: lines.length - 1, character: lines[lines.length - 1]!.length };
}

describe('every editor feature in a Python file (language server over a real LSP connection)', () => {
	const workspace = copyOfWorkspace(path.join(fixturesRoot, 'workspaces/python-editor'));
	const client = new LspTestClient({ folder: workspace.folder });
	const uri = workspace.uri;
	const text = workspace.text;
	let version = 1;
	const change = (relative: string, newText: string) => client.change(uri(relative), newText, ++version);
	/** Completion after `typed` appended to the file (and `following` after the cursor). */
	const completions = async (relative: string, typed: string, following = '') => {
		const newText = `${text(relative)}${typed}`;
		await change(relative, newText + following);
		const items = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri: uri(relative) }, position: endOf(newText) });
		await change(relative, text(relative));
		return items;
	};
	const fixesFor = async (relative: string, code: string) => {
		const diagnostics = (await client.pull(uri(relative))).filter((d: Diagnostic) => d.code === code);
		assert.equal(diagnostics.length, 1, `one ${code} in ${relative}`);
		return client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: uri(relative) }, range: diagnostics[0]!.range, context: { diagnostics } });
	};

	before(async () => {
		await client.initialize();
		await client.waitForInitialIndex();
		await client.open(uri(BILLING), text(BILLING), 'python');
		await client.open(uri(REPORTS), text(REPORTS), 'python');
		await client.open(uri(PLAN), text(PLAN), 'yaml');
	});
	after(async () => {
		await client.dispose();
		rmSync(workspace.folder, { recursive: true, force: true });
	});

	it('pulls diagnostics for a .py file, with the exact range of the name inside its quotes', async () => {
		const diagnostics = await client.pull(uri(BILLING));
		assert.deepEqual(
			diagnostics.map((d) => [d.code, d.range.start, d.range.end]),
			[['undeclared-group-type', positionOf(text(BILLING), '"compnay"', 1), positionOf(text(BILLING), '"compnay"', 8)]],
		);
		assert.equal((diagnostics[0]!.data as { suggestion?: string }).suggestion, 'company');
	});

	it('re-checks a .py file on every keystroke (didChange), without saving', async () => {
		const typed = `${text(BILLING)}\n\ndef join_org(user_id: str) -> None:\n    client.set_group("orgg", "acme", EventOptions(user_id=user_id))\n`;
		await change(BILLING, typed);
		const diagnostics = await client.pull(uri(BILLING));
		assert.ok(diagnostics.some((d) => d.code === 'undeclared-group-type' && String(d.message).includes('"orgg"')), JSON.stringify(diagnostics));
		await change(BILLING, text(BILLING).replace('"compnay"', '"company"'));
		assert.deepEqual(await client.pull(uri(BILLING)), [], 'fixed while typing');
		await change(BILLING, text(BILLING));
	});

	it('answers workspace diagnostics for .py files that are not open', async () => {
		const report = await client.request<{ items: { uri: string; items: Diagnostic[] }[] }>('workspace/diagnostic', { previousResultIds: [] });
		const files = report.items.filter((i) => i.items.length > 0).map((i) => i.uri.slice(client.rootUri.length + 1)).sort();
		assert.deepEqual(files, [BILLING, CRM, REPORTS]);
	});

	it('offers "Change to" and "Add group type to the plan" for an undeclared group type', async () => {
		const actions = await fixesFor(BILLING, 'undeclared-group-type');
		assert.deepEqual(
			actions.map((a) => [a.title, a.isPreferred]),
			[
				['Change to "company"', true],
				['Add group type "compnay" to tracking-plan.yaml', false],
			],
		);
		assert.equal(applyEdit(text(BILLING), uri(BILLING), actions[0]!.edit!), text(BILLING).replace('"compnay"', '"company"'));
		const plan = applyEdit(text(PLAN), uri(PLAN), actions[1]!.edit!);
		assert.match(plan, /\n {2}compnay:\n {4}level: user\n/);
	});

	it('offers "Change to" where escapes spell the name, and not at a constant\'s identifier (the constant is where it is written)', async () => {
		const escaped = text(BILLING).replace('"compnay"', '"compn\\x61y"');
		await change(BILLING, escaped);
		const actions = await fixesFor(BILLING, 'undeclared-group-type');
		assert.equal(actions[0]!.title, 'Change to "company"');
		assert.equal(applyEdit(escaped, uri(BILLING), actions[0]!.edit!), text(BILLING).replace('"compnay"', '"company"'));
		const viaConstant = text(BILLING).replace('client.set_group("compnay"', 'compnay = "compnay"\n    client.set_group(compnay');
		await change(BILLING, viaConstant);
		assert.deepEqual((await fixesFor(BILLING, 'undeclared-group-type')).map((a) => a.title), ['Add group type "compnay" to tracking-plan.yaml']);
		await change(BILLING, text(BILLING));
	});

	it('adds the missing groups= to a BaseEvent, and the fixed file has no finding left', async () => {
		const actions = await fixesFor(REPORTS, 'missing-event-groups');
		assert.deepEqual(actions.map((a) => a.title), ['Add the missing group workspace to this call']);
		const fixed = applyEdit(text(REPORTS), uri(REPORTS), actions[0]!.edit!);
		assert.equal(fixed, text(REPORTS).replace('user_id=user_id))', 'user_id=user_id, groups={"workspace": TODO_workspace}))'));
		await change(REPORTS, fixed);
		assert.deepEqual((await client.pull(uri(REPORTS))).map((d) => d.code), [], 'the groups the fix wrote are read back');
		await change(REPORTS, text(REPORTS));
	});

	it('adds the Amplitude traits to a Segment group call, and its groups to a Segment track call through integrations', async () => {
		await client.open(uri(CRM), text(CRM), 'python');
		const traits = await fixesFor(CRM, 'segment-group-fallback');
		assert.deepEqual(traits.map((a) => a.title), ['Add the group_type and group_value traits Amplitude needs']);
		const withTraits = applyEdit(text(CRM), uri(CRM), traits[0]!.edit!);
		assert.equal(withTraits, text(CRM).replace('{"name": company.name}', '{"name": company.name, "group_type": TODO_group_type, "group_value": TODO_group_value}'));
		const groups = await fixesFor(CRM, 'missing-event-groups');
		const withGroups = applyEdit(withTraits, uri(CRM), groups[0]!.edit!);
		assert.equal(withGroups, withTraits.replace('{"format": "csv"})', '{"format": "csv"}, integrations={"Amplitude": {"groups": {"workspace": TODO_workspace}}})'));
		await change(CRM, withGroups);
		// The fallback and the missing groups are gone; the group_type placeholder, a name nobody defined, reads as unfinished.
		assert.deepEqual((await client.pull(uri(CRM))).map((d) => d.code), ['unresolved-group-type']);
		await change(CRM, text(CRM));
	});

	it('completes group types in set_group(", with the plan\'s descriptions', async () => {
		const items = await completions(BILLING, '\nclient.set_group("');
		assert.deepEqual(items.map((i) => i.label), ['company', 'workspace']);
		assert.match((items[0]!.documentation as { value: string }).value, /The paying customer organisation/);
	});

	it('completes group properties in an Identify operation, for the group type of the group_identify it feeds', async () => {
		const forCompany = await completions(BILLING, '\n\ndef more(user_id, company):\n    extra = Identify()\n    extra.set_once("', '")\n    client.group_identify("company", "acme", extra)\n');
		assert.deepEqual(forCompany.map((i) => i.label), ['plan', 'seats']);
		const forWorkspace = await completions(BILLING, '\n\ndef more(user_id):\n    extra = Identify()\n    extra.set("', '", "Q3")\n    client.group_identify(group_type="workspace", group_name="w1", identify_obj=extra)\n');
		assert.deepEqual(forWorkspace.map((i) => i.label), ['Workspace Name']);
	});

	it('completes group keys in groups={…}: inside a string as typed, unquoted with the key written for Python', async () => {
		const quoted = await completions(REPORTS, '\nclient.track(BaseEvent("Report Exported", user_id="u", groups={"');
		assert.deepEqual(quoted.map((i) => [i.label, i.insertText ?? (i.textEdit as TextEdit | undefined)?.newText]), [
			['company', 'company'],
			['workspace', 'workspace'],
		]);
		const unquoted = await completions(REPORTS, '\nclient.track(BaseEvent("Report Exported", user_id="u", groups={wo');
		const workspaceItem = unquoted.find((i) => i.label === 'workspace')!;
		assert.equal((workspaceItem.textEdit as TextEdit | undefined)?.newText ?? workspaceItem.insertText, '"workspace": ');
	});

	it('completes event names in BaseEvent("', async () => {
		const items = await completions(REPORTS, '\nclient.track(BaseEvent("Rep');
		assert.deepEqual(items.map((i) => i.label), ['Report Exported']);
	});

	it('hovers a group type in Python with the plan description and its usage count', async () => {
		const hover = await client.request<Hover>('textDocument/hover', {
			textDocument: { uri: uri(BILLING) },
			position: positionOf(text(BILLING), 'group_identify("company"', 'group_identify("'.length + 2),
		});
		const markdown = (hover.contents as { value: string }).value;
		assert.match(markdown, /\*\*company\*\* — group type · user level/);
		assert.match(markdown, /The paying customer organisation/);
		assert.match(markdown, /Used in 2 places in code\./);
	});

	it('goes from a name in Python to its plan entry, and from the plan entry to every Python use', async () => {
		const definition = await client.request<Location[]>('textDocument/definition', {
			textDocument: { uri: uri(BILLING) },
			position: positionOf(text(BILLING), 'group_identify("company"', 'group_identify("'.length + 1),
		});
		assert.deepEqual(definition, [{ uri: uri(PLAN), range: { start: positionOf(text(PLAN), 'company:'), end: positionOf(text(PLAN), 'company:', 'company'.length) } }]);
		const references = await client.request<Location[]>('textDocument/references', {
			textDocument: { uri: uri(PLAN) },
			position: positionOf(text(PLAN), 'company:', 2),
			context: { includeDeclaration: false },
		});
		assert.deepEqual(
			references.map((r) => [r.uri.slice(client.rootUri.length + 1), r.range.start]).sort(),
			[
				[BILLING, positionOf(text(BILLING), 'COMPANY, str')],
				[BILLING, positionOf(text(BILLING), 'group_identify("company"', 'group_identify("'.length)],
			].sort(),
		);
	});

	it('renames a group type across the plan, Python literals and a constant imported from another module', async () => {
		const edit = await client.request<WorkspaceEdit>('textDocument/rename', {
			textDocument: { uri: uri(PLAN) },
			position: positionOf(text(PLAN), '  company:', 3),
			newName: "customer's org",
		});
		assert.deepEqual(Object.keys(edit.changes!).map((u) => u.slice(client.rootUri.length + 1)).sort(), [BILLING, GROUPS, PLAN]);
		assert.match(applyEdit(text(PLAN), uri(PLAN), edit), /\n {2}"customer's org":\n/);
		assert.equal(applyEdit(text(GROUPS), uri(GROUPS), edit), text(GROUPS).replace('COMPANY = "company"', 'COMPANY = "customer\'s org"'));
		assert.equal(applyEdit(text(BILLING), uri(BILLING), edit), text(BILLING).replace('group_identify("company"', 'group_identify("customer\'s org"'), 'the constant use stays');
	});

	it('renames through a constant imported by its absolute module path (from app.groups import WORKSPACE)', async () => {
		const edit = await client.request<WorkspaceEdit>('textDocument/rename', {
			textDocument: { uri: uri(PLAN) },
			position: positionOf(text(PLAN), '  workspace:', 3),
			newName: 'project',
		});
		assert.deepEqual(Object.keys(edit.changes!).map((u) => u.slice(client.rootUri.length + 1)).sort(), [GROUPS, PLAN]);
		assert.equal(applyEdit(text(GROUPS), uri(GROUPS), edit), text(GROUPS).replace('WORKSPACE = "workspace"', 'WORKSPACE = "project"'));
		assert.deepEqual(
			(await client.request<Location[]>('textDocument/references', { textDocument: { uri: uri(PLAN) }, position: positionOf(text(PLAN), '  workspace:', 3), context: { includeDeclaration: false } }))
				.filter((r) => r.uri.endsWith('.py'))
				.map((r) => [
				r.uri.slice(client.rootUri.length + 1),
				r.range.start,
			]),
			[[DASHBOARDS, positionOf(text(DASHBOARDS), 'WORKSPACE: str')]],
		);
	});

	it('renames from a Python literal too, writing the name so Python reads it back: a raw string that cannot hold it becomes a plain one', async () => {
		const singleQuoted = text(BILLING).replace('group_identify("company"', "group_identify(r'company'");
		await change(BILLING, singleQuoted);
		const edit = await client.request<WorkspaceEdit>('textDocument/rename', {
			textDocument: { uri: uri(BILLING) },
			position: positionOf(singleQuoted, "group_identify(r'company'", "group_identify(r'".length + 1),
			newName: "customer's org",
		});
		assert.equal(applyEdit(singleQuoted, uri(BILLING), edit), singleQuoted.replace("group_identify(r'company'", "group_identify('customer\\'s org'"));
		await change(BILLING, text(BILLING));
	});

	it('counts Python uses in the plan\'s code lenses', async () => {
		const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: uri(PLAN) } });
		const lensAt = (needle: string) => lenses.find((l) => l.range.start.line === positionOf(text(PLAN), needle).line)?.command?.title;
		assert.equal(lensAt('  company:'), 'used in 2 places');
		assert.equal(lensAt('    plan:'), 'used in 1 place');
		assert.equal(lensAt('  workspace:'), 'used in 1 place');
		assert.equal(lensAt('  Report Exported:'), 'used in 3 places');
	});
});
