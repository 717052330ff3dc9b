import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { lspPosition, parseJson, pseudoRandomBytes, reasonOf, tempWorkspace, trackplan, writeFile, writeSparseFile, type JsonDiagnostic } from './hostileInputsSupport';

/**
 * Hostile Python files, through the real CLI (`node dist/cli.js`, as a user runs it): binary `.py`
 * files, invalid UTF-8, NUL bytes, a byte-order mark, CRLF and lone-CR line endings, files over and
 * under the size cap, expressions nested 20,000 deep, strings and triple quotes left open while
 * typing. Each is answered with its finding or one clear diagnostic, in bounded time and memory,
 * and every position is exact. (The JavaScript front end's are in hostileInputs.test.ts.)
 */

const plan = 'groupTypes:\n  org: { level: any }\nevents:\n  E: { groups: [org] }\n';
const sdk = 'from amplitude import Amplitude, EventOptions\n\namplitude = Amplitude("key")\n';
/** A call the rules report (an undeclared group type, "orgg"), so a test can see a file was really scanned. */
const call = 'amplitude.set_group("orgg", "x", EventOptions(user_id="u"))';

const utf8 = (text: string) => new TextEncoder().encode(text);
const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'utf8') : Buffer.from(part))));

/** Line-ending and encoding files: each holds one "orgg" whose exact position the test checks. */
const positioned: Record<string, Uint8Array> = {
	'lines/crlf.py': utf8(`${sdk.replace(/\n/g, '\r\n')}\r\n# a comment\r\n${call}\r\n`),
	'lines/cr.py': utf8(`${sdk.replace(/\n/g, '\r')}\r# a comment\r${call}\r`),
	'lines/mixed.py': utf8(`${sdk}\r\n# a\r\n\r\n${call}\n`),
	'encoding/bom.py': bytes([0xef, 0xbb, 0xbf], `${sdk}${call}\n`),
	// Broken sequences in a comment and a string before the call; each decodes to U+FFFD, as an editor shows it.
	'encoding/invalid.py': bytes(`${sdk}# `, [0xc3, 0x28, 0xa0, 0xa1], '\ns = "', [0xe2, 0x82], '"  # ', [0xc0, 0xaf, 0xed, 0xa0, 0x80], `\n${call}\n`),
	'encoding/bomAndCrlf.py': bytes([0xef, 0xbb, 0xbf], `${sdk.replace(/\n/g, '\r\n')}\r\n${call}\r\n`),
	'encoding/astral.py': utf8(`${sdk}label = "📈 growth 👩‍💻"  # astral characters are two UTF-16 units\n${call}\n`),
};

/** Where "orgg" is in a file, as an editor decodes it (invalid UTF-8 as U+FFFD, the byte-order mark dropped). */
function expectedRange(raw: Uint8Array): JsonDiagnostic['range'] {
	let text = new TextDecoder('utf-8').decode(raw);
	if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
	const at = text.indexOf('"orgg"') + 1;
	return { start: lspPosition(text, at), end: lspPosition(text, at + 4) };
}

const png = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);

/** A real module just under the 1 MB cap: about 20,000 lines of service code with a call every 400 lines. */
function largeModule(): string {
	const lines = [sdk];
	let size = sdk.length;
	for (let i = 0; size < 1_000_000 - 400; i++) {
		const block = [
			'',
			`def handler_${i}(payload: dict, org_id: int, user_id: str) -> dict:`,
			`    total = sum(item["amount"] for item in payload.get("items", []))`,
			`    label = f"order {org_id}-{i}: {total:.2f}"`,
			i % 40 === 0 ? `    amplitude.set_group("orgg", str(org_id), EventOptions(user_id=user_id))` : '    logger.info(label)',
			'    return {"total": total, "label": label}',
		].join('\n');
		if (size + block.length > 1_000_000 - 10) break;
		lines.push(block);
		size += block.length + 1;
	}
	return `${lines.join('\n')}\n`;
}

describe('hostile Python files through the real CLI', () => {
	const noNul = pseudoRandomBytes(256 * 1024, 11).map((b) => b || 1);
	const large = largeModule();
	const workspace = tempWorkspace({
		'tracking-plan.yaml': plan,
		// Binary files named .py: an image (NUL bytes up front), noise without any NUL byte (read as
		// text, and garbage to the parser), and text whose first NUL comes after 8 KB.
		'binary/logo.py': Buffer.concat([png, pseudoRandomBytes(256 * 1024)]),
		'binary/noise.py': noNul,
		'binary/lateNul.py': bytes(`${sdk}${call}\n# ${'x'.repeat(9000)}\n`, [0, 0, 0], `\n${call}\n`),
		// NUL bytes inside a string and a comment, early in the file: detected as binary, as for .ts.
		'binary/earlyNul.py': bytes(`${sdk}s = "`, [0], `"\n# `, [0, 0], `\n${call}\n`),
		'large/orders.py': large,
		...positioned,
	});
	before(() => {
		writeSparseFile(workspace.path('huge/big.py'), 50 * 1024 * 1024);
		writeFile(workspace.path('huge/justOver.py'), `${sdk}${call}\n# ${'x'.repeat(1024 * 1024)}\n`);
	});
	after(() => workspace.remove());

	let diagnostics: JsonDiagnostic[] = [];
	const of = (file: string) => diagnostics.filter((d) => d.file === file);

	it('checks the whole workspace in bounded time and memory', (t) => {
		const run = trackplan(workspace.root, ['check', '.', '--format', 'json']);
		t.diagnostic(`CLI over binary, 50 MB, 1 MB and encoding .py files: ${run.ms.toFixed(0)} ms, peak ${run.peakMb.toFixed(0)} MB`);
		assert.equal(run.timedOut, false, 'the check finished');
		assert.equal(run.code, 1, run.stderr);
		diagnostics = parseJson(run).diagnostics;
		assert.doesNotMatch(run.stderr, /internal error|parser set-up/);
		assert.ok(run.ms < 30_000, `took ${run.ms.toFixed(0)} ms`);
		assert.ok(run.peakMb < 400, `peak memory ${run.peakMb.toFixed(0)} MB`);
	});

	it('skips files over the size cap with one information diagnostic each, without reading them', () => {
		assert.deepEqual(of('huge/big.py').map((d) => [d.code, d.severity, reasonOf(d)]), [['file-skipped', 'information', 'too-large']]);
		assert.match(of('huge/big.py')[0]!.message, /\(50\.0 MB > 1\.0 MB\)/);
		assert.deepEqual(of('huge/justOver.py').map((d) => [d.code, reasonOf(d)]), [['file-skipped', 'too-large']]);
	});

	it('scans a module just under the cap completely: every call in it is found', () => {
		const expected = large.split('\n').filter((line) => line.includes('set_group("orgg"')).length;
		assert.ok(expected > 50, `${expected} calls`);
		assert.equal(of('large/orders.py').filter((d) => d.code === 'undeclared-group-type').length, expected);
	});

	it('skips a binary .py with one information diagnostic, and reads noise without NUL bytes as (unremarkable) text', () => {
		assert.deepEqual(of('binary/logo.py').map((d) => [d.code, d.severity, reasonOf(d)]), [['file-skipped', 'information', 'binary']]);
		assert.deepEqual(of('binary/earlyNul.py').map((d) => [d.code, reasonOf(d)]), [['file-skipped', 'binary']]);
		assert.deepEqual(of('binary/noise.py'), []);
		// NUL bytes after the first 8 KB: still source text, and both calls are found.
		assert.deepEqual(
			of('binary/lateNul.py').map((d) => [d.code, d.range.start.line]),
			[
				['undeclared-group-type', 3],
				['undeclared-group-type', 6],
			],
		);
	});

	for (const [file, raw] of Object.entries(positioned)) {
		// tree-sitter-python ends a comment only at \n; CPython reads a lone \r as a line end, and so does the front end (scanPythonFile.ts parserInput).
		it(`gives the exact line and character in ${file}`, () => {
			assert.deepEqual(
				of(file).map((d) => [d.code, d.range]),
				[['undeclared-group-type', expectedRange(raw)]],
			);
		});
	}
});

/** Python nested 20,000 deep: every shape the grammar recurses on. */
const depth = 20_000;
const deepShapes: Record<string, string> = {
	parentheses: `amplitude.set_group("orgg", ${'(\n'.repeat(depth)}1${')'.repeat(depth)}, EventOptions(user_id="u"))`,
	brackets: `amplitude.set_group("orgg", ${'[\n'.repeat(depth)}${']'.repeat(depth)}, EventOptions(user_id="u"))`,
	dicts: `amplitude.track(BaseEvent("E", user_id="u", groups={"orgg": "1", "x": ${'{"a":\n'.repeat(depth)}1${'}'.repeat(depth)}}))`,
	calls: `amplitude.set_group("orgg", ${'f(\n'.repeat(depth)}${')'.repeat(depth)}, EventOptions(user_id="u"))`,
	subscripts: `amplitude.set_group("orgg", a${'[\n0'.repeat(depth)}${']'.repeat(depth)}, EventOptions(user_id="u"))`,
	unclosed: `amplitude.set_group("orgg", ${'(['.repeat(depth)}`,
	notChain: `amplitude.set_group("orgg", ${'not '.repeat(depth)}x, EventOptions(user_id="u"))`,
	lambdas: `${call}\nf = ${'lambda: '.repeat(depth)}1`,
	conditionals: `amplitude.set_group("orgg", ${'"a" if c else '.repeat(depth)}"b", EventOptions(user_id="u"))`,
	// Chains the parser reads in a loop (20,000-deep trees for the scanner).
	binaryChain: `${call}\ntotal = ${Array(depth).fill('a').join(' + ')}`,
	stringSum: `amplitude.set_group(${Array(depth).fill('"o"').join(' + ')}, "x", EventOptions(user_id="u"))\n${call}`,
	attributeChain: `${call}\nq = a${'.b'.repeat(depth)}`,
	callChain: `${call}\nq = query${'.filter(x)'.repeat(depth)}`,
	// Indentation: 1,000 nested blocks (20,000 would be 200 M characters of indentation).
	blocks: `${Array.from({ length: 1000 }, (_, i) => `${' '.repeat(i)}if x:\n`).join('')}${' '.repeat(1000)}${call}`,
};
/** Deep, but within reach of real code: these must be scanned, not refused. */
const withinReach: Record<string, string> = {
	dicts60: `amplitude.track(BaseEvent("E", user_id="u", groups={"orgg": "1", "x": ${'{"a": '.repeat(60)}1${'}'.repeat(60)}}))`,
	blocks60: `${Array.from({ length: 60 }, (_, i) => `${' '.repeat(i)}if x:\n`).join('')}${' '.repeat(60)}${call}`,
	callChain60: `${call}\nq = query${'.filter(x)'.repeat(60)}`,
	sum100: `amplitude.set_group("orgg", ${Array(100).fill('a').join(' + ')}, EventOptions(user_id="u"))`,
};

describe('Python nested 20,000 deep, through the real CLI', () => {
	const files: Record<string, string> = { 'tracking-plan.yaml': plan };
	for (const [shape, body] of Object.entries(deepShapes)) files[`deep/${shape}.py`] = `from amplitude import BaseEvent\n${sdk}${body}\n`;
	const workspace = tempWorkspace(files);
	after(() => workspace.remove());

	it('answers every file with its finding or one "could not be scanned" diagnostic, within seconds', (t) => {
		const run = trackplan(workspace.root, ['check', '.', '--format', 'json']);
		t.diagnostic(`CLI over ${Object.keys(files).length - 1} Python files nested ${depth.toLocaleString('en-US')} deep: ${run.ms.toFixed(0)} ms, peak ${run.peakMb.toFixed(0)} MB`);
		assert.equal(run.timedOut, false);
		const output = parseJson(run);
		const outcome = new Map<string, string[]>();
		for (const d of output.diagnostics) outcome.set(d.file, [...(outcome.get(d.file) ?? []), d.code === 'file-skipped' ? `${d.code}:${reasonOf(d)}` : d.code]);
		const summary = Object.keys(deepShapes).map((shape) => `${shape}: ${(outcome.get(`deep/${shape}.py`) ?? ['(nothing)']).join(', ')}`);
		t.diagnostic(summary.join('; '));
		assert.ok(run.code === 0 || run.code === 1, run.stderr); // 0 when every file is refused (information only)
		assert.doesNotMatch(run.stderr, /internal error|Maximum call stack|RuntimeError|memory access out of bounds/);
		assert.ok(run.ms < 30_000, `took ${run.ms.toFixed(0)} ms`);
		assert.ok(run.peakMb < 500, `peak memory ${run.peakMb.toFixed(0)} MB`);
		for (const shape of Object.keys(deepShapes)) {
			if (shape === 'unclosed') continue; // no call: see below
			const got = outcome.get(`deep/${shape}.py`) ?? [];
			const scanned = got.includes('undeclared-group-type');
			const refused = got.some((code) => code.startsWith('file-skipped'));
			assert.ok(scanned !== refused, `deep/${shape}.py: expected its finding or one "could not be scanned" diagnostic, got ${JSON.stringify(got)}`);
		}
	});
});

describe('Python nested deep, but within reach of real code', () => {
	const files: Record<string, string> = { 'tracking-plan.yaml': plan };
	for (const [shape, body] of Object.entries(withinReach)) files[`reach/${shape}.py`] = `from amplitude import BaseEvent\n${sdk}${body}\n`;
	const workspace = tempWorkspace(files);
	after(() => workspace.remove());
	it('scans each file and finds its call (nothing refused)', () => {
		const run = trackplan(workspace.root, ['check', '.', '--format', 'json']);
		assert.equal(run.timedOut, false);
		const output = parseJson(run);
		for (const shape of Object.keys(withinReach)) {
			const got = output.diagnostics.filter((d) => d.file === `reach/${shape}.py`).map((d) => d.code);
			assert.ok(got.includes('undeclared-group-type') && !got.includes('file-skipped'), `reach/${shape}.py: ${JSON.stringify(got)}`);
		}
	});
});

describe('Python nested 20,000 deep, mixed with shallow files in one run', () => {
	const files: Record<string, string> = { 'tracking-plan.yaml': plan };
	for (const shape of ['brackets', 'unclosed']) files[`deep/${shape}.py`] = `${sdk}${deepShapes[shape]!}\n`;
	files['deep/unclosed-shallow.py'] = `${sdk}amplitude.set_group("orgg", ${'(['.repeat(3)}\n`;
	for (const [shape, body] of Object.entries(deepShapes)) files[`mixed/deep-${shape}.py`] = `from amplitude import BaseEvent\n${sdk}${body}\n`;
	for (const [shape, body] of Object.entries(withinReach)) files[`mixed/reach-${shape}.py`] = `from amplitude import BaseEvent\n${sdk}${body}\n`;
	const workspace = tempWorkspace(files);
	after(() => workspace.remove());
	let output: ReturnType<typeof parseJson> | undefined;
	before(() => {
		const run = trackplan(workspace.root, ['check', '.', '--format', 'json']);
		assert.equal(run.timedOut, false);
		output = parseJson(run);
	});
	const codes = (file: string) => output!.diagnostics.filter((d) => d.file === file).map((d) => d.code);
	it('refuses 20,000 nested empty lists in a call with one diagnostic; an unclosed call reads as the same call left unclosed three deep', () => {
		assert.deepEqual(codes('deep/brackets.py'), ['file-skipped']);
		// A call never closed is no call (as when typing one): the same answer at 3 and 20,000 open brackets.
		assert.deepEqual(codes('deep/unclosed.py'), codes('deep/unclosed-shallow.py'));
	});
	it('still scans shallow files checked after many deep ones (1,000 nested blocks used to corrupt the parser for the rest of the process)', () => {
		for (const shape of Object.keys(withinReach)) assert.ok(codes(`mixed/reach-${shape}.py`).includes('undeclared-group-type'), `${shape}: ${JSON.stringify(codes(`mixed/reach-${shape}.py`))}`);
		for (const shape of Object.keys(deepShapes)) {
			if (shape === 'unclosed') continue;
			const got = codes(`mixed/deep-${shape}.py`);
			assert.ok(got.includes('undeclared-group-type') !== got.includes('file-skipped'), `mixed/deep-${shape}.py: ${JSON.stringify(got)}`);
		}
	});
});

/** Strings and triple quotes left open while typing: the rest of the file is inside a string. */
const typing: Record<string, string> = {
	tripleQuoteOpen: `${sdk}doc = """still typing the docstring\n${call}\n`,
	singleQuoteOpen: `${sdk}name = "unfinished\n${call}\n`,
	fStringOpen: `${sdk}label = f"{org_id\n${call}\n`,
	callOpen: `${sdk}amplitude.set_group("orgg", \n${call}\n`,
	bracketOpen: `${sdk}rows = [1, 2,\n${call}\n`,
	tripleQuoteAtEnd: `${sdk}${call}\n"""`,
	backslashAtEnd: `${sdk}${call}\nx = 1 + \\`,
	tabsAndSpaces: `${sdk}if x:\n\ty = 1\n        ${call}\n`,
};

describe('Python left half-typed, through the real CLI', () => {
	const workspace = tempWorkspace({ 'tracking-plan.yaml': plan, ...Object.fromEntries(Object.entries(typing).map(([name, text]) => [`typing/${name}.py`, text])) });
	after(() => workspace.remove());

	it('answers every half-typed file quickly, without an internal error', (t) => {
		const run = trackplan(workspace.root, ['check', '.', '--format', 'json'], 30_000);
		assert.equal(run.timedOut, false);
		assert.ok(run.code === 0 || run.code === 1, run.stderr);
		assert.doesNotMatch(run.stderr, /internal error/);
		const output = parseJson(run);
		const found = (name: string) => output.diagnostics.filter((d) => d.file === `typing/${name}.py`).map((d) => d.code);
		t.diagnostic(Object.keys(typing).map((name) => `${name}: ${found(name).join(', ') || '(nothing)'}`).join('; '));
		// Complete calls before an unfinished end of file are still found.
		for (const name of ['tripleQuoteAtEnd', 'backslashAtEnd']) assert.ok(found(name).includes('undeclared-group-type'), `${name}: ${JSON.stringify(found(name))}`);
		// Inside an open triple-quoted string the call is text: never reported as a call.
		assert.deepEqual(found('tripleQuoteOpen'), []);
	});
});
