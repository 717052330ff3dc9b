import * as assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import * as fc from 'fast-check';
import { neverCancelled } from '../../core/src/index';
import { javaScriptFrontEnd } from '../../core/src/scan/javascript/index';
import { fuzzedWorkspaces, loadWorkspace, type LoadedWorkspace } from './support/fixtureWorkspaces';
import { assertSeedIsReported, runAsyncFuzzTarget, runFuzzTarget } from './support/fuzzSettings';
import { findingsOutside, rangesOutside } from './support/rangeChecks';
import { mutatedSource, randomSource, sourceFixtures, type SourceFixture } from './support/sourceInputs';

/**
 * Fuzzing the JS/TS scanner and the whole index (issue 7): the fixture sources of the call fixtures
 * and the example app, cut into TypeScript scanner tokens and broken by dropping, duplicating,
 * swapping, replacing and inserting tokens (brackets, quotes, comment and template openers, call
 * words), never make the front end fail, and every range it reports lies inside the file; the same
 * broken files in their workspace, with the workspace's plan, never make the index or a rule fail,
 * and every call and finding lies inside its document. `scanJavaScriptFile` turns an exception into
 * `scanError` (so a host never sees it); these tests count that as a failure.
 */
const fixtures = sourceFixtures();

/** The front end over one text: throws (assert) on a failure, a range outside the text, or a call the prefilter would have skipped. */
function scanText(uri: string, text: string): void {
	const facts = javaScriptFrontEnd.scan(uri, text);
	assert.equal(facts.scanError, undefined, 'the front end failed (scanError)');
	assert.deepEqual(rangesOutside(facts, text.length, 'facts'), []);
	// The prefilter (which keeps ordinary files from being parsed at all) never rejects a file the scanner finds a call in.
	if (facts.calls.length > 0 || facts.candidateCalls.length > 0) assert.ok(javaScriptFrontEnd.mayContainGroupCalls(text), 'the prefilter rejects a file with a recognised call');
}

describe('fuzzing: token-mutated and random JS/TS never make the scanner fail, and its ranges stay inside the file', () => {
	it(`the fixture sources themselves pass (${fixtures.length} files)`, () => {
		assert.ok(fixtures.length >= 35, `${fixtures.length} fixtures`);
		for (const fixture of fixtures) scanText(fixture.uri, fixture.text);
	});

	it('fixture sources with tokens dropped, duplicated, swapped, replaced and inserted', (t) => {
		runFuzzTarget('token-mutated sources (scanner)', mutatedSource(fixtures), ({ fixture, text }) => scanText(fixtures[fixture]!.uri, text), 400, (line) => t.diagnostic(line));
	});

	it('random token soup, under every file kind the front end reads', (t) => {
		const extensions = ['ts', 'tsx', 'js', 'jsx', 'mjs', 'cjs', 'vue', 'svelte', 'html'];
		runFuzzTarget(
			'random token soup (scanner)',
			fc.record({ extension: fc.constantFrom(...extensions), text: randomSource }),
			({ extension, text }) => scanText(`file:///workspace/src/random.${extension}`, text),
			1000,
			(line) => t.diagnostic(line),
		);
	});
});

describe('fuzzing: counterexamples the scanner fuzzers found stay fixed', () => {
	it("an unterminated string literal as a Segment trait key at the end of the file: its key range is empty, not reversed (83-82)", () => {
		// Shrunk counterexample of the random-soup target (seed 20260707, 50,000 runs).
		const text = "import * as amplitude from '@amplitude/analytics-browser';\nanalytics.group('1', { \"";
		scanText('file:///workspace/src/random.ts', text);
		const [call] = javaScriptFrontEnd.scan('file:///workspace/src/random.ts', text).calls;
		assert.deepEqual(call?.segmentTraits?.entries.map((entry) => entry.keyRange), [{ start: text.length, end: text.length }]);
	});

	it('an unterminated group type literal at the end of a line: the name range covers the whole name (no closing quote to leave out)', () => {
		const text = "import * as amplitude from '@amplitude/analytics-browser';\namplitude.setGroup('comp\n, '1');\n";
		scanText('file:///workspace/src/random.ts', text);
		const [call] = javaScriptFrontEnd.scan('file:///workspace/src/random.ts', text).calls;
		const range = call!.groups[0]!.type.range;
		assert.equal(text.slice(range.start, range.end), 'comp');
	});
});

describe('fuzzing: token-mutated sources in their workspace never make the index or a rule fail', () => {
	const workspaces: LoadedWorkspace[] = [];
	before(async () => {
		for (const workspace of fuzzedWorkspaces) workspaces.push(await loadWorkspace(workspace));
	});

	/** The workspace a fixture belongs to, when the index holds it (files outside every plan's scope are not indexed). */
	function workspaceOf(fixture: SourceFixture): LoadedWorkspace | undefined {
		return workspaces.find((w) => w.sources.has(fixture.uri));
	}

	it('every call and finding of the workspace stays inside its document, and nothing fails', async (t) => {
		const indexed = fixtures.filter((fixture) => workspaceOf(fixture) !== undefined);
		assert.ok(indexed.length >= 30, `${indexed.length} indexed fixtures`);
		// One to three files of the same workspace broken at once (imports between them included).
		const inputs = fc
			.integer({ min: 0, max: indexed.length - 1 })
			.chain((first) => {
				const workspace = workspaceOf(indexed[first]!)!;
				const siblings = indexed.filter((fixture) => workspaceOf(fixture) === workspace);
				return fc.array(mutatedSource(siblings).map(({ fixture, mutations, text }) => ({ uri: siblings[fixture]!.uri, mutations, text })), { minLength: 1, maxLength: 3 });
			});
		await runAsyncFuzzTarget(
			'token-mutated sources (whole index)',
			inputs,
			async (edits) => {
				const workspace = workspaceOf(fixtures.find((f) => f.uri === edits[0]!.uri)!)!;
				const texts = new Map(workspace.sources);
				for (const edit of edits) texts.set(edit.uri, edit.text);
				workspace.internalErrors.length = 0;
				try {
					for (const edit of edits) workspace.index.setSource(edit.uri, edit.text);
					await workspace.index.loadImportedFiles(async (uri) => texts.get(uri), neverCancelled);
					const findings = workspace.index.allFindings({}, neverCancelled);
					assert.deepEqual(workspace.internalErrors, [], 'the index or a rule failed');
					const lengthOf = (uri: string) => (uri === workspace.planUri ? workspace.planText.length : texts.get(uri)?.length);
					assert.deepEqual(findingsOutside(findings, lengthOf), []);
					for (const { uri, calls } of workspace.index.allCalls()) assert.deepEqual(rangesOutside(calls, texts.get(uri)!.length, uri), []);
					for (const edit of edits) assert.equal(workspace.index.facts(edit.uri)?.scanError, undefined, `the front end failed on ${edit.uri}`);
				} finally {
					for (const edit of edits) workspace.index.setSource(edit.uri, workspace.sources.get(edit.uri)!);
				}
			},
			100,
			(line) => t.diagnostic(line),
		);
	});

	it('runs every target with the seed the settings name, and a failure prints that seed', (t) => {
		t.diagnostic(assertSeedIsReported('scanner fuzzing'));
	});
});
