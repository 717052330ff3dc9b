import * as assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { completion, defaultFrontEnds, neverCancelled, WorkspaceIndex } from '../../../core/src/index';
import { pythonFrontEnd } from '../../../core/src/scan/python/index';
import { nodeWasmAssets } from '../../../node/src/nodeWasmAssets';
import { lines, markedText } from '../../support/markedText';

const root = 'file:///shop';
const plan = lines('groupTypes:', "  \"it's\": { level: user }", '  \'say "hi"\': { level: user }', '  "{team}": { level: user }', '');

/** What completion inserts for each group type at the `|` of `marked`, in a file named `file`. */
function insertedAt(file: string, marked: string): string[] {
	const { text, cursor } = markedText(marked, { cursor: true });
	const uri = `${root}/${file}`;
	const index = new WorkspaceIndex({ frontEnds: defaultFrontEnds });
	index.setPlan(`${root}/tracking-plan.yaml`, plan);
	index.setSource(uri, text);
	return completion(index, uri, text, cursor!, neverCancelled).map((entry) => entry.insertText ?? entry.label);
}

describe('completion inside a string writes the name as that string needs it, in every language', () => {
	before(() => pythonFrontEnd.prepare!(nodeWasmAssets()));

	it('JavaScript: escaped for the quote, closed or not yet', () => {
		const header = "import * as amplitude from '@amplitude/analytics-browser';\n";
		assert.deepEqual(insertedAt('app.ts', `${header}amplitude.setGroup('|')`), ["it\\'s", 'say "hi"', '{team}']);
		assert.deepEqual(insertedAt('app.ts', `${header}amplitude.setGroup("|`), ["it's", 'say \\"hi\\"', '{team}']);
	});

	it('Python: escaped for the quote, braces doubled in an f-string, closed or not yet', () => {
		const header = 'from amplitude import Amplitude, EventOptions\nclient = Amplitude("key")\n';
		assert.deepEqual(insertedAt('app.py', `${header}client.set_group('|')`), ["it\\'s", 'say "hi"', '{team}']);
		assert.deepEqual(insertedAt('app.py', `${header}client.set_group("|`), ["it's", 'say \\"hi\\"', '{team}']);
		assert.deepEqual(insertedAt('app.py', `${header}client.set_group(f"|")`), ["it's", 'say \\"hi\\"', '{{team}}']);
	});
});
