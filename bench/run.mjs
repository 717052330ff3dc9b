// The benchmark of issue 6: `npm run bench` (= node bench/run.mjs). See docs/performance.md.
//
//   node bench/run.mjs [--files 20000] [--scaling] [--runs 5] [--eslint-runs 3] [--edits 200]
//                      [--no-eslint] [--no-server] [--no-parse-count] [--no-python] [--seed 42] [--clean]
//
// Always measures the 2,000-file tree next to the chosen size (for the growth column); `--scaling`
// or `--files 100000` adds the 100,000-file tree. Prints a table and writes bench/.cache/results-*.json.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bigFile, bigFileMarker, generate } from './generate.mjs';
import { measureCheck, measureRg, repeat, stats, timed } from './measure.mjs';
import { measurePython, printPython } from './python.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.dirname(here);
const require = createRequire(import.meta.url);

// ------------------------------------------------------------------ options
const argv = process.argv.slice(2);
const flag = (name) => argv.includes(name);
const value = (name, fallback) => {
	const i = argv.indexOf(name);
	return i >= 0 ? Number(argv[i + 1]) : fallback;
};
const mainSize = value('--files', 20000);
const seed = value('--seed', 42);
const out = path.join(here, '.cache');
const sizes = [...new Set([2000, mainSize, ...(flag('--scaling') ? [20000, 100000] : [])])].sort((a, b) => a - b);
const runsFor = (files) => value('--runs', files >= 100000 ? 2 : 5);
const eslintRunsFor = (files) => value('--eslint-runs', files >= 100000 ? 1 : 3);
const edits = value('--edits', 200);

// The trigger words of core/src/scan/javascript/fileKinds.ts (mayContainGroupCalls), for rg: the same pattern, from the build.
const { triggerPattern: triggerRegex } = require(path.join(root, 'out/core/src/scan/javascript/fileKinds.js'));
const sourceGlob = '*.{js,jsx,ts,tsx,mjs,cjs}';

for (const file of ['dist/cli.js', 'dist/server.js']) if (!existsSync(path.join(root, file))) fail(`${file} is missing: run \`npm run build\` first`);
// The CLI as its bin runs it: with the Node flags of its shebang (`#!/usr/bin/env -S node <flags>`).
const cliNodeFlags = readFileSync(path.join(root, 'dist/cli.js'), 'utf8').split('\n', 1)[0].replace(/^#!.*?\bnode\b\s*/, '').split(/\s+/).filter(Boolean);
if (spawnSync('rg', ['--version']).status !== 0) fail('rg (ripgrep) is missing: apt-get install -y ripgrep');

// ------------------------------------------------------------------ helpers
function fail(message) {
	process.stderr.write(`bench: ${message}\n`);
	process.exit(2);
}
const log = (message) => process.stderr.write(`[bench] ${message}\n`);

// ------------------------------------------------------------------ cold check, rg, ESLint
/** bench/nodeFloor.cjs: Node started, the tree walked and every source file read and tested, nothing else. */
function measureNodeFloor(tree, runs) {
	let matched = 0;
	const result = repeat('node floor', runs, () => {
		const r = timed(process.execPath, [path.join(here, 'nodeFloor.cjs'), tree, triggerRegex]);
		if (r.status !== 0) fail(`bench/nodeFloor.cjs exited ${r.status}: ${r.stderr}`);
		matched = Number(r.stdout.toString().trim());
		return r;
	});
	return { ...result, filesMatched: matched };
}

function eslintConfig(tree) {
	const folder = mkdtempSync(path.join(os.tmpdir(), 'bench-eslint-'));
	const config = path.join(folder, 'eslint.config.mjs');
	// One custom rule, no other rule, nothing else looked up (explicit -c; basePath = the tree).
	writeFileSync(config, `const names = new Set(['setGroup', 'groupIdentify', 'track', 'logEvent', 'group', 'identify']);
const groupCalls = {
	meta: { type: 'problem', schema: [] },
	create(context) {
		return {
			CallExpression(node) {
				const callee = node.callee;
				const name = callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier' ? callee.property.name : callee.type === 'Identifier' ? callee.name : undefined;
				if (name !== undefined && names.has(name)) context.report({ node, message: 'group call ' + name });
			},
		};
	},
};
export default [
	{
		basePath: ${JSON.stringify(tree)},
		files: ['**/*.js', '**/*.jsx', '**/*.mjs', '**/*.cjs'],
		linterOptions: { reportUnusedDisableDirectives: 'off', reportUnusedInlineConfigs: 'off' },
		languageOptions: { ecmaVersion: 'latest', sourceType: 'module', parserOptions: { ecmaFeatures: { jsx: true } } },
		plugins: { bench: { rules: { 'group-calls': groupCalls } } },
		rules: { 'bench/group-calls': 'error' },
	},
];
`);
	return { folder, config };
}

function measureEslint(tree, runs, manifest) {
	const { folder, config } = eslintConfig(tree);
	const eslint = path.join(root, 'node_modules/eslint/bin/eslint.js');
	const version = require(path.join(root, 'node_modules/eslint/package.json')).version;
	let linted = 0;
	let reports = 0;
	let fatal = 0;
	const result = repeat('eslint', runs, (i) => {
		const r = timed(process.execPath, [eslint, '-c', config, '--no-warn-ignored', '-f', 'json', tree], { cwd: tree });
		if (r.status !== 0 && r.status !== 1) fail(`eslint exited ${r.status}: ${r.stderr}`);
		if (i === 0) {
			const results = JSON.parse(r.stdout.toString());
			linted = results.length;
			for (const file of results) {
				reports += file.messages.filter((m) => m.ruleId === 'bench/group-calls').length;
				if (file.fatalErrorCount) fatal++;
			}
		}
		return r;
	});
	rmSync(folder, { recursive: true, force: true });
	const byExtension = manifest.stats.linesByExtension;
	const jsLines = (byExtension['.js'] ?? 0) + (byExtension['.jsx'] ?? 0) + (byExtension['.mjs'] ?? 0) + (byExtension['.cjs'] ?? 0);
	const lineShare = jsLines / manifest.stats.lines;
	return { ...result, version, linted, reports, fatal, jsLines, lineShare, extrapolatedMs: result.ms.median / lineShare };
}

// ------------------------------------------------------------------ the language server
/**
 * Real typing passes through broken states: a call typed into the 5,000-line file one character per
 * `didChange` (an unterminated string, template and comment on the way) and deleted again, twice;
 * each keystroke followed by a diagnostics pull. At the end of each pass the answer must show the
 * typed call's undeclared group type, or not any more.
 */
async function measureTyping(client, uri, line, firstVersion) {
	const typed = "\tamplitude.setGroup('team_space', { id: `${orgId}`, name: 'Team' }); /* typed */\n";
	const flagged = (items) => items.some((d) => d.code === 'undeclared-group-type' && String(d.message).includes('team_space'));
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
		if (!flagged(items)) throw new Error('typing: the typed call was not diagnosed');
		for (let left = typed.length; left > 0; left--) {
			const end = at;
			at = at.character === 0 ? { line: at.line - 1, character: typed.length - 1 } : { line: at.line, character: at.character - 1 };
			items = await keystroke({ range: { start: at, end }, text: '' });
		}
		if (flagged(items)) throw new Error('typing: the deleted call is still diagnosed');
	}
	return stats(latencies);
}

async function measureServer(tree, manifest, checkResult) {
	const { LspTestClient } = require(path.join(root, 'out/test/support/lspTestClient.js'));
	// With the Node flags the VS Code client starts the server with (node/src/nodeFlags.ts).
	const { serverNodeFlags } = require(path.join(root, 'out/node/src/nodeFlags.js'));
	const client = new LspTestClient({ folder: tree, pull: true, bundle: path.join(root, 'dist/server.js'), nodeArgs: serverNodeFlags });
	const pid = client.child.pid;
	const vm = () => {
		const status = readFileSync(`/proc/${pid}/status`, 'utf8');
		const kb = (key) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)[1]);
		return { rssMb: kb('VmRSS') / 1024, hwmMb: kb('VmHWM') / 1024 };
	};
	const result = {};
	try {
		// initialized → the index is built (its log line) → workspace/diagnostic answered
		const started = performance.now();
		await client.initialize();
		const afterInitialized = performance.now();
		await client.waitFor(() => client.logs.some((l) => l.startsWith('Indexed ')), 'the workspace index', 30 * 60_000);
		const indexedAt = performance.now();
		const workspaceReport = await client.request('workspace/diagnostic', { previousResultIds: [] });
		const answeredAt = performance.now();
		const files = workspaceReport.items.length;
		result.indexLog = client.logs.find((l) => l.startsWith('Indexed '));
		result.initializedToIndexedMs = indexedAt - afterInitialized;
		result.initializedToWorkspaceDiagnosticsMs = answeredAt - afterInitialized;
		result.workspaceDiagnosticFiles = files;
		result.workspaceDiagnostics = workspaceReport.items.reduce((n, item) => n + item.items.length, 0);
		result.cliFilesWithDiagnostics = checkResult?.filesWithDiagnostics;
		result.initializeMs = afterInitialized - started;
		// settle the GC a little before reading RSS
		await new Promise((resolve) => setTimeout(resolve, 500));
		result.afterIndexing = vm();

		// keystroke → fresh diagnostics in the 5,000-line file (incremental edits, as VS Code sends them)
		const bigPath = path.join(tree, bigFile);
		const bigUri = pathToFileURL(bigPath).href;
		const text = readFileSync(bigPath, 'utf8');
		const lines = text.split('\n');
		const line = lines.findIndex((l) => l.includes(bigFileMarker));
		const character = lines[line].indexOf("'company'") + 1;
		await client.open(bigUri, text, 'typescriptreact', 1);
		const undeclared = (items) => items.some((d) => d.code === 'undeclared-group-type' && String(d.message).includes('compny'));
		if (undeclared(await client.pull(bigUri))) throw new Error('unexpected diagnostic before the edits');
		const latencies = [];
		let stalePulls = 0;
		let current = 'company';
		for (let version = 2; version < 2 + edits; version++) {
			const next = current === 'company' ? 'compny' : 'company';
			const t0 = performance.now();
			await client.connection.sendNotification('textDocument/didChange', {
				textDocument: { uri: bigUri, version },
				contentChanges: [{ range: { start: { line, character }, end: { line, character: character + current.length } }, text: next }],
			});
			for (;;) {
				const items = await client.pull(bigUri);
				if (undeclared(items) === (next === 'compny')) break;
				stalePulls++;
			}
			latencies.push(performance.now() - t0);
			current = next;
		}
		result.editLatencyMs = stats(latencies);
		result.stalePulls = stalePulls;
		result.lineCountOfEditedFile = lines.length;
		result.typingLatencyMs = await measureTyping(client, bigUri, line + 1, edits + 2);

		// plan edit → refresh request → workspace/diagnostic answered with the new findings
		const planPath = path.join(tree, 'tracking-plan.yaml');
		const planUri = pathToFileURL(planPath).href;
		const planText = readFileSync(planPath, 'utf8');
		const editedPlan = planText.replace('\n  workspace:\n', '\n  workspace_v2:\n');
		if (editedPlan === planText) throw new Error('plan edit did not apply');
		await client.open(planUri, planText, 'yaml', 1);
		const count = (report) => report.items.reduce((n, item) => n + item.items.filter((d) => d.code === 'undeclared-group-type').length, 0);
		const before = count(await client.request('workspace/diagnostic', { previousResultIds: [] }));
		const planSamples = [];
		const refreshSamples = [];
		let after;
		for (let i = 0; i < 6; i++) {
			const refreshes = client.refreshRequests;
			const t0 = performance.now();
			await client.change(planUri, i % 2 === 0 ? editedPlan : planText, i + 2);
			await client.waitFor(() => client.refreshRequests > refreshes, 'workspace/diagnostic/refresh', 60_000);
			const refreshed = performance.now();
			const report = await client.request('workspace/diagnostic', { previousResultIds: [] });
			const t1 = performance.now();
			const n = count(report);
			if (i % 2 === 0) after = n;
			if ((i % 2 === 0 && n <= before) || (i % 2 === 1 && n !== before)) throw new Error(`plan edit ${i}: ${n} undeclared-group-type findings (before: ${before})`);
			planSamples.push(t1 - t0);
			refreshSamples.push(refreshed - t0);
		}
		result.planEdit = { ms: stats(planSamples), refreshRequestMs: stats(refreshSamples), undeclaredBefore: before, undeclaredAfter: after };
		result.end = vm();
	} finally {
		await client.dispose();
	}
	return result;
}

/** Parses before and after a plan edit, in the tsc build (out/) of the same server with bench/countParses.cjs preloaded. */
async function measureParseCounts(tree) {
	if (!existsSync(path.join(root, 'out/server/src/main.js'))) return { note: 'out/server/src/main.js missing (npm run build)' };
	const { StreamMessageReader, StreamMessageWriter, createMessageConnection } = require('vscode-languageserver/node');
	const countFile = path.join(os.tmpdir(), `bench-parses-${process.pid}.txt`);
	const child = spawn(process.execPath, ['-r', path.join(here, 'countParses.cjs'), path.join(root, 'out/server/src/main.js'), '--stdio'], {
		stdio: ['pipe', 'pipe', 'inherit'],
		env: { ...process.env, BENCH_PARSE_COUNT_FILE: countFile },
	});
	const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
	const logs = [];
	let refreshes = 0;
	connection.onRequest('workspace/configuration', (params) => params.items.map(() => ({})));
	connection.onRequest('client/registerCapability', () => null);
	connection.onRequest('workspace/diagnostic/refresh', () => {
		refreshes++;
		return null;
	});
	connection.onNotification('window/logMessage', (params) => logs.push(params.message));
	connection.listen();
	const until = async (predicate, ms) => {
		const deadline = Date.now() + ms;
		while (!predicate()) {
			if (Date.now() > deadline) throw new Error('timed out (parse counts)');
			await new Promise((resolve) => setTimeout(resolve, 20));
		}
	};
	const parses = async () => {
		rmSync(countFile, { force: true });
		process.kill(child.pid, 'SIGUSR2');
		await until(() => existsSync(countFile) && readFileSync(countFile, 'utf8') !== '', 10_000);
		return Number(readFileSync(countFile, 'utf8'));
	};
	try {
		const rootUri = pathToFileURL(tree).href;
		await connection.sendRequest('initialize', {
			processId: process.pid,
			rootUri,
			workspaceFolders: [{ uri: rootUri, name: 'bench' }],
			capabilities: { workspace: { configuration: true, diagnostics: { refreshSupport: true }, workspaceFolders: true }, textDocument: { diagnostic: {} } },
			initializationOptions: { testMode: true },
		});
		await connection.sendNotification('initialized', {});
		await until(() => logs.some((l) => l.startsWith('Indexed ')), 30 * 60_000);
		await connection.sendRequest('workspace/diagnostic', { previousResultIds: [] });
		const afterLoad = await parses();
		const planPath = path.join(tree, 'tracking-plan.yaml');
		const planUri = pathToFileURL(planPath).href;
		const planText = readFileSync(planPath, 'utf8');
		await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: planUri, languageId: 'yaml', version: 1, text: planText } });
		const r0 = refreshes;
		await connection.sendNotification('textDocument/didChange', { textDocument: { uri: planUri, version: 2 }, contentChanges: [{ text: planText.replace('\n  workspace:\n', '\n  workspace_v2:\n') }] });
		await until(() => refreshes > r0, 60_000);
		await connection.sendRequest('workspace/diagnostic', { previousResultIds: [] });
		const afterPlanEdit = await parses();
		return { indexLog: logs.find((l) => l.startsWith('Indexed ')), parsesAfterLoad: afterLoad, parsesAfterPlanEdit: afterPlanEdit, reparsedByPlanEdit: afterPlanEdit - afterLoad };
	} finally {
		try {
			await connection.sendRequest('shutdown');
			await connection.sendNotification('exit');
		} catch {
			// gone already
		}
		connection.dispose();
		child.kill();
		rmSync(countFile, { force: true });
	}
}

// ------------------------------------------------------------------ the machine's speed
/**
 * A fixed CPU workload, run just before and just after the server measurements: TypeScript parsing
 * the 5,000-line file 15 times in a fresh process (median). This machine's speed drifts by up to
 * 1.6× over minutes; when this figure is high, so are the latencies measured next to it.
 */
function calibrate(tree) {
	const script = `const ts = require(${JSON.stringify(require.resolve('typescript'))}); const text = require('node:fs').readFileSync(${JSON.stringify(path.join(tree, bigFile))}, 'utf8'); const times = []; for (let i = 0; i < 18; i++) { const t0 = performance.now(); ts.createSourceFile('a.tsx', text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TSX); if (i >= 3) times.push(performance.now() - t0); } times.sort((a, b) => a - b); console.log(times[times.length >> 1]);`;
	const result = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
	return Number(result.stdout.trim());
}

// ------------------------------------------------------------------ main
const results = { machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, memGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, loadavg: os.loadavg() }, commit: spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root }).stdout.toString().trim(), sizes: {} };
for (const files of sizes) {
	const { folder: tree, manifest, reused } = generate({ files, seed, out });
	log(`${reused ? 'reusing' : 'generated'} ${tree}: ${manifest.stats.files} files, ${manifest.stats.lines} lines, ${manifest.stats.trackingFiles} with group calls`);
	const entry = { manifest: manifest.stats };
	entry.rg = measureRg('rg', tree, runsFor(files), { glob: sourceGlob, pattern: triggerRegex });
	entry.nodeFloor = measureNodeFloor(tree, runsFor(files));
	entry.check = measureCheck('trackplan check', tree, runsFor(files), cliNodeFlags);
	if (!flag('--no-eslint')) entry.eslint = measureEslint(tree, eslintRunsFor(files), manifest);
	if (!flag('--no-server')) {
		entry.calibrationMs = { before: calibrate(tree) };
		entry.server = await measureServer(tree, manifest, entry.check);
		entry.calibrationMs.after = calibrate(tree);
		log(`server: ${JSON.stringify({ ws: entry.server.initializedToWorkspaceDiagnosticsMs, p95: entry.server.editLatencyMs.p95, plan: entry.server.planEdit.ms.median, rss: entry.server.afterIndexing.rssMb })}`);
	}
	if (!flag('--no-parse-count') && !flag('--no-server')) entry.parseCounts = await measureParseCounts(tree);
	results.sizes[files] = entry;
	if (flag('--clean') && files !== Math.min(...sizes)) rmSync(tree, { recursive: true, force: true });
}
// The Python row (bench/python.mjs), next to the 2,000-file JS/TS tree, which holds no Python file.
if (!flag('--no-python')) results.python = await measurePython({ out, seed, runs: runsFor(2000), edits, cliNodeFlags, jsTree: generate({ files: 2000, seed, out }).folder, server: !flag('--no-server') });
results.loadavgAfter = os.loadavg();
mkdirSync(out, { recursive: true });
const resultsFile = path.join(out, `results-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
writeFileSync(resultsFile, JSON.stringify(results, null, 2));
printTable(results);
printPython(results.python, results.sizes[2000]?.check);
log(`results: ${resultsFile}`);

function printTable({ sizes: bySize, machine, commit }) {
	const columns = Object.keys(bySize).map(Number).sort((a, b) => a - b);
	const fmtMs = (s) => (s === undefined ? '—' : s.median >= 10_000 ? `${(s.median / 1000).toFixed(1)} s` : `${s.median.toFixed(s.median < 100 ? 1 : 0)} ms`);
	const withSpread = (s) => (s === undefined ? '—' : `${fmtMs(s)} ±${s.spreadPct.toFixed(0)}% (n=${s.n})`);
	const mb = (v) => (v === undefined ? '—' : `${v.toFixed(0)} MB`);
	const ratio = (a, b) => (a === undefined || b === undefined || !b ? '—' : `${(a / b).toFixed(2)}×`);
	const rows = [];
	const row = (label, get, growthOf) => rows.push([label, ...columns.map((c) => get(bySize[c]) ?? '—'), ...columns.slice(1).map((c) => (growthOf ? ratio(growthOf(bySize[c]), growthOf(bySize[columns[0]])) : ''))]);
	row('files / lines', (e) => `${e.manifest.files} / ${(e.manifest.lines / 1e6).toFixed(2)} M`, (e) => e.manifest.files);
	row('files with group calls', (e) => String(e.manifest.trackingFiles));
	row('rg -l trigger words (floor)', (e) => withSpread(e.rg.ms), (e) => e.rg.ms.median);
	row('  files rg lists', (e) => `${e.rg.filesMatched} (${((e.rg.filesMatched / e.manifest.files) * 100).toFixed(0)}%)`);
	row('Node: start, walk, read, test (floor)', (e) => e.nodeFloor && `${withSpread(e.nodeFloor.ms)}, ${e.nodeFloor.filesMatched} files match`, (e) => e.nodeFloor?.ms.median);
	row('trackplan check, cold', (e) => withSpread(e.check.ms), (e) => e.check.ms.median);
	row('  peak RSS', (e) => mb(e.check.rssMb.median), (e) => e.check.rssMb.median);
	row('  calls / findings', (e) => `${e.check.summary.calls} / ${e.check.summary.errors + e.check.summary.warnings}e+w`);
	row('ESLint 1 rule, JS files only', (e) => e.eslint && `${withSpread(e.eslint.ms)} on ${e.eslint.linted} files`, (e) => e.eslint?.ms.median);
	row('  ESLint peak RSS', (e) => e.eslint && mb(e.eslint.rssMb.median));
	row('  ESLint, scaled to all lines', (e) => e.eslint && `${(e.eslint.extrapolatedMs / 1000).toFixed(1)} s (JS = ${(e.eslint.lineShare * 100).toFixed(0)}% of lines)`, (e) => e.eslint?.extrapolatedMs);
	row('RATIO ours / rg', (e) => ratio(e.check.ms.median, e.rg.ms.median));
	row('RATIO Node floor / rg', (e) => e.nodeFloor && ratio(e.nodeFloor.ms.median, e.rg.ms.median));
	row('RATIO ours / Node floor', (e) => e.nodeFloor && ratio(e.check.ms.median, e.nodeFloor.ms.median));
	row('RATIO ESLint(JS only) / ours(all)', (e) => e.eslint && ratio(e.eslint.ms.median, e.check.ms.median));
	row('RATIO ESLint(scaled) / ours', (e) => e.eslint && ratio(e.eslint.extrapolatedMs, e.check.ms.median));
	row('machine: TS parses the 5,000-line file', (e) => e.calibrationMs && `${e.calibrationMs.before.toFixed(1)} ms before / ${e.calibrationMs.after.toFixed(1)} ms after the server runs`);
	row('server: initialized → ws diagnostics', (e) => e.server && `${fmtMs({ median: e.server.initializedToWorkspaceDiagnosticsMs })} (${e.server.workspaceDiagnosticFiles} files; CLI ${e.server.cliFilesWithDiagnostics})`, (e) => e.server?.initializedToWorkspaceDiagnosticsMs);
	row('server: RSS after indexing', (e) => e.server && `${mb(e.server.afterIndexing.rssMb)} (peak ${mb(e.server.afterIndexing.hwmMb)})`, (e) => e.server?.afterIndexing.rssMb);
	row('server: keystroke → diags p50', (e) => e.server && `${e.server.editLatencyMs.p50.toFixed(1)} ms`, (e) => e.server?.editLatencyMs.p50);
	row('server: keystroke → diags p95', (e) => e.server && `${e.server.editLatencyMs.p95.toFixed(1)} ms (n=${e.server.editLatencyMs.n})`, (e) => e.server?.editLatencyMs.p95);
	row('server: typing a call, keystroke p50', (e) => e.server?.typingLatencyMs && `${e.server.typingLatencyMs.p50.toFixed(1)} ms`, (e) => e.server?.typingLatencyMs?.p50);
	row('server: typing a call, p95 / max', (e) => e.server?.typingLatencyMs && `${e.server.typingLatencyMs.p95.toFixed(1)} / ${e.server.typingLatencyMs.max.toFixed(0)} ms (n=${e.server.typingLatencyMs.n})`, (e) => e.server?.typingLatencyMs?.p95);
	row('server: plan edit → ws diags', (e) => e.server && withSpread(e.server.planEdit.ms), (e) => e.server?.planEdit.ms.median);
	row('  of which until refresh request', (e) => e.server && fmtMs(e.server.planEdit.refreshRequestMs));
	row('  source files re-parsed by plan edit', (e) => e.parseCounts && (e.parseCounts.reparsedByPlanEdit !== undefined ? `${e.parseCounts.reparsedByPlanEdit} (load: ${e.parseCounts.parsesAfterLoad} parsed)` : e.parseCounts.note));
	const header = ['', ...columns.map((c) => `${c.toLocaleString('en')} files`), ...columns.slice(1).map((c) => `growth ${columns[0] / 1000}k→${c / 1000}k`)];
	const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i] ?? '').length)));
	const line = (cells) => cells.map((c, i) => String(c ?? '').padEnd(widths[i])).join(' | ');
	console.log(`\nTrackplan benchmark — commit ${commit}, ${machine.cpus} CPUs (${machine.model}), Node ${machine.node}, load avg at start ${machine.loadavg.map((l) => l.toFixed(2)).join(' ')}`);
	console.log('Medians ±(max−min)/median. Ratios matter more than absolute times on a shared machine. Growth: figure at size / figure at 2k (files grow 10× per step).');
	console.log(line(header));
	console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
	for (const r of rows) console.log(line(r));
	const main = bySize[mainSize];
	if (main) {
		const verdict = (ok) => (ok ? 'MET' : 'MISSED');
		console.log(`\nTargets on the ${mainSize.toLocaleString('en')}-file tree:`);
		const r = main.check.ms.median / main.rg.ms.median;
		const floor = main.nodeFloor && ` — Node alone, walking and reading the tree without parsing, takes ${(main.nodeFloor.ms.median / main.rg.ms.median).toFixed(1)}× rg`;
		console.log(`  cold check within 4× of rg:               ${verdict(r <= 4)} (${r.toFixed(1)}×${floor ?? ''})`);
		if (main.eslint) {
			const e = main.eslint.extrapolatedMs / main.check.ms.median;
			const eRaw = main.eslint.ms.median / main.check.ms.median;
			console.log(`  ≥25× faster than ESLint one-rule pass:    ${verdict(e >= 25)} (${e.toFixed(2)}× scaled to all lines; ${eRaw.toFixed(2)}× against ESLint on the JS files only)`);
		}
		if (main.server) {
			console.log(`  keystroke p95 < 25 ms:                    ${verdict(main.server.editLatencyMs.p95 < 25)} (${main.server.editLatencyMs.p95.toFixed(1)} ms)`);
			const reparsed = main.parseCounts?.reparsedByPlanEdit;
			console.log(`  plan edit < 150 ms, no source re-parse:   ${verdict(main.server.planEdit.ms.median < 150 && reparsed === 0)} (${main.server.planEdit.ms.median.toFixed(0)} ms, ${reparsed ?? '?'} re-parsed)`);
			console.log(`  server RSS after indexing < 250 MB:       ${verdict(main.server.afterIndexing.rssMb < 250)} (${main.server.afterIndexing.rssMb.toFixed(0)} MB)`);
		}
		const small = bySize[columns[0]];
		if (small !== main) {
			const g = main.check.ms.median / small.check.ms.median;
			const f = main.manifest.files / small.manifest.files;
			console.log(`  cold check grows linearly or better:      ${verdict(g <= f * 1.1)} (${g.toFixed(1)}× time for ${f.toFixed(0)}× files)`);
		}
	}
}
