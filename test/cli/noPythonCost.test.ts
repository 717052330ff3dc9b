import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { tempWorkspace } from '../reliability/hostileInputsSupport';
import { cliPath, repoRoot } from '../support/paths';

/**
 * A workspace without Python files pays nothing for Python: `trackplan check` (the real CLI, with
 * test/support/countWebAssembly.cjs preloaded) reads no .wasm file and compiles no WebAssembly;
 * with one .py file it reads the runtime and the grammar, once each.
 */
const counter = path.join(repoRoot, 'test/support/countWebAssembly.cjs');

function countedCheck(folder: string): { code: number | null; wasmReads: string[]; compiled: number } {
	const countFolder = mkdtempSync(path.join(tmpdir(), 'trackplan-wasm-count-'));
	const countFile = path.join(countFolder, 'count.json');
	try {
		const result = spawnSync(process.execPath, ['-r', counter, cliPath, 'check', '.', '--format', 'json'], { cwd: folder, encoding: 'utf8', env: { ...process.env, TRACKPLAN_WASM_COUNT_FILE: countFile } });
		assert.ok(result.status === 0 || result.status === 1, result.stderr);
		return { code: result.status, ...(JSON.parse(readFileSync(countFile, 'utf8')) as { wasmReads: string[]; compiled: number }) };
	} finally {
		rmSync(countFolder, { recursive: true, force: true });
	}
}

describe('the Python parser costs nothing where there is no Python', () => {
	const plan = 'groupTypes:\n  org: { level: any }\n';
	const ts = "import * as amplitude from '@amplitude/analytics-browser';\namplitude.setGroup('orgg', 'x');\n";
	const py = 'from amplitude import Amplitude, EventOptions\nclient = Amplitude("k")\nclient.set_group("orgg", "x", EventOptions(user_id="u"))\n';
	const withoutPython = tempWorkspace({ 'tracking-plan.yaml': plan, 'src/app.ts': ts, 'README.md': 'set_group("orgg") in prose\n', 'scripts/notes.txt': 'import amplitude\n' });
	const withPython = tempWorkspace({ 'tracking-plan.yaml': plan, 'src/app.ts': ts, 'worker/sync.py': py });
	after(() => {
		withoutPython.remove();
		withPython.remove();
	});

	it('a JS/TS-only workspace reads no .wasm file and compiles no WebAssembly', () => {
		const run = countedCheck(withoutPython.root);
		assert.equal(run.code, 1, 'the TypeScript call is still reported');
		assert.deepEqual(run.wasmReads, []);
		assert.equal(run.compiled, 0);
	});

	it('one .py file loads the runtime and the grammar, once each (so the counter sees them)', () => {
		const run = countedCheck(withPython.root);
		assert.equal(run.code, 1);
		assert.deepEqual([...run.wasmReads].sort(), ['tree-sitter-python.wasm', 'web-tree-sitter.wasm']);
		assert.ok(run.compiled >= 1, `${run.compiled} WebAssembly compiles`);
	});
});
