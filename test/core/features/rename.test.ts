import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyTextEdits, defaultFrontEnds, neverCancelled, prepareRename, rename, WorkspaceIndex, type RenameResult } from '../../../core/src/index';
import { lines } from '../../support/markedText';

const root = 'file:///shop';
const planUri = `${root}/tracking-plan.yaml`;
const appUri = `${root}/src/app.ts`;
const plan = lines(
	'groupTypes:',
	'  company:',
	'    level: user',
	'    properties: &shared',
	'      plan: { type: string }',
	'      seats: { type: integer }',
	'  team:',
	'    level: user',
	'    properties:',
	'      department: { type: string }',
	'  org:',
	'    level: user',
	'    properties: *shared',
	'events:',
	'  Seat Added: { groups: [company] }',
	'',
);
const app = lines(
	"import * as amplitude from '@amplitude/analytics-browser';",
	"import { PLAN_KEY } from './keys';",
	"amplitude.setGroup('company', '1');",
	"amplitude.setGroup(someType, '1');",
	"amplitude.groupIdentify('org', '1', new amplitude.Identify().set('region', 'eu'));",
	"amplitude.groupIdentify('team', '1', new amplitude.Identify().set(PLAN_KEY, 'x'));",
	"amplitude.track('Seat Added', {}, { groups: { company: '1' } });",
	'',
);
const keysUri = `${root}/src/keys.ts`;
const keys = "export const PLAN_KEY = 'department';\n";

async function world(files: Record<string, string> = {}, planText = plan): Promise<{ index: WorkspaceIndex; texts: Record<string, string> }> {
	const texts: Record<string, string> = { [planUri]: planText, [appUri]: app, [keysUri]: keys, ...files };
	const index = new WorkspaceIndex({ frontEnds: defaultFrontEnds });
	index.setPlan(planUri, texts[planUri]!);
	for (const [uri, text] of Object.entries(texts)) if (uri !== planUri) index.setSource(uri, text);
	await index.loadImportedFiles(async (uri) => texts[uri], neverCancelled);
	return { index, texts };
}

async function renameAt(needle: string, newName: string, files?: Record<string, string>, planText?: string): Promise<RenameResult | undefined> {
	const { index, texts } = await world(files, planText);
	const [uri, at] = locate(texts, needle);
	return rename(index, uri, at, newName, async (u) => texts[u], neverCancelled);
}

/** The file and offset of the first `needle` (plan first), one character into its first non-blank. */
function locate(texts: Record<string, string>, needle: string): [string, number] {
	for (const uri of [planUri, ...Object.keys(texts).filter((u) => u !== planUri)]) {
		const at = texts[uri]!.indexOf(needle);
		if (at >= 0) return [uri, at + needle.search(/\S/) + 1];
	}
	throw new Error(`${needle} not found`);
}

function refusal(result: RenameResult | undefined): { reason: string; message: string } {
	assert.ok(result && 'refusal' in result, `expected a refusal, got ${JSON.stringify(result)}`);
	return result.refusal;
}

describe('rename refuses what it cannot do safely', () => {
	it('a group type onto one the plan declares: the two would merge', async () => {
		assert.deepEqual(refusal(await renameAt('  company:', 'team')), {
			reason: 'name-exists',
			message: "'team' is already a group type in tracking-plan.yaml: renaming would merge two group types.",
		});
	});

	it('a group type onto one the code already sends (undeclared): the code would merge them', async () => {
		const { message } = refusal(await renameAt('  team:', 'account', { [`${root}/src/other.ts`]: "import * as amplitude from '@amplitude/analytics-browser';\namplitude.setGroup('account', '1');\n" }));
		assert.equal(message, "'account' is already used as a group type in src/other.ts:2: renaming would merge two group types.");
	});

	it('a property onto a sibling, also through a group type that shares the properties by alias', async () => {
		assert.equal(refusal(await renameAt('      plan:', 'seats')).message, "'seats' is already a property of group type 'company' in tracking-plan.yaml: renaming would merge two properties.");
		// org shares company's properties (`*shared`), and code sets `region` on org: renaming company's `plan` to `region` would merge them in org.
		assert.equal(refusal(await renameAt('      plan:', 'region')).message, "'region' is already used as a property of group type 'org' in src/app.ts:5: renaming would merge two properties.");
	});

	it('an empty or whitespace-only name', async () => {
		for (const name of ['', '   ', '\t']) assert.equal(refusal(await renameAt('  company:', name)).reason, 'empty-name', JSON.stringify(name));
	});

	it('a name with a line break or a control character', async () => {
		for (const name of ['new\nname', 'new\rname', 'a\u0000b', 'a\u001bb', 'a\u2028b', 'tab\tname']) {
			const { reason, message } = refusal(await renameAt('  company:', name));
			assert.equal(reason, 'unwritable-name', JSON.stringify(name));
			assert.match(message, /^The new name contains a line break or control character \(U\+[0-9A-F]{4}\)/);
		}
	});

	it('the same name is nothing to do: no edit and no error, like VS Code', async () => {
		assert.deepEqual(await renameAt('  company:', 'company'), { unchanged: true });
	});

	it('a name the code cannot write back where a use stands (an HTML attribute quoted with the same quote)', async () => {
		const page = `${root}/src/page.html`;
		const html = '<script type="module">import * as amplitude from \'@amplitude/analytics-browser\';</script>\n<button onclick="amplitude.setGroup(\'company\', \'1\')">Go</button>\n';
		const { reason, message } = refusal(await renameAt('  company:', 'say "hi"', { [page]: html }));
		assert.equal(reason, 'unwritable-use');
		assert.match(message, /^'say "hi"' cannot be written at src\/page\.html:2: it is inside an HTML attribute quoted with "/);
		const plain = await renameAt('  company:', "it's", { [page]: html });
		assert.ok(plain && 'edits' in plain, 'a name without that quote is written as a character reference');
	});

	it('a use that reads the name from where the rename cannot change it (a property from an imported constant)', async () => {
		const { reason, message } = refusal(await renameAt('      department:', 'unit'));
		assert.equal(reason, 'unwritable-use');
		assert.match(message, /^'unit' cannot be written at src\/app\.ts:6: that use reads the name from "PLAN_KEY"/);
	});

	it('anything, while the plan has syntax errors', async () => {
		const broken = plan.replace('  team:\n', '  team: [\n');
		assert.equal(refusal(await renameAt('  company:', 'account', {}, broken)).reason, 'plan-syntax');
		const { index } = await world({}, broken);
		assert.deepEqual(prepareRename(index, planUri, broken.indexOf('  company:') + 3), {
			refusal: { reason: 'plan-syntax', message: 'tracking-plan.yaml has syntax errors: fix them first, so that the rename can find every entry it must change.' },
		});
	});

	it('prepareRename says why up front: an event, a name computed at run time', async () => {
		const { index, texts } = await world();
		assert.equal((prepareRename(index, planUri, plan.indexOf('Seat Added') + 1) as { refusal: { reason: string } }).refusal.reason, 'event');
		assert.equal((prepareRename(index, appUri, texts[appUri]!.indexOf('someType') + 2) as { refusal: { reason: string } }).refusal.reason, 'computed-name');
		assert.deepEqual(prepareRename(index, appUri, texts[appUri]!.indexOf("'company'") + 2), { range: { start: app.indexOf("'company'") + 1, end: app.indexOf("'company'") + 8 }, name: 'company' });
		assert.equal(prepareRename(index, appUri, 0), undefined, 'nothing here');
	});

	it('a constant that merely holds the name, in a file no use reads it from, is left alone (found by the stale-disk differential)', async () => {
		const tabs = `${root}/src/tabs.ts`;
		const tabsText = "import * as amplitude from '@amplitude/analytics-browser';\nexport const TAB = 'company';\namplitude.setGroup('team', '1');\n";
		const result = await renameAt('  company:', 'account', { [tabs]: tabsText });
		assert.ok(result && 'edits' in result);
		assert.equal(result.edits[tabs], undefined, 'tabs.ts is not edited');
		// A constant a use reads is renamed with it.
		const groups = `${root}/src/groups.ts`;
		const user = `${root}/src/user.ts`;
		const viaConstant = await renameAt('  company:', 'account', {
			[groups]: "export const COMPANY = 'company';\n",
			[user]: "import * as amplitude from '@amplitude/analytics-browser';\nimport { COMPANY } from './groups';\namplitude.setGroup(COMPANY, '1');\n",
		});
		assert.ok(viaConstant && 'edits' in viaConstant);
		assert.deepEqual(viaConstant.edits[groups], [{ range: { start: 24, end: 31 }, newText: 'account' }]);
	});

	it('still renames what it can: the plan key, its references and every literal use', async () => {
		const { index, texts } = await world();
		const result = await rename(index, planUri, plan.indexOf('  company:') + 3, 'account', async (u) => texts[u], neverCancelled);
		assert.ok(result && 'edits' in result);
		assert.equal(applyTextEdits(texts[planUri]!, result.edits[planUri]!), plan.replace('  company:', '  account:').replace('groups: [company]', 'groups: [account]'));
		assert.equal(applyTextEdits(texts[appUri]!, result.edits[appUri]!), app.replace("setGroup('company'", "setGroup('account'").replace('{ company:', '{ account:'));
	});
});
