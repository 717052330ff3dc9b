// The benchmark's Python row (issue 14), measured in the same `npm run bench` as the TypeScript rows:
// a 2,000-file Python backend (bench/generatePython.mjs) checked cold next to rg; keystroke →
// diagnostics and typing a call in its 5,000-line module (the TypeScript harness, Python text); the
// parser's start-up cost (bench/pythonStartup.cjs, fresh processes); and what a workspace without
// Python files pays for Python (test/support/countWebAssembly.cjs: .wasm files read, modules compiled).
import { readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bigPythonFile, bigPythonMarker, generatePython } from './generatePython.mjs';
import { measureCheck, measureRg, stats, timed } from './measure.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.dirname(here);
const require = createRequire(import.meta.url);
const log = (message) => process.stderr.write(`[bench] ${message}\n`);

/**
 * The Python front end's prefilter pattern, for rg: exported as `triggerPattern` if its module does,
 * else read from the compiled module's `const trigger = /…/;` (so rg lists the files Trackplan parses).
 */
function pythonTriggerPattern() {
	const compiled = path.join(root, 'out/core/src/scan/python/prefilter.js');
	const exported = require(compiled).triggerPattern;
	if (exported) return exported instanceof RegExp ? exported.source : String(exported);
	const literal = /const trigger = \/(.+)\/[a-z]*;/.exec(readFileSync(compiled, 'utf8'));
	if (!literal) throw new Error(`no trigger pattern in ${compiled}`);
	return literal[1];
}

/** Fresh processes of bench/pythonStartup.cjs: web-tree-sitter alone, and the Python front end. */
function measureStartup(tree, runs) {
	const run = (mode) => {
		const samples = [];
		for (let i = 0; i < runs; i++) {
			const r = timed(process.execPath, [path.join(here, 'pythonStartup.cjs'), mode, path.join(tree, bigPythonFile)]);
			if (r.status !== 0) throw new Error(`pythonStartup.cjs ${mode} exited ${r.status}: ${r.stderr}`);
			samples.push(JSON.parse(r.stdout.toString()));
		}
		return Object.fromEntries(Object.keys(samples[0]).map((key) => [key, stats(samples.map((s) => s[key]))]));
	};
	return { raw: run('raw'), frontEnd: run('frontEnd') };
}

/** `trackplan check` with the WebAssembly counter preloaded: what the run read and compiled. */
function countWebAssembly(tree, cliNodeFlags) {
	const countFile = path.join(os.tmpdir(), `bench-wasm-${process.pid}.json`);
	rmSync(countFile, { force: true });
	const r = timed(process.execPath, [...cliNodeFlags, '-r', path.join(root, 'test/support/countWebAssembly.cjs'), path.join(root, 'dist/cli.js'), 'check', tree, '--format', 'json'], {
		env: { ...process.env, TRACKPLAN_WASM_COUNT_FILE: countFile },
	});
	if (r.status !== 0 && r.status !== 1) throw new Error(`trackplan check exited ${r.status}: ${r.stderr}`);
	const counts = JSON.parse(readFileSync(countFile, 'utf8'));
	rmSync(countFile, { force: true });
	return { ...counts, ms: r.ms };
}

/** Keystroke → fresh diagnostics in the 5,000-line module: 'company' ↔ 'compny' in one set_group, then typing a call. */
async function measureServer(tree, edits) {
	const { LspTestClient } = require(path.join(root, 'out/test/support/lspTestClient.js'));
	const { serverNodeFlags } = require(path.join(root, 'out/node/src/nodeFlags.js'));
	const client = new LspTestClient({ folder: tree, pull: true, bundle: path.join(root, 'dist/server.js'), nodeArgs: serverNodeFlags });
	const result = {};
	try {
		await client.initialize();
		const t0 = performance.now();
		await client.waitFor(() => client.logs.some((l) => l.startsWith('Indexed ')), 'the workspace index', 30 * 60_000);
		await client.request('workspace/diagnostic', { previousResultIds: [] });
		result.initializedToWorkspaceDiagnosticsMs = performance.now() - t0;
		result.indexLog = client.logs.find((l) => l.startsWith('Indexed '));
		const file = path.join(tree, bigPythonFile);
		const uri = pathToFileURL(file).href;
		const text = readFileSync(file, 'utf8');
		const lines = text.split('\n');
		const line = lines.findIndex((l) => l.includes(bigPythonMarker));
		const character = lines[line].indexOf('"company"') + 1;
		await client.open(uri, text, 'python', 1);
		const undeclared = (items, name) => items.some((d) => d.code === 'undeclared-group-type' && String(d.message).includes(name));
		if (undeclared(await client.pull(uri), 'compny')) throw new Error('Python: unexpected diagnostic before the edits');
		const latencies = [];
		let stalePulls = 0;
		let current = 'company';
		let version = 2;
		for (; version < 2 + edits; version++) {
			const next = current === 'company' ? 'compny' : 'company';
			const started = performance.now();
			await client.connection.sendNotification('textDocument/didChange', {
				textDocument: { uri, version },
				contentChanges: [{ range: { start: { line, character }, end: { line, character: character + current.length } }, text: next }],
			});
			for (let pulls = 0; ; pulls++) {
				if (undeclared(await client.pull(uri), 'compny') === (next === 'compny')) break;
				if (pulls > 100) throw new Error('Python: the edit never showed in the diagnostics (is the set_group recognised?)');
				stalePulls++;
			}
			latencies.push(performance.now() - started);
			current = next;
		}
		result.editLatencyMs = stats(latencies);
		result.stalePulls = stalePulls;
		result.lineCountOfEditedFile = lines.length;
		result.typingLatencyMs = await measureTyping(client, uri, line + 1, version, undeclared);
	} finally {
		await client.dispose();
	}
	return result;
}

/**
 * A call typed into the module one character per `didChange`, on its own line inside the method,
 * and deleted again, twice; each keystroke followed by one pull. On the way the rest of the file is
 * inside an unterminated string and an unclosed call.
 */
async function measureTyping(client, uri, line, firstVersion, undeclared) {
	const typed = '        amplitude.set_group("team_space", f"{org_id}", EventOptions(user_id=user_id))  # typed\n';
	const latencies = [];
	let version = firstVersion;
	const keystroke = async (change) => {
		const t0 = performance.now();
		await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: version++ }, contentChanges: [change] });
		const items = await client.pull(uri);
		latencies.push(performance.now() - t0);
		return items;
	};
	for (let pass = 0; pass < 2; pass++) {
		let items;
		let at = { line, character: 0 };
		for (const character of typed) {
			items = await keystroke({ range: { start: at, end: at }, text: character });
			at = character === '\n' ? { line: at.line + 1, character: 0 } : { line: at.line, character: at.character + 1 };
		}
		if (!undeclared(items, 'team_space')) throw new Error('Python typing: the typed call was not diagnosed');
		for (let left = typed.length; left > 0; left--) {
			const end = at;
			at = at.character === 0 ? { line: at.line - 1, character: typed.length - 1 } : { line: at.line, character: at.character - 1 };
			items = await keystroke({ range: { start: at, end }, text: '' });
		}
		if (undeclared(items, 'team_space')) throw new Error('Python typing: the deleted call is still diagnosed');
	}
	return stats(latencies);
}

/** The Python row: `jsTree` is the benchmark's 2,000-file JS/TS tree (no Python file in it). */
export async function measurePython({ out, seed, runs, edits, cliNodeFlags, jsTree, server = true }) {
	const { folder: tree, manifest, reused } = generatePython({ files: 2000, seed, out });
	log(`${reused ? 'reusing' : 'generated'} ${tree}: ${manifest.stats.files} Python files, ${manifest.stats.lines} lines, ${manifest.stats.trackingFiles} with group calls`);
	const entry = { manifest: manifest.stats };
	const rg = measureRg('rg (Python)', tree, runs, { glob: '*.py', pattern: pythonTriggerPattern() });
	entry.rg = { ...rg, pattern: pythonTriggerPattern() };
	entry.check = measureCheck('trackplan check (Python)', tree, runs, cliNodeFlags);
	entry.startup = measureStartup(tree, runs);
	entry.withoutPython = countWebAssembly(jsTree, cliNodeFlags);
	entry.withPython = countWebAssembly(tree, cliNodeFlags);
	if (server) entry.server = await measureServer(tree, edits);
	log(`python: ${JSON.stringify({ check: entry.check.ms.median, rg: entry.rg.ms.median, p95: entry.server?.editLatencyMs.p95, typing95: entry.server?.typingLatencyMs.p95, jsWasmReads: entry.withoutPython.wasmReads.length })}`);
	return entry;
}

export function printPython(python, jsCheck) {
	if (!python) return;
	const ms = (s) => (s === undefined ? '—' : `${s.median.toFixed(s.median < 100 ? 1 : 0)} ms`);
	const spread = (s) => `${ms(s)} ±${s.spreadPct.toFixed(0)}% (n=${s.n})`;
	const { raw, frontEnd } = python.startup;
	const rows = [
		['Python files / lines', `${python.manifest.files} / ${(python.manifest.lines / 1e6).toFixed(2)} M (${python.manifest.trackingFiles} with group calls)`],
		['rg -l, the Python prefilter (floor)', `${spread(python.rg.ms)}; lists ${python.rg.filesMatched} files`],
		['trackplan check, cold', `${spread(python.check.ms)}; peak RSS ${python.check.rssMb.median.toFixed(0)} MB; ${python.check.summary.calls} calls, ${python.check.summary.errors + python.check.summary.warnings} e+w`],
		['RATIO ours / rg (Python)', `${(python.check.ms.median / python.rg.ms.median).toFixed(1)}×`],
		['start-up: runtime init / grammar load', `${ms(raw.runtimeInitMs)} / ${ms(raw.grammarLoadMs)}`],
		['start-up: first / second parse (5,000 lines)', `${ms(raw.firstParseMs)} / ${ms(raw.secondParseMs)}`],
		['start-up: front end prepare / first scan / second scan', `${ms(frontEnd.prepareMs)} / ${ms(frontEnd.firstScanMs)} / ${ms(frontEnd.secondScanMs)}`],
		['start-up: Node start → first scan done', ms(frontEnd.sinceProcessStartMs)],
		['JS-only tree: .wasm read / compiled', `${python.withoutPython.wasmReads.length} / ${python.withoutPython.compiled} (check ${python.withoutPython.ms.toFixed(0)} ms; without the counter ${jsCheck ? ms(jsCheck.ms) : '—'})`],
		['Python tree: .wasm read / compiled', `${python.withPython.wasmReads.length} (${python.withPython.wasmReads.join(', ')}) / ${python.withPython.compiled}`],
	];
	if (python.server) {
		rows.push(
			['server: initialized → ws diagnostics', ms({ median: python.server.initializedToWorkspaceDiagnosticsMs })],
			['server: keystroke → diags p50 / p95', `${python.server.editLatencyMs.p50.toFixed(1)} / ${python.server.editLatencyMs.p95.toFixed(1)} ms (n=${python.server.editLatencyMs.n})`],
			['server: typing a call, p50 / p95 / max', `${python.server.typingLatencyMs.p50.toFixed(1)} / ${python.server.typingLatencyMs.p95.toFixed(1)} / ${python.server.typingLatencyMs.max.toFixed(0)} ms (n=${python.server.typingLatencyMs.n})`],
		);
	}
	const width = Math.max(...rows.map((r) => r[0].length));
	console.log('\nPython (2,000-file backend, same run):');
	for (const [label, value] of rows) console.log(`${label.padEnd(width)} | ${value}`);
	if (python.server) {
		const p95 = python.server.editLatencyMs.p95;
		console.log(`  Python keystroke p95 ≤ 25 ms:             ${p95 <= 25 ? 'MET' : 'MISSED'} (${p95.toFixed(1)} ms)`);
	}
	const nothing = python.withoutPython.wasmReads.length === 0 && python.withoutPython.compiled === 0;
	console.log(`  no Python files → no Python cost:         ${nothing ? 'MET' : 'MISSED'} (${python.withoutPython.wasmReads.length} .wasm read, ${python.withoutPython.compiled} compiled)`);
}
