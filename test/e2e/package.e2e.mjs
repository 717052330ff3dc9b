// The packaged extension (trackplan.vsix, `npm run package`): small enough (≤ 3 MB), carrying every
// front end's WebAssembly file (dist/wasm/*.wasm, byte for byte the pinned npm packages' files), and
// its server, unpacked where no node_modules can be found, parses Python with them: the grammar is
// read from dist/wasm next to the bundle, never from an npm package. Prerequisite: `npm run package`
// (npm run test:e2e does it) and `unzip`.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { repoRoot, requireFile, vsixPath } from './support/paths.mjs';

const require = createRequire(import.meta.url);
/** The bound on the .vsix (decimal megabytes, the stricter reading). */
const maxVsixBytes = 3_000_000;

describe('the packaged extension (.vsix)', () => {
	let unpacked;
	let entries;
	const wasmFiles = () => {
		const { defaultFrontEnds } = require(path.join(repoRoot, 'out/core/src/scan/frontEnds.js'));
		return [...new Map(defaultFrontEnds.flatMap((frontEnd) => frontEnd.wasmFiles ?? []).map((file) => [file.fileName, file])).values()];
	};

	before(() => {
		requireFile(vsixPath, 'run `npm run package` first');
		requireFile(path.join(repoRoot, 'out/core/src/scan/frontEnds.js'), 'run `npm run build` first');
		unpacked = mkdtempSync(path.join(os.tmpdir(), 'trackplan-vsix-'));
		const unzip = spawnSync('unzip', ['-q', vsixPath, '-d', unpacked], { encoding: 'utf8' });
		assert.equal(unzip.error, undefined, `unzip could not run (apt-get install -y unzip): ${unzip.error?.message}`);
		assert.equal(unzip.status, 0, unzip.stderr);
		entries = spawnSync('unzip', ['-Z1', vsixPath], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean);
	});
	after(() => {
		if (unpacked) rmSync(unpacked, { recursive: true, force: true });
	});

	test('is at most 3 MB', (t) => {
		const bytes = statSync(vsixPath).size;
		t.diagnostic(`trackplan.vsix: ${bytes} bytes, ${entries.length} files`);
		assert.ok(bytes <= maxVsixBytes, `trackplan.vsix is ${bytes} bytes, over ${maxVsixBytes}`);
	});

	test("carries every front end's WebAssembly file, the same bytes as its pinned npm package", () => {
		const files = wasmFiles();
		assert.ok(files.some((file) => file.fileName === 'tree-sitter-python.wasm'), `no front end declares the Python grammar: ${JSON.stringify(files)}`);
		for (const file of files) {
			const entry = `extension/dist/wasm/${file.fileName}`;
			assert.ok(entries.includes(entry), `${entry} is not in the .vsix (has: ${entries.filter((e) => e.includes('wasm')).join(', ') || 'no wasm'})`);
			const packaged = readFileSync(path.join(unpacked, entry));
			assert.ok(packaged.equals(readFileSync(require.resolve(`${file.npmPackage}/${file.fileName}`))), `${entry} differs from ${file.npmPackage}'s file`);
		}
		assert.deepEqual(entries.filter((e) => e.endsWith('.wasm')).sort(), files.map((file) => `extension/dist/wasm/${file.fileName}`).sort(), 'the .vsix carries other WebAssembly files than the front ends declare');
	});

	test("the unpacked extension's server diagnoses a .py with the grammar from its own dist/wasm", { timeout: 120_000 }, async () => {
		const server = path.join(unpacked, 'extension/dist/server.js');
		requireFile(server, 'the .vsix has no extension/dist/server.js');
		// Where it runs from, no npm package is resolvable: the wasm can only come from dist/wasm.
		assert.throws(() => createRequire(server).resolve('tree-sitter-python/package.json'));
		const folder = mkdtempSync(path.join(os.tmpdir(), 'trackplan-vsix-ws-'));
		const { LspTestClient } = require(path.join(repoRoot, 'out/test/support/lspTestClient.js'));
		const client = new LspTestClient({ folder, pull: true, bundle: server });
		try {
			writeFileSync(path.join(folder, 'tracking-plan.yaml'), 'groupTypes:\n  org_id: { level: user }\n');
			mkdirSync(path.join(folder, 'worker'));
			const source = 'from amplitude import Amplitude, EventOptions\n\nclient = Amplitude("key")\nclient.set_group("orgg_id", "15", EventOptions(user_id="u1"))\n';
			const file = path.join(folder, 'worker', 'sync.py');
			writeFileSync(file, source);
			await client.initialize();
			await client.waitForInitialIndex();
			const uri = pathToFileURL(file).href;
			await client.open(uri, source, 'python');
			const diagnostics = await client.pull(uri);
			const finding = diagnostics.find((d) => d.code === 'undeclared-group-type');
			assert.ok(finding, `no undeclared-group-type on orgg_id; got ${JSON.stringify(diagnostics)}; server log: ${client.logs.join(' | ')}`);
			assert.match(finding.message, /orgg_id/);
			assert.deepEqual(finding.range.start, { line: 3, character: source.split('\n')[3].indexOf('orgg_id') });
			assert.ok(!client.logs.some((line) => /parser set-up/i.test(line)), `the server logged a parser set-up error: ${client.logs.join(' | ')}`);
		} finally {
			await client.dispose();
			rmSync(folder, { recursive: true, force: true });
		}
	});

	test('ships no source maps, tests or node_modules', () => {
		const unexpected = entries.filter((e) => /\.map$|(^|\/)node_modules\/|(^|\/)test\//.test(e));
		assert.deepEqual(unexpected, []);
		assert.ok(existsSync(path.join(unpacked, 'extension/package.json')));
	});
});
