import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultFrontEnds, neverCancelled, WorkspaceIndex } from '../../../core/src/index';
import { lines } from '../../support/markedText';

const root = 'file:///workspace';
const plan = lines('groupTypes:', '  company_id: { level: user }', '  workspace_id: { level: event }', '');
const files: Record<string, string> = {
	[`${root}/src/groups.ts`]: lines("export const COMPANY = 'company_id';", "export const WORKSPACE = 'workspace_id';", ''),
	[`${root}/src/signIn.ts`]: lines(
		"import { setGroup } from '@amplitude/analytics-browser';",
		"import { COMPANY } from './groups';",
		'export function signIn(id: string) {',
		'\tsetGroup(COMPANY, id);',
		'}',
		'',
	),
	[`${root}/src/switcher.ts`]: lines("import * as amplitude from '@amplitude/analytics-browser';", "amplitude.setGroup('workspace_id', '12');", ''),
	[`${root}/src/util/format.ts`]: lines('export function formatCurrency(value: number) {', "\treturn value.toFixed(2) + ' €';", '}', ''),
};

async function buildIndex(): Promise<WorkspaceIndex> {
	const index = new WorkspaceIndex({ frontEnds: defaultFrontEnds });
	index.setPlan(`${root}/tracking-plan.yaml`, plan);
	for (const [uri, text] of Object.entries(files)) index.setSource(uri, text);
	await index.loadImportedFiles(async (uri) => files[uri], neverCancelled);
	return index;
}

function codes(index: WorkspaceIndex, uri: string): string[] {
	return index.findings(uri, {}, neverCancelled).map((f) => f.code);
}

describe('the workspace index updates per file', () => {
	it('parses only files that may hold calls, plus the files they import names from', async () => {
		const index = await buildIndex();
		// signIn.ts and switcher.ts hold calls; groups.ts is parsed because signIn.ts imports COMPANY from it; format.ts never.
		assert.equal(index.parseCount, 3);
		assert.deepEqual(
			index.calls(`${root}/src/signIn.ts`).map((c) => c.groups.map((g) => (g.type.kind === 'resolved' ? g.type.name : '?'))),
			[['company_id']],
		);
		assert.deepEqual(codes(index, `${root}/src/switcher.ts`), ['level-mismatch']);
	});

	it('editing one file re-parses that file only', async () => {
		const index = await buildIndex();
		const before = index.parseCount;
		index.setSource(`${root}/src/switcher.ts`, files[`${root}/src/switcher.ts`]!.replace("'workspace_id'", "'company_id'"));
		assert.equal(index.parseCount, before + 1);
		assert.deepEqual(codes(index, `${root}/src/switcher.ts`), []);
		assert.equal(index.parseCount, before + 1, 'computing findings re-parses nothing');
	});

	it('editing an exporting file re-parses it and re-resolves its importers without re-parsing them', async () => {
		const index = await buildIndex();
		const before = index.parseCount;
		index.setSource(`${root}/src/groups.ts`, files[`${root}/src/groups.ts`]!.replace("'company_id'", "'compnay_id'"));
		assert.equal(index.parseCount, before + 1);
		assert.deepEqual(codes(index, `${root}/src/signIn.ts`), ['undeclared-group-type']);
		assert.equal(index.parseCount, before + 1);
	});

	it('editing the plan re-parses no source file, and the findings follow the plan', async () => {
		const index = await buildIndex();
		const before = index.parseCount;
		index.setPlan(`${root}/tracking-plan.yaml`, plan.replace('workspace_id: { level: event }', 'workspace_id: { level: any }'));
		assert.deepEqual(codes(index, `${root}/src/switcher.ts`), []);
		index.setPlan(`${root}/tracking-plan.yaml`, plan.replace('  workspace_id: { level: event }\n', ''));
		assert.deepEqual(codes(index, `${root}/src/switcher.ts`), ['undeclared-group-type']);
		assert.equal(index.parseCount, before);
	});

	it('a file that gains a call is parsed; one that loses every trigger word drops its facts', async () => {
		const index = await buildIndex();
		const format = `${root}/src/util/format.ts`;
		index.setSource(format, `${files[format]}import { track } from '@amplitude/analytics-browser';\ntrack('Price Shown');\n`);
		assert.equal(index.calls(format).length, 1);
		index.setSource(format, files[format]!);
		assert.equal(index.calls(format).length, 0);
	});

	it('group-type-limit counts declared types first, then new ones by first appearance', async () => {
		const index = new WorkspaceIndex({ frontEnds: defaultFrontEnds });
		index.setPlan(`${root}/tracking-plan.yaml`, lines('limits: { groupTypes: 3 }', 'groupTypes:', '  company_id:', '  team:', ''));
		index.setSource(`${root}/a.ts`, "import { setGroup } from '@amplitude/analytics-browser';\nsetGroup('region', 'eu');\nsetGroup('partner', 'p1');\n");
		index.setSource(`${root}/b.ts`, "import { setGroup } from '@amplitude/analytics-browser';\nsetGroup('partner', 'p2');\nsetGroup('company_id', '1');\n");
		const limitFindings = (uri: string) => index.findings(uri, {}, neverCancelled).filter((f) => f.code === 'group-type-limit');
		assert.deepEqual(
			limitFindings(`${root}/a.ts`).map((f) => (f.data as { groupType: string; position: number }).groupType),
			['partner'],
		);
		assert.deepEqual(
			limitFindings(`${root}/b.ts`).map((f) => (f.data as { position: number }).position),
			[4],
		);
	});

	it('usage (counts, first-appearance positions of types and properties) after each edit equals a fresh index\'s', async () => {
		const planUri = `${root}/tracking-plan.yaml`;
		const texts = { ...files };
		const index = await buildIndex();
		const fresh = async () => {
			const other = new WorkspaceIndex({ frontEnds: defaultFrontEnds });
			other.setPlan(planUri, plan);
			for (const [uri, text] of Object.entries(texts)) other.setSource(uri, text);
			await other.loadImportedFiles(async (uri) => texts[uri], neverCancelled);
			return other.usage(planUri);
		};
		const identify = (type: string, property: string) =>
			lines("import { Identify, groupIdentify } from '@amplitude/analytics-browser';", `groupIdentify('${type}', '1', new Identify().set('${property}', 'x'));`, '');
		const edits: [string, string][] = [
			[`${root}/src/switcher.ts`, files[`${root}/src/switcher.ts`]!.replace("'workspace_id'", "'team_id'")],
			[`${root}/src/a/identify.ts`, identify('team_id', 'seats')],
			[`${root}/src/groups.ts`, files[`${root}/src/groups.ts`]!.replace("'company_id'", "'region_id'")],
			[`${root}/src/z/identify.ts`, identify('region_id', 'plan')],
			[`${root}/src/a/identify.ts`, identify('company_id', 'plan')],
			[`${root}/src/switcher.ts`, files[`${root}/src/switcher.ts`]!],
		];
		const seen = new Set<string>();
		for (const [uri, text] of edits) {
			texts[uri] = text;
			index.setSource(uri, text);
			const usage = index.usage(planUri);
			assert.deepEqual(usage, await fresh(), `after editing ${uri}`);
			seen.add(JSON.stringify([...usage.groupTypePositions, ...usage.groupPropertyPositions, ...usage.groupTypeUses]));
		}
		// (The edits moved the usage: new types and properties came and went, in changing order.)
		assert.ok(seen.size >= 5, `${seen.size} distinct usages`);
		assert.deepEqual([...index.usage(planUri).groupTypePositions], [['company_id', 1], ['workspace_id', 2], ['region_id', 3]]);
	});
});
