import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { readFileSync } from 'node:fs';
import { toCheckReport } from '../../cli/src/checkReport';
import { formatGithub } from '../../cli/src/formatGithub';
import { formatJunit } from '../../cli/src/formatJunit';
import { formatSarif } from '../../cli/src/formatSarif';
import { formatText } from '../../cli/src/formatText';
import { fingerprintDiagnostics } from '../../cli/src/sarifFingerprints';
import { checkWorkspace, defaultFrontEnds, neverCancelled } from '../../core/src/index';
import { NodeFileSystem, toUri } from '../../node/src/nodeFileSystem';
import { lspPosition, parseJson, reasonOf, pseudoRandomBytes, RecordingFileSystem, tempWorkspace, trackplan, trackplanWith, writeFile, writeSparseFile, type JsonDiagnostic } from './hostileInputsSupport';

/**
 * Hostile source files, through the real CLI (`node dist/cli.js`, as a user runs it): binary files
 * with source extensions, a 50 MB file, a 5 MB one-line bundle, invalid UTF-8 and a byte-order mark,
 * CRLF and lone-CR line endings. Each is answered with a result or a clear diagnostic, in bounded
 * time and memory, and every position is exact.
 */

const plan = 'groupTypes:\n  org: { level: any }\nevents:\n  E: { groups: [org] }\n';
const sdk = "import * as amplitude from '@amplitude/analytics-browser';";
/** A call the rules report (an undeclared group type, "orgg"), so a test can see a file was really scanned. */
const call = "amplitude.setGroup('orgg', 'x');";

const utf8 = (text: string) => new TextEncoder().encode(text);
const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'utf8') : Buffer.from(part))));

/** Line-ending and encoding files: each holds one "orgg" whose exact position the test checks. */
const positioned: Record<string, Uint8Array> = {
	'lines/crlf.ts': utf8(`${sdk}\r\n\r\n// a comment\r\n  ${call}\r\n`),
	'lines/cr.ts': utf8(`${sdk}\r\r// a comment\r  ${call}\r`),
	// Every LSP line break in one file, plus U+2028, which JavaScript ends lines at but LSP does not.
	'lines/mixed.ts': utf8(`${sdk}\r\n\r// a\n\r\n/* \u2028 */  ${call}\r`),
	'encoding/bom.ts': bytes([0xef, 0xbb, 0xbf], `${sdk}\n${call}\n`),
	// Broken sequences before the call on its own line: a lone continuation byte, a truncated 3-byte
	// sequence, an overlong encoding and a surrogate; each decodes to U+FFFD, as an editor shows it.
	'encoding/invalid.ts': bytes(`${sdk}\n// `, [0xc3, 0x28, 0xa0, 0xa1], '\nconst s = "', [0xe2, 0x82], '"; /* ', [0xc0, 0xaf, 0xed, 0xa0, 0x80], ' */ ', `${call}\n`),
	'encoding/bomAndCrlf.ts': bytes([0xef, 0xbb, 0xbf], `${sdk}\r\n\r\n${call}\r\n`),
};

/** Where "orgg" is in a file, as an editor decodes it (invalid UTF-8 as U+FFFD, the byte-order mark dropped). */
function expectedRange(raw: Uint8Array): JsonDiagnostic['range'] {
	let text = new TextDecoder('utf-8').decode(raw);
	if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
	const at = text.indexOf("'orgg'") + 1;
	return { start: lspPosition(text, at), end: lspPosition(text, at + 4) };
}

const png = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);

describe('hostile source files through the real CLI', () => {
	const noNul = pseudoRandomBytes(256 * 1024, 7).map((b) => b || 1);
	const workspace = tempWorkspace({
		'tracking-plan.yaml': plan,
		// Binary files named like sources: an image (NUL bytes up front), noise without any NUL byte
		// (read as text, and garbage to the parser), and text whose first NUL comes after 8 KB.
		'binary/logo.ts': Buffer.concat([png, pseudoRandomBytes(256 * 1024)]),
		'binary/noise.js': noNul,
		'binary/lateNul.ts': bytes(`${sdk}\n${call}\n// ${'x'.repeat(9000)}\n`, [0, 0, 0], `\n${call}\n`),
		...positioned,
	});
	// A minified bundle in one 5 MB line, not named .min.js, full of calls that would be findings if it were scanned as the app's code.
	const bundleLine = `${sdk}${'var f=function(b){return amplitude.setGroup("orgg_"+b,"x")};amplitude.track("E",{},{groups:{orgg:1}});'.repeat(52_000)}`;
	before(() => {
		writeSparseFile(workspace.path('huge/big.ts'), 50 * 1024 * 1024);
		writeSparseFile(workspace.path('huge/bigger.js'), 1536 * 1024 * 1024);
		writeFile(workspace.path('bundle/vendor.js'), bundleLine);
	});
	after(() => workspace.remove());

	let run: ReturnType<typeof trackplan>;
	let diagnostics: JsonDiagnostic[] = [];
	const of = (file: string) => diagnostics.filter((d) => d.file === file);

	it('checks the whole workspace in bounded time and memory, never reading the files over the cap', (t) => {
		run = trackplan(workspace.root, ['check', '.', '--format', 'json']);
		t.diagnostic(`CLI over binary, 50 MB, 1.5 GB, 5 MB-bundle and encoding files: ${run.ms.toFixed(0)} ms, peak ${run.peakMb.toFixed(0)} MB`);
		assert.equal(run.timedOut, false, 'the check finished');
		assert.equal(run.code, 1, run.stderr);
		diagnostics = parseJson(run).diagnostics;
		assert.doesNotMatch(run.stderr, /internal error/);
		assert.ok(run.ms < 20_000, `took ${run.ms.toFixed(0)} ms`);
		// A 1.5 GB and a 50 MB file, a 5 MB bundle: none of them is read, so memory stays near a small check's.
		assert.ok(run.peakMb < 300, `peak memory ${run.peakMb.toFixed(0)} MB`);
	});

	it('skips files over the size cap with one information diagnostic each, saying how large they are', () => {
		assert.deepEqual(
			of('huge/big.ts').map((d) => [d.code, d.severity, reasonOf(d), d.range.start]),
			[['file-skipped', 'information', 'too-large', { line: 0, character: 0 }]],
		);
		assert.match(of('huge/big.ts')[0]!.message, /larger than the size limit \(50\.0 MB > 1\.0 MB\)/);
		assert.match(of('huge/bigger.js')[0]!.message, /\(1536\.0 MB > 1\.0 MB\)/);
		assert.match(of('bundle/vendor.js')[0]!.message, /\([45]\.[0-9] MB > 1\.0 MB\)/);
	});

	it('skips a binary file with one information diagnostic, and reads noise without NUL bytes as (unremarkable) text', () => {
		assert.deepEqual(
			of('binary/logo.ts').map((d) => [d.code, d.severity, reasonOf(d)]),
			[['file-skipped', 'information', 'binary']],
		);
		assert.deepEqual(of('binary/noise.js'), []);
		// NUL bytes after the first 8 KB: still source text, and both calls are found.
		assert.deepEqual(
			of('binary/lateNul.ts').map((d) => [d.code, d.range.start.line]),
			[
				['undeclared-group-type', 1],
				['undeclared-group-type', 4],
			],
		);
	});

	for (const [file, raw] of Object.entries(positioned)) {
		it(`gives the exact line and character in ${file}`, () => {
			assert.deepEqual(
				of(file).map((d) => [d.code, d.range]),
				[['undeclared-group-type', expectedRange(raw)]],
			);
		});
	}

	it('prints the same exact positions (1-based) in the text format', () => {
		const text = trackplan(workspace.root, ['check', 'lines', 'encoding']);
		for (const [file, raw] of Object.entries(positioned)) {
			const { start } = expectedRange(raw);
			assert.match(text.stdout, new RegExp(`^${file}:${start.line + 1}:${start.character + 1} error undeclared-group-type `, 'm'), file);
		}
	});

	it('SARIF output does not read the skipped files either (their fingerprints need no text)', async (t) => {
		const files = new RecordingFileSystem();
		const result = await trackplanWith(files, workspace.root, ['check', '.', '--format', 'sarif']);
		assert.equal(result.code, 1);
		const read = files.paths('readFile').map((p) => p.slice(workspace.root.length + 1));
		for (const skipped of ['huge/big.ts', 'huge/bigger.js', 'bundle/vendor.js']) assert.ok(!read.includes(skipped), `${skipped} was read: ${read.join(', ')}`);
		const sarif = JSON.parse(result.stdout) as { runs: { results: { partialFingerprints: Record<string, string> }[] }[] };
		assert.ok(sarif.runs[0]!.results.every((r) => Object.keys(r.partialFingerprints).length > 0));
		const spawned = trackplan(workspace.root, ['check', '.', '--format', 'sarif']);
		assert.equal(spawned.code, 1);
		t.diagnostic(`CLI, SARIF output: ${spawned.ms.toFixed(0)} ms, peak ${spawned.peakMb.toFixed(0)} MB`);
		assert.ok(spawned.peakMb < 300, `peak memory ${spawned.peakMb.toFixed(0)} MB`);
	});

	it('reads a 5 MB one-line bundle when the cap allows, recognises it as minified and reports nothing in it, quickly', (t) => {
		const bundle = trackplan(workspace.root, ['check', 'bundle', '--max-file-size', '10mb', '--format', 'json']);
		t.diagnostic(`CLI reading the ${(bundleLine.length / 1024 / 1024).toFixed(1)} MB one-line bundle: ${bundle.ms.toFixed(0)} ms, peak ${bundle.peakMb.toFixed(0)} MB`);
		assert.equal(bundle.code, 0, bundle.stderr);
		const output = parseJson(bundle);
		assert.deepEqual(output.diagnostics, []);
		assert.deepEqual(output.calls, []);
		assert.ok(bundle.ms < 10_000, `took ${bundle.ms.toFixed(0)} ms`);
		assert.ok(bundle.peakMb < 400, `peak memory ${bundle.peakMb.toFixed(0)} MB`);
	});
});

/** Expressions nested 20,000 deep: every shape a parser recurses on, and a few it does not. */
const depth = 20_000;
const deepShapes: Record<string, string> = {
	parentheses: `amplitude.setGroup('orgg', ${'(\n'.repeat(depth)}1${')'.repeat(depth)});`,
	arrays: `amplitude.setGroup('orgg', ${'[\n'.repeat(depth)}${']'.repeat(depth)});`,
	objects: `amplitude.track('E', {}, { groups: { orgg: 1, x: ${'{ a:\n'.repeat(depth)}1${'}'.repeat(depth)} } });`,
	calls: `amplitude.setGroup('orgg', ${'f(\n'.repeat(depth)}${')'.repeat(depth)});`,
	conditionals: `amplitude.setGroup('orgg', ${'c ?\n'.repeat(depth)}'x'${" : 'y'".repeat(depth)});`,
	unary: `amplitude.setGroup('orgg', ${'!\n'.repeat(depth)}1);`,
	templates: `amplitude.setGroup('orgg', \`${'${`\n'.repeat(depth)}x${'`}'.repeat(depth)}\`);`,
	blocks: `${'{\n'.repeat(depth)}${call}${'}'.repeat(depth)}`,
	functions: `${'function f() {\n'.repeat(depth)}${call}${'}'.repeat(depth)}`,
	arrows: `const f = ${'() =>\n'.repeat(depth)}${call}`,
	types: `type T = ${'Array<\n'.repeat(depth)}string${'>'.repeat(depth)};\n${call}`,
	// Chains the parser reads in a loop, so the scanner and the rules get 20,000-deep trees.
	binaryChain: `${call}\namplitude.setGroup('orgg', ${Array(depth).fill('a').join(' +\n')});`,
	callChain: `${call}\nconst p = x${'\n.then()'.repeat(depth)};`,
	memberChain: `${call}\nconst q = a${'\n.b'.repeat(depth)};`,
	commaList: `amplitude.setGroup('orgg', (${Array(depth).fill('a').join(',\n')}));`,
	stringSum: `amplitude.setGroup(${Array(depth).fill("'o'").join(' +\n')}, 'x');\n${call}`,
	// Deep, but within the parser's reach: the facts themselves are hundreds of levels deep.
	arrays400: `amplitude.setGroup('orgg', ${'[\n'.repeat(400)}'x'${']'.repeat(400)});`,
	identify400: `const id = new amplitude.Identify();\nid.set('p', ${'[\n'.repeat(400)}1${']'.repeat(400)});\namplitude.groupIdentify('orgg', '1', id);`,
};
const deepMarkup: Record<string, string> = {
	'deep/page.html': `<script type="module">\n${sdk}\n${'(\n'.repeat(depth)}${call}${')'.repeat(depth)}\n</script>\n`,
	'deep/Widget.tsx': `${sdk}\nconst w = ${'<div>\n'.repeat(depth)}{${call.slice(0, -1)}}${'</div>'.repeat(depth)};\n`,
};

describe('expressions nested 20,000 deep, through the real CLI and every output format', () => {
	const files: Record<string, string> = { 'tracking-plan.yaml': plan, ...deepMarkup };
	for (const [shape, body] of Object.entries(deepShapes)) files[`deep/${shape}.ts`] = `${sdk}\n${body}\n`;
	const workspace = tempWorkspace(files);
	after(() => workspace.remove());

	it('answers every file with its findings or one "could not be parsed" diagnostic, in JSON, within seconds', (t) => {
		const run = trackplan(workspace.root, ['check', '.', '--format', 'json']);
		t.diagnostic(`CLI over ${Object.keys(files).length - 1} files nested ${depth.toLocaleString('en-US')} deep: ${run.ms.toFixed(0)} ms, peak ${run.peakMb.toFixed(0)} MB`);
		assert.equal(run.timedOut, false);
		assert.equal(run.code, 1, run.stderr);
		assert.doesNotMatch(run.stderr, /internal error|Maximum call stack/);
		assert.ok(run.ms < 20_000, `took ${run.ms.toFixed(0)} ms`);
		assert.ok(run.peakMb < 400, `peak memory ${run.peakMb.toFixed(0)} MB`);
		const output = parseJson(run);
		const unparsable: string[] = [];
		for (const file of Object.keys(files).filter((f) => f.startsWith('deep/'))) {
			const found = output.diagnostics.filter((d) => d.file === file);
			const skipped = found.filter((d) => d.code === 'file-skipped');
			if (skipped.length > 0) {
				assert.deepEqual(
					found.map((d) => [d.code, d.severity, reasonOf(d)]),
					[['file-skipped', 'information', 'unparsable']],
					file,
				);
				assert.match(skipped[0]!.message, /could not be parsed \(nesting too deep to read\)/);
				unparsable.push(file);
			} else {
				// Scanned: the "orgg" call is found (and reported) like in any file.
				assert.ok(
					found.some((d) => d.code === 'undeclared-group-type'),
					`${file}: ${JSON.stringify(found.map((d) => d.code))}`,
				);
			}
		}
		// The parser recurses on most shapes: those files are reported, not silently passed over.
		for (const shape of ['parentheses', 'arrays', 'objects', 'calls', 'blocks', 'functions']) assert.ok(unparsable.includes(`deep/${shape}.ts`), shape);
		for (const shape of ['binaryChain', 'callChain', 'memberChain', 'arrays400', 'identify400']) assert.ok(!unparsable.includes(`deep/${shape}.ts`), shape);
	});

	it('writes the text, SARIF, JUnit and GitHub formats of the same findings without a stack overflow', async () => {
		const result = await checkWorkspace(new NodeFileSystem(), { roots: [toUri(workspace.root)], frontEnds: defaultFrontEnds }, neverCancelled);
		const report = toCheckReport(result, workspace.root);
		const texts = new Map(report.diagnostics.map((d) => [d.file, readFileSync(workspace.path(d.file), 'utf8')]));
		const sarif = formatSarif(report, { version: '0', fingerprints: fingerprintDiagnostics(report.diagnostics, (file) => texts.get(file)) });
		for (const output of [formatText(report), formatJunit(report), formatGithub(report), sarif]) {
			assert.match(output, /file-skipped/);
			assert.match(output, /undeclared-group-type/);
		}
		JSON.parse(sarif);
	});
});
