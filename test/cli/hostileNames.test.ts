import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runCli } from '../../cli/src/main';
import { printableText } from '../../core/src/text/printableText';
import { NodeFileSystem } from '../../node/src/nodeFileSystem';
import { hostileCodeNames } from '../support/hostileText';
import { hostileFileNames, hostileNamesWorkspace } from './support/hostileNames';
import { trackplan } from './support/runTrackplan';
import { elementsNamed, parseXml } from './support/xmlDocument';

/**
 * File names and names in code that try to forge or inject output, in every format of `check`: each
 * file is checked (exit 1, its finding reported under a name that shows it), and the output keeps
 * its shape (one finding a line, well-formed XML and JSON, workflow commands that parse).
 */
const workspace = hostileNamesWorkspace();
const shownFiles = hostileFileNames.map((name) => `src/${name.shown}`);
/** What no line of output may hold raw: control characters, lone surrogates, bidirectional controls, line separators. */
const unprintable = /[\p{Cc}\p{Cs}\u061C\u200E\u200F\u2028-\u202E\u2066-\u2069]/u;

interface Diagnostic {
	readonly file: string;
	readonly severity: string;
	readonly code: string;
	readonly message: string;
}

const json = trackplan(['check', '.', '--format', 'json'], workspace);
const diagnostics = (JSON.parse(json.stdout) as { diagnostics: Diagnostic[] }).diagnostics;

/** A name as JSON gives it: exact when it is UTF-8 (JSON carries any character), as the other formats show it otherwise. */
function jsonName(name: (typeof hostileFileNames)[number]): string {
	const decoded = name.bytes.toString('utf8');
	return Buffer.from(decoded).equals(name.bytes) ? decoded : name.shown;
}

/** The hostile file names' findings: one undeclared-group-type error each, on its own group type. */
function assertEachFileReported(files: readonly string[]): void {
	hostileFileNames.forEach((name, i) => {
		const file = `src/${name.shown}`;
		assert.equal(files.filter((f) => f === file).length, 1, `${name.what}: ${JSON.stringify(file)} reported once, in ${JSON.stringify(files)}`);
		assert.ok(diagnostics.some((d) => d.file === `src/${jsonName(name)}` && d.message.includes(`"g${i}"`)), name.what);
	});
}

describe('trackplan check with hostile file names', () => {
	it('checks every file, whatever its name (bytes that are not UTF-8 included), and exits 1', () => {
		assert.equal(json.code, 1, json.stderr);
		assert.doesNotMatch(json.stderr, /skipped/);
		assert.equal(diagnostics.filter((d) => d.file !== 'src/names.ts').length, hostileFileNames.length);
		// Each file's own finding (its group type is g<i>) under its exact name; a name that is not UTF-8 under its printable form.
		hostileFileNames.forEach((name, i) => {
			const found = diagnostics.filter((d) => d.message.includes(`"g${i}"`));
			assert.deepEqual(found.map((d) => d.file), [`src/${jsonName(name)}`], name.what);
		});
		// Valid JSON for strict parsers too: no lone surrogate escape in a path.
		for (const d of diagnostics) assert.doesNotMatch(JSON.stringify(d.file), /\\ud[89a-f]/i, d.file);
	});

	it('text: one finding a line, every name escaped, nothing raw for the terminal', () => {
		const run = trackplan(['check', '.'], workspace);
		assert.equal(run.code, 1);
		const lines = run.stdout.replace(/\n$/, '').split('\n');
		assert.equal(lines.length, diagnostics.length);
		for (const line of lines) {
			assert.doesNotMatch(line, unprintable, JSON.stringify(line));
			assert.match(line, /^src\/.*:\d+:\d+ (error|warning|information|hint) [a-z-]+ /, line);
		}
		for (const file of shownFiles) assert.ok(lines.some((line) => line.startsWith(`${file}:2:11 error undeclared-group-type `)), file);
		assert.ok(!lines.some((line) => line.startsWith('src/ok.ts:')), 'the newline in a name forges no finding');
	});

	it('json and sarif: the same names, and SARIF URIs that name the very bytes', () => {
		const run = trackplan(['check', '.', '--format', 'sarif'], workspace);
		assert.equal(run.code, 1);
		const results = (JSON.parse(run.stdout) as { runs: { results: { message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] }).runs[0]!.results;
		assert.equal(results.length, diagnostics.length);
		const uris = results.map((r) => r.locations[0]!.physicalLocation.artifactLocation.uri);
		for (const name of hostileFileNames) assert.equal(uris.filter((uri) => uri === `src/${name.uri}`).length, 1, `${name.what}: ${name.uri} in ${uris.join(' ')}`);
		for (const uri of uris) assert.match(uri, /^[A-Za-z0-9\-._~!'()*%/]+$/, 'a URI reference: every other character percent-encoded');
	});

	it('junit: well-formed XML, one test case per file, named as the other formats name it', () => {
		const run = trackplan(['check', '.', '--format', 'junit'], workspace);
		assert.equal(run.code, 1);
		const testCases = elementsNamed(parseXml(run.stdout), 'testcase');
		const names = testCases.map((t) => t.attributes.name!);
		assertEachFileReported(names);
		for (const testCase of testCases) {
			assert.doesNotMatch(testCase.attributes.name!, unprintable);
			for (const failure of elementsNamed(testCase, 'failure')) {
				assert.doesNotMatch(failure.attributes.message!, unprintable);
				assert.doesNotMatch(failure.text, unprintable);
			}
		}
	});

	it('github: one workflow command a finding, properties that split where the runner splits them', () => {
		const run = trackplan(['check', '.', '--format', 'github'], workspace);
		assert.equal(run.code, 1);
		const lines = run.stdout.replace(/\n$/, '').split('\n');
		assert.equal(lines.length, diagnostics.length);
		const files: string[] = [];
		for (const line of lines) {
			assert.doesNotMatch(line, unprintable, JSON.stringify(line));
			// The runner's parse: `::command properties::message`, properties split at `,`, each at its first `=`.
			const command = /^::(error|warning|notice) ([^:]*)::(.*)$/.exec(line);
			assert.ok(command, line);
			const properties = new Map(command[2]!.split(',').map((p) => [p.slice(0, p.indexOf('=')), unescapeCommand(p.slice(p.indexOf('=') + 1))] as const));
			assert.deepEqual([...properties.keys()], ['file', 'line', 'col', 'endLine', 'endColumn', 'title'], line);
			files.push(properties.get('file')!);
		}
		assertEachFileReported(files.filter((f) => f !== 'src/names.ts'));
	});
});

describe('trackplan check with hostile names in code', () => {
	const shown = (name: string) => diagnostics.filter((d) => d.file === 'src/names.ts' && d.message.includes(name));

	it('reports each name once per use (group type, property, event), exactly as written, in JSON', () => {
		for (const { what, name } of hostileCodeNames) {
			assert.deepEqual(
				shown(`"${name}"`).map((d) => d.code),
				['undeclared-group-type', 'undeclared-group-property', 'unknown-event'],
				what,
			);
		}
	});

	it('text and github show each name escaped (printableText), never raw', () => {
		const text = trackplan(['check', '.'], workspace).stdout;
		const github = trackplan(['check', '.', '--format', 'github'], workspace).stdout;
		let escaped = 0;
		for (const { what, name } of hostileCodeNames) {
			assert.ok(text.includes(`Group type "${printableText(name)}"`), `${what} in text`);
			assert.ok(github.includes(`Group type "${printableText(name).replace(/%/g, '%25')}"`), `${what} in github`);
			if (printableText(name) === name) continue;
			escaped++;
			assert.ok(!text.includes(name) && !github.includes(name), `${what}: not raw`);
		}
		assert.ok(escaped >= 9, `${escaped} names needed escaping`);
	});
});

/** What the runner makes of an escaped property value (the inverse of formatGithub's escapeProperty). */
function unescapeCommand(value: string): string {
	return value.replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}

const MarkdownIt = require('markdown-it') as new (options: object) => { render(markdown: string): string };
const markdownRenderer = new MarkdownIt({ html: true, linkify: true });

describe('trackplan report with hostile names', () => {
	// Not the names that are not UTF-8: the test after this loop shows those.
	const reportWorkspace = hostileNamesWorkspace(hostileFileNames.filter((name) => Buffer.from(name.bytes.toString('utf8')).equals(name.bytes)));

	for (const format of ['md', 'csv', 'html']) {
		it(`--format ${format}: written whole, no name raw that its reader acts on`, () => {
			const run = trackplan(['report', '.', '--format', format], reportWorkspace);
			assert.equal(run.code, 0, run.stderr);
			assert.doesNotMatch(run.stdout, /[\p{Cs}\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\u2028\u2029]/u);
			// What a reader shows: the page as it is, the Markdown rendered (raw HTML and autolinks on).
			const page = format === 'md' ? markdownRenderer.render(run.stdout) : run.stdout;
			if (format === 'csv') return;
			for (const [element] of page.matchAll(/<[a-zA-Z][^>]*>/g)) assert.doesNotMatch(element, /^<(img|script|iframe)|\son\w+=|javascript:|evil/i, element);
			for (const { name } of hostileCodeNames) assert.ok(!run.stdout.includes(name) || printableText(name) === name, JSON.stringify(name));
		});
	}

	it('shows a file whose name is not UTF-8, linked to its bytes', () => {
		const run = trackplan(['report', '.', '--format', 'md'], workspace);
		assert.equal(run.code, 0, run.stderr);
		assert.match(run.stdout, /\[src\/\\\\xff\\\\xfe\.ts:2\]\(src\/%FF%FE\.ts#L2\)/);
	});
});

describe('trackplan check with a file it cannot read, whose name is not UTF-8', () => {
	it('says it skipped it, under its escaped name, and fails the check', async () => {
		const files = new NodeFileSystem();
		const denied = Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
		const readTextUpTo = files.readTextUpTo.bind(files);
		files.readTextUpTo = async (uri, maxBytes) => (uri.includes('%FF%FE') ? Promise.reject(denied) : readTextUpTo(uri, maxBytes));
		let stderr = '';
		const code = await runCli(['check', '.'], { cwd: workspace, stdout: () => {}, stderr: (text) => (stderr += text), files });
		assert.match(stderr, /^trackplan: skipped .*\/src\/\\xff\\xfe\.ts: EACCES: permission denied$/m);
		assert.equal(code, 1);
	});
});
