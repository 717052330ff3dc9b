import * as assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import Ajv from 'ajv';
import { ruleCatalog } from '../../core/src/index';
import type { CheckReport } from '../../cli/src/checkReport';
import { escapeData, escapeProperty, formatGithub } from '../../cli/src/formatGithub';
import { formatJunit } from '../../cli/src/formatJunit';
import { fixturesRoot } from '../support/paths';
import { copyOfExample, trackplan, trackplanInProcess } from './support/runTrackplan';
import { elementsNamed, parseXml } from './support/xmlDocument';

interface JsonOutput {
	diagnostics: { file: string; range: { start: { line: number; character: number }; end: { line: number; character: number } }; severity: string; code: string; message: string }[];
	summary: { errors: number; warnings: number; files: number };
}

interface SarifLog {
	version: string;
	runs: {
		tool: { driver: { rules: { id: string; help: { text: string } }[] } };
		results: {
			ruleId: string;
			ruleIndex: number;
			level: string;
			message: { text: string };
			locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number; endLine: number; endColumn: number } } }[];
			partialFingerprints: Record<string, string>;
		}[];
	}[];
}

/**
 * The SARIF 2.1.0 JSON Schema (draft-07) as published by OASIS (sarif-spec, Schemata/), taken from
 * the npm package @datadog/datadog-ci-plugin-sarif 5.25.0, which ships it to validate uploads.
 */
function sarifValidator() {
	const schema = JSON.parse(readFileSync(path.join(fixturesRoot, 'sarif/sarif-schema-2.1.0.json'), 'utf8'));
	const ajv = new Ajv({ strict: false, allErrors: true });
	ajv.addFormat('uri', /^[A-Za-z][A-Za-z0-9+.-]*:\S*$/);
	ajv.addFormat('uri-reference', /^\S*$/);
	ajv.addFormat('date-time', (value: string) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/.test(value) && !Number.isNaN(Date.parse(value)));
	return ajv.compile(schema);
}

const example = 'examples/acme-saas';
let json: JsonOutput;
before(async () => {
	json = JSON.parse((await trackplanInProcess(['check', example, '--format', 'json'])).stdout) as JsonOutput;
});

describe('trackplan check --format sarif', () => {
	// The bundle, as CI runs it (the other tests run the same code in this process).
	const run = trackplan(['check', example, '--format', 'sarif']);
	const sarif = JSON.parse(run.stdout) as SarifLog;

	it('validates against the published SARIF 2.1.0 schema', async () => {
		const validate = sarifValidator();
		assert.ok(validate(sarif), JSON.stringify(validate.errors, null, 2));
		assert.equal(sarif.version, '2.1.0');
	});

	it('describes every rule code once, with its help text', async () => {
		const rules = sarif.runs[0]!.tool.driver.rules;
		assert.deepEqual(
			rules.map((r) => r.id),
			Object.keys(ruleCatalog).sort(),
		);
		for (const rule of rules) assert.ok(rule.help.text.startsWith(ruleCatalog[rule.id as keyof typeof ruleCatalog].summary), rule.id);
	});

	it('gives every finding as a result with its 1-based physical location, and exits like the text format', async () => {
		const results = sarif.runs[0]!.results;
		assert.equal(results.length, json.diagnostics.length);
		results.forEach((result, i) => {
			const diagnostic = json.diagnostics[i]!;
			const location = result.locations[0]!.physicalLocation;
			assert.equal(result.ruleId, diagnostic.code);
			assert.equal(sarif.runs[0]!.tool.driver.rules[result.ruleIndex]!.id, result.ruleId);
			assert.equal(result.message.text, diagnostic.message);
			assert.equal(location.artifactLocation.uri, diagnostic.file);
			assert.deepEqual(location.region, {
				startLine: diagnostic.range.start.line + 1,
				startColumn: diagnostic.range.start.character + 1,
				endLine: diagnostic.range.end.line + 1,
				endColumn: diagnostic.range.end.character + 1,
			});
			assert.equal(result.level, diagnostic.severity === 'error' || diagnostic.severity === 'warning' ? diagnostic.severity : 'note');
		});
		assert.equal(run.code, (await trackplanInProcess(['check', example])).code);
	});

	it('keeps partial fingerprints unique, and stable when unrelated lines move', async () => {
		const workspace = copyOfExample();
		const earlier = JSON.parse((await trackplanInProcess(['check', '.', '--format', 'sarif'], workspace)).stdout) as SarifLog;
		const shareDialog = path.join(workspace, 'web/src/dashboards/ShareDialog.tsx');
		writeFileSync(shareDialog, `// a comment\n// pushed in by an unrelated change\n\n${readFileSync(shareDialog, 'utf8')}`);
		const later = JSON.parse((await trackplanInProcess(['check', '.', '--format', 'sarif'], workspace)).stdout) as SarifLog;
		const fingerprints = (log: SarifLog) => log.runs[0]!.results.map((r) => r.partialFingerprints['trackplan/v1']!);
		assert.equal(new Set(fingerprints(earlier)).size, earlier.runs[0]!.results.length, 'one fingerprint per result');
		assert.deepEqual(fingerprints(later), fingerprints(earlier));
		const line = (log: SarifLog) =>
			log.runs[0]!.results.find((r) => r.locations[0]!.physicalLocation.artifactLocation.uri.endsWith('ShareDialog.tsx'))!.locations[0]!.physicalLocation.region.startLine;
		assert.equal(line(later), line(earlier) + 3);
	});
});

describe('trackplan check --format junit', () => {
	it('is well-formed XML with one test case per checked file and a failure per error', async () => {
		const run = await trackplanInProcess(['check', example, '--format', 'junit']);
		const root = parseXml(run.stdout);
		assert.equal(root.name, 'testsuites');
		const testCases = elementsNamed(root, 'testcase');
		assert.equal(testCases.length, json.summary.files);
		assert.equal(new Set(testCases.map((t) => t.attributes.name)).size, testCases.length);
		const errorsByFile = new Map<string, number>();
		for (const d of json.diagnostics) if (d.severity === 'error') errorsByFile.set(d.file, (errorsByFile.get(d.file) ?? 0) + 1);
		for (const testCase of testCases) {
			assert.equal(elementsNamed(testCase, 'failure').length, errorsByFile.get(testCase.attributes.name!) ?? 0, testCase.attributes.name);
		}
		assert.equal(root.attributes.failures, String(errorsByFile.size));
		assert.equal(root.attributes.tests, String(testCases.length));
		assert.equal(run.code, 1);
	});

	it('escapes what XML cannot hold as it is', async () => {
		const message = 'Bad <group> & "quotes"\nsecond line \u0001 ]]> end';
		const report: CheckReport = {
			plans: [],
			files: ['src/a&b.ts'],
			diagnostics: [{ file: 'src/a&b.ts', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, severity: 'error', code: 'undeclared-group-type', message }],
			calls: [],
			exactPaths: new Map(),
			summary: { errors: 1, warnings: 0, files: 1, calls: 0 },
		};
		const failure = elementsNamed(parseXml(formatJunit(report)), 'failure')[0]!;
		// A name's line break or control character is shown escaped (printableText), never raw: the message stays one line.
		assert.equal(failure.attributes.message, 'Bad <group> & "quotes"\\nsecond line \\x01 ]]> end');
		assert.equal(failure.text, 'src/a&b.ts:1:1 error undeclared-group-type Bad <group> & "quotes"\\nsecond line \\x01 ]]> end');
	});
});

describe('trackplan check --format github', () => {
	it('prints one workflow command per finding in the documented form', async () => {
		const { stdout } = await trackplanInProcess(['check', example, '--format', 'github']);
		const lines = stdout.trimEnd().split('\n');
		assert.equal(lines.length, json.diagnostics.length);
		lines.forEach((line, i) => {
			const d = json.diagnostics[i]!;
			const kind = d.severity === 'error' || d.severity === 'warning' ? d.severity : 'notice';
			assert.equal(
				line,
				`::${kind} file=${d.file},line=${d.range.start.line + 1},col=${d.range.start.character + 1},endLine=${d.range.end.line + 1},endColumn=${d.range.end.character + 1},title=Trackplan ${d.code}::${d.message}`,
			);
		});
	});

	it('escapes %, CR and LF everywhere, and : and , in properties', async () => {
		assert.equal(escapeData('100% done\r\nnext: a, b'), '100%25 done%0D%0Anext: a, b');
		assert.equal(escapeProperty('C:\\src\\a,b.ts 50%'), 'C%3A\\src\\a%2Cb.ts 50%25');
		const report: CheckReport = {
			plans: [],
			files: ['web/a,b:c.ts'],
			diagnostics: [{ file: 'web/a,b:c.ts', range: { start: { line: 2, character: 4 }, end: { line: 3, character: 1 } }, severity: 'hint', code: 'unknown-event', message: 'first\nsecond 5%' }],
			calls: [],
			exactPaths: new Map(),
			summary: { errors: 0, warnings: 0, files: 1, calls: 0 },
		};
		assert.equal(formatGithub(report), '::notice file=web/a%2Cb%3Ac.ts,line=3,col=5,endLine=4,endColumn=2,title=Trackplan unknown-event::first\\nsecond 5%25\n');
	});
});

describe('trackplan check --quiet', () => {
	it('prints and counts errors only', async () => {
		const quiet = await trackplanInProcess(['check', example, '--quiet']);
		const errors = json.diagnostics.filter((d) => d.severity === 'error');
		assert.ok(errors.length > 0 && errors.length < json.diagnostics.length, 'the example has errors and warnings');
		assert.equal(quiet.stdout.trimEnd().split('\n').length, errors.length);
		assert.ok(quiet.stdout.split('\n').filter(Boolean).every((line) => / error /.test(line)));
		assert.match(quiet.stderr, new RegExp(`^${errors.length} errors, 0 warnings`));
		const quietJson = JSON.parse((await trackplanInProcess(['check', example, '--quiet', '--format', 'json'])).stdout) as JsonOutput;
		assert.deepEqual(quietJson.diagnostics, errors);
	});

	it('ignores warnings in the exit code, even over --max-warnings', async () => {
		const fixture = 'test/fixtures/plans/six-group-types';
		assert.equal((await trackplanInProcess(['check', fixture, '--rule', 'group-type-limit=warning', '--max-warnings', '0'])).code, 1);
		const quiet = await trackplanInProcess(['check', fixture, '--rule', 'group-type-limit=warning', '--max-warnings', '0', '--quiet']);
		assert.equal(quiet.code, 0);
		assert.equal(quiet.stdout, '');
	});
});

describe('output stability', () => {
	it('gives byte-identical output for the same tree in every format', async () => {
		for (const format of ['text', 'json', 'sarif', 'junit', 'github']) {
			const first = await trackplanInProcess(['check', example, '--format', format]);
			const second = await trackplanInProcess(['check', example, '--format', format]);
			assert.equal(second.stdout, first.stdout, format);
			assert.equal(second.stderr, first.stderr, format);
		}
		for (const format of ['md', 'csv', 'html']) {
			const first = await trackplanInProcess(['report', example, '--format', format]);
			assert.equal(first.code, 0, first.stderr);
			assert.equal((await trackplanInProcess(['report', example, '--format', format])).stdout, first.stdout, format);
		}
		// And across processes, from the bundle.
		assert.equal(trackplan(['check', example, '--format', 'junit']).stdout, trackplan(['check', example, '--format', 'junit']).stdout);
	});
});
