import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultFrontEnds, neverCancelled, WorkspaceIndex } from '../../../core/src/index';
import { nodeWasmAssets } from '../../../node/src/nodeWasmAssets';
import { lines } from '../../support/markedText';

const root = 'file:///workspace';
const plan = lines('groupTypes:', '  company_id: { level: user }', '');

async function findings(files: Record<string, string>, uri: string): Promise<string[]> {
	const index = new WorkspaceIndex({ frontEnds: defaultFrontEnds, wasmAssets: nodeWasmAssets() });
	await index.prepareFrontEnds(Object.keys(files));
	index.setPlan(`${root}/tracking-plan.yaml`, plan);
	for (const [file, text] of Object.entries(files)) index.setSource(file, text);
	await index.loadImportedFiles(async (file) => files[file], neverCancelled);
	return index.findings(uri, {}, neverCancelled).map((f) => `${f.code}:${f.message.split('\n')[0]}`);
}

/** Names reached through a module that re-exports others whole: `export * from` in JavaScript, `from .x import *` in Python. */
describe('the workspace index follows whole-module re-exports', () => {
	it('Python: a client and a constant imported from a package whose __init__.py star-imports its modules', async () => {
		const files = {
			[`${root}/app/analytics/__init__.py`]: lines('from .client import *', 'from .names import *', ''),
			[`${root}/app/analytics/client.py`]: lines('from amplitude import Amplitude', 'client = Amplitude("key")', ''),
			[`${root}/app/analytics/names.py`]: lines('COMPANY = "compny_id"', ''),
			[`${root}/app/routes.py`]: lines('from amplitude import EventOptions', 'from app.analytics import COMPANY, client', 'client.set_group(COMPANY, "a", EventOptions(user_id="u"))', ''),
		};
		const found = await findings(files, `${root}/app/routes.py`);
		assert.equal(found.length, 1, JSON.stringify(found));
		assert.match(found[0]!, /^undeclared-group-type:.*compny_id/);
	});

	it('JavaScript: export * from, through two barrels', async () => {
		const files = {
			[`${root}/src/index.ts`]: lines("export * from './groups';", ''),
			[`${root}/src/groups/index.ts`]: lines("export * from './names';", ''),
			[`${root}/src/groups/names.ts`]: lines("export const COMPANY = 'compny_id';", ''),
			[`${root}/src/signIn.ts`]: lines("import { setGroup } from '@amplitude/analytics-browser';", "import { COMPANY } from './index';", 'setGroup(COMPANY, "a");', ''),
		};
		const found = await findings(files, `${root}/src/signIn.ts`);
		assert.equal(found.length, 1, JSON.stringify(found));
		assert.match(found[0]!, /^undeclared-group-type:.*compny_id/);
	});

	it('stops in a cycle of star re-exports, with the name unresolved', async () => {
		const files = {
			[`${root}/src/a.ts`]: lines("export * from './b';", ''),
			[`${root}/src/b.ts`]: lines("export * from './a';", ''),
			[`${root}/src/signIn.ts`]: lines("import { setGroup } from '@amplitude/analytics-browser';", "import { COMPANY } from './a';", 'setGroup(COMPANY, "a");', ''),
		};
		const found = await findings(files, `${root}/src/signIn.ts`);
		assert.equal(found.length, 1, JSON.stringify(found));
		assert.match(found[0]!, /^unresolved-group-type:/);
	});
});
