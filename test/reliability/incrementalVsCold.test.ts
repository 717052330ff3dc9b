import * as assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { FileChangeType } from 'vscode-languageserver';
import { defaultFrontEnds, neverCancelled, WorkspaceIndex } from '../../core/src/index';
import { toUri } from '../../node/src/nodeFileSystem';
import { LspTestClient } from '../support/lspTestClient';
import { copyOfExample } from '../server/exampleWorkspace';
import { coldDiagnostics, compareDiagnostics, EditScenario, serverDiagnostics } from './support/editScenario';
import { fuzzSettings } from './support/fuzzSettings';
import { Random } from './support/random';

/**
 * The differential test (issue 7): a seeded random session of edits, file creations, deletions,
 * renames and plan edits goes through the language server over a real LSP connection (in-process,
 * on a copy of examples/acme-saas); then what the server reports for every file must equal what a
 * cold whole-workspace check of the final state on disk reports (code, range, severity, message).
 * The open documents' text is saved first. The comparison also runs at checkpoints along the way,
 * so a disagreement is caught near the operation that caused it.
 *
 * `npm test` runs one session of 500 operations with the fixed seed (support/fuzzSettings.ts), compared
 * every 10 operations; `npm run test:fuzz` runs several. TRACKPLAN_DIFF_OPERATIONS sets the length,
 * TRACKPLAN_DIFF_SESSIONS the number of sessions (seeds seed, seed+1, …), TRACKPLAN_FUZZ_SEED the seed,
 * TRACKPLAN_DIFF_CHECKPOINT_EVERY the comparison interval. A failure names the seed, lists the
 * operations since the last agreement, and writes the whole session to a log file.
 */
const operations = Number(process.env.TRACKPLAN_DIFF_OPERATIONS ?? 500);
const sessions = Number(process.env.TRACKPLAN_DIFF_SESSIONS ?? 1);
const checkpointEvery = Number(process.env.TRACKPLAN_DIFF_CHECKPOINT_EVERY ?? 10);

async function runSession(seed: number, report: (line: string) => void): Promise<void> {
	const started = Date.now();
	const example = copyOfExample();
	const client = new LspTestClient({ folder: example.folder });
	const folderUri = toUri(example.folder);
	try {
		await client.initialize();
		await client.waitForInitialIndex();
		const scenario = new EditScenario({ folder: example.folder, client, random: new Random(seed) });
		await scenario.settled();
		let lastCheckpoint = 0;
		/** Diagnostics (over all files) at each checkpoint: shows the session kept the workspace checkable. */
		const counts: number[] = [];
		const compare = async (after: number): Promise<void> => {
			await scenario.saveOpenDocuments();
			await scenario.settled();
			const server = await serverDiagnostics(client, [...scenario.open.keys()].map((file) => scenario.uri(file)));
			const cold = await coldDiagnostics(example.folder);
			const differences = compareDiagnostics(cold, server, folderUri);
			if (differences.length > 0) {
				const logFile = path.join(example.folder, '..', `trackplan-differential-${seed}.log`);
				writeFileSync(logFile, scenario.log.map((line, i) => `${i + 1}. ${line}`).join('\n'));
				assert.fail(
					[
						`Incremental and cold disagree after operation ${after} (seed ${seed}; agreed after operation ${lastCheckpoint}; the whole session is in ${logFile}).`,
						'Operations since they last agreed:',
						...scenario.log.slice(lastCheckpoint, after).map((line, i) => `  ${lastCheckpoint + i + 1}. ${line}`),
						'Differences:',
						...differences,
					].join('\n'),
				);
			}
			counts.push([...cold.values()].reduce((sum, list) => sum + list.length, 0));
			lastCheckpoint = after;
		};
		for (let i = 1; i <= operations; i++) {
			await scenario.step();
			if (i % checkpointEvery === 0 || i === operations) await compare(i);
		}
		report(
			`seed ${seed}: ${operations} operations replayed in ${Date.now() - started} ms; ${counts.length} checkpoints agreed (diagnostics in the workspace: min ${Math.min(...counts)}, median ${[...counts].sort((a, b) => a - b)[counts.length >> 1]}, max ${Math.max(...counts)}); ${scenario.summary()}`,
		);
	} finally {
		await client.dispose();
		rmSync(example.folder, { recursive: true, force: true });
	}
}

describe('differential: the language server after a random session equals a cold check of the final state', () => {
	for (let session = 0; session < sessions; session++) {
		const seed = fuzzSettings.seed + session;
		it(`${operations} random operations (seed ${seed})`, async (t) => {
			await runSession(seed, (line) => t.diagnostic(line));
		});
	}
});

/**
 * What the differential test found, each replayed on its own (shrunk by hand from the logged
 * sessions), so the fixes stay fixed whatever the random sessions happen to do.
 */
describe('differential: disagreements found by the random sessions stay fixed', () => {
	it('a plan edit that changes the Segment traits re-resolves cached Segment calls (core: the resolved-calls cache ignored the plan)', () => {
		const planUri = 'file:///workspace/tracking-plan.yaml';
		const sourceUri = 'file:///workspace/marketing.ts';
		const plan = (valueTrait: string) => `segment:\n  destination: classic\n  groupTypeTrait: group_type\n  groupValueTrait: ${valueTrait}\ngroupTypes:\n  company_id: { level: user }\n`;
		const source = [
			"import { AnalyticsBrowser } from '@segment/analytics-next';",
			"const analytics = AnalyticsBrowser.load({ writeKey: 'k' });",
			"analytics.group('1', { group_type: 'compnay_id', name: 'Acme' });",
			'',
		].join('\n');
		const build = (valueTrait: string) => {
			const index = new WorkspaceIndex({ frontEnds: defaultFrontEnds });
			index.setPlan(planUri, plan(valueTrait));
			index.setSource(sourceUri, source);
			return index;
		};
		const codes = (index: WorkspaceIndex) => index.findings(sourceUri, {}, neverCancelled).map((f) => f.code);
		const incremental = build('group_value');
		assert.deepEqual(codes(incremental), ['segment-group-fallback'], 'no group_value trait: Segment falls back');
		incremental.setPlan(planUri, plan('name'));
		assert.deepEqual(codes(incremental), codes(build('name')));
		assert.deepEqual(codes(incremental), ['undeclared-group-type']);
	});

	it('a file created after the file that imports names from it is read, so the import resolves (core: imports were followed only from the file just updated)', async () => {
		const planUri = 'file:///workspace/tracking-plan.yaml';
		const importer = 'file:///workspace/src/uses.ts';
		const exporter = 'file:///workspace/src/constants.ts';
		const texts: Record<string, string> = {
			[importer]: "import * as amplitude from '@amplitude/analytics-browser';\nimport { EXTRA_GROUP } from './constants';\namplitude.setGroup(EXTRA_GROUP, '1');\n",
			[exporter]: "export const EXTRA_GROUP = 'compnay_id';\n",
		};
		const index = new WorkspaceIndex({ frontEnds: defaultFrontEnds });
		index.setPlan(planUri, 'groupTypes:\n  company_id: { level: user }\n');
		index.setSource(importer, texts[importer]!);
		await index.loadImportedFiles(async (uri) => texts[uri], neverCancelled, [importer]);
		assert.deepEqual(index.findings(importer, {}, neverCancelled).map((f) => f.code), ['unresolved-group-type'], 'constants.ts does not exist yet');
		index.setSource(exporter, texts[exporter]!);
		await index.loadImportedFiles(async (uri) => texts[uri], neverCancelled, [exporter]);
		assert.deepEqual(index.findings(importer, {}, neverCancelled).map((f) => f.code), ['undeclared-group-type']);
	});

	describe('over the language server', () => {
		const example = copyOfExample();
		const client = new LspTestClient({ folder: example.folder });
		const folderUri = toUri(example.folder);
		const file = (relative: string) => path.join(example.folder, relative);
		const settle = () => client.pull(toUri(file('.settled.ts')));
		const watched = (changes: [string, FileChangeType][]) =>
			client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: changes.map(([relative, type]) => ({ uri: example.uri(relative), type })) });
		const disagreements = async (openFiles: string[]) => {
			await settle();
			return compareDiagnostics(await coldDiagnostics(example.folder), await serverDiagnostics(client, openFiles.map((f) => example.uri(f))), folderUri);
		};
		const PLAN = 'tracking-plan.yaml';
		const CREATE = 'api/src/workspaces/createWorkspace.ts';
		const originalPlan = example.text(PLAN);
		let planVersion = 1;

		before(async () => {
			await client.initialize();
			await client.waitForInitialIndex();
		});
		after(async () => {
			await client.dispose();
			rmSync(example.folder, { recursive: true, force: true });
		});

		it('files in node_modules are never checked, even when opened or reported by the watcher and the plan does not exclude them', async () => {
			writeFileSync(file(PLAN), originalPlan.replace(/exclude: \[.*\]/, 'exclude: []'));
			await watched([[PLAN, FileChangeType.Changed]]);
			const vendored = 'web/node_modules/pkg/index.ts';
			const text = "import * as amplitude from '@amplitude/analytics-browser';\namplitude.setGroup('compnay_id', '1');\n";
			mkdirSync(path.dirname(file(vendored)), { recursive: true });
			writeFileSync(file(vendored), text);
			await watched([[vendored, FileChangeType.Created]]);
			await settle();
			const report = await client.request<{ items: { uri: string }[] }>('workspace/diagnostic', { previousResultIds: [] });
			assert.deepEqual(report.items.filter((item) => item.uri.includes('node_modules')), []);
			await client.open(example.uri(vendored), text);
			await settle();
			assert.deepEqual(await client.pull(example.uri(vendored)), []);
			assert.deepEqual(await disagreements([vendored]), []);
			await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: example.uri(vendored) } });
			rmSync(file(vendored));
			await watched([[vendored, FileChangeType.Deleted]]);
			writeFileSync(file(PLAN), originalPlan);
			await watched([[PLAN, FileChangeType.Changed]]);
		});

		it("a file in a folder the plan's excludes prune (dist/) is not read, so other files cannot import names from it", async () => {
			const constants = 'api/src/extra/dist/consts.ts';
			const importer = 'api/src/extra/usesDist.ts';
			mkdirSync(path.dirname(file(constants)), { recursive: true });
			writeFileSync(file(constants), "export const EXTRA_GROUP = 'compnay_id';\n");
			writeFileSync(file(importer), "import * as amplitude from '@amplitude/analytics-browser';\nimport { EXTRA_GROUP } from './dist/consts';\namplitude.setGroup(EXTRA_GROUP, '1');\n");
			await watched([
				[constants, FileChangeType.Created],
				[importer, FileChangeType.Created],
			]);
			await settle();
			assert.deepEqual(
				(await client.pull(example.uri(importer))).map((d) => d.code),
				['unresolved-group-type'],
			);
			await client.open(example.uri(constants), readFileSync(file(constants), 'utf8'));
			assert.deepEqual(await disagreements([constants]), []);
			await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: example.uri(constants) } });
			rmSync(file('api/src/extra'), { recursive: true });
			await watched([
				[constants, FileChangeType.Deleted],
				[importer, FileChangeType.Deleted],
			]);
		});

		it('a file created after the file that imports from it makes the import resolve', async () => {
			const importer = 'web/src/extra/UsesConstants.ts';
			const exporter = 'web/src/extra/Constants.ts';
			mkdirSync(path.dirname(file(importer)), { recursive: true });
			writeFileSync(file(importer), "import * as amplitude from '@amplitude/analytics-browser';\nimport { EXTRA_GROUP } from './Constants';\namplitude.setGroup(EXTRA_GROUP, '1');\n");
			await watched([[importer, FileChangeType.Created]]);
			await settle();
			writeFileSync(file(exporter), "export const EXTRA_GROUP = 'compnay_id';\n");
			await watched([[exporter, FileChangeType.Created]]);
			await settle();
			assert.deepEqual(
				(await client.pull(example.uri(importer))).map((d) => d.code),
				['undeclared-group-type'],
			);
			assert.deepEqual(await disagreements([]), []);
			rmSync(file('web/src/extra'), { recursive: true });
			await watched([
				[importer, FileChangeType.Deleted],
				[exporter, FileChangeType.Deleted],
			]);
		});

		it("editing the plan's sources globs in the editor changes which files are checked, as a cold check reads them", async () => {
			await client.open(example.uri(PLAN), originalPlan, 'yaml', planVersion);
			await settle();
			assert.ok((await client.pull(example.uri(CREATE))).length > 0, 'createWorkspace.ts is checked at first');
			const webOnly = originalPlan.replace('include: ["web/**", "api/**", "billing/**"]', 'include: ["web/**"]');
			assert.notEqual(webOnly, originalPlan, 'the example plan has changed its sources.include');
			await client.change(example.uri(PLAN), webOnly, ++planVersion);
			await settle();
			assert.deepEqual(await client.pull(example.uri(CREATE)), [], 'api/ is no longer included');
			writeFileSync(file(PLAN), webOnly);
			assert.deepEqual(await disagreements([PLAN]), []);
			await client.change(example.uri(PLAN), originalPlan, ++planVersion);
			await settle();
			assert.ok((await client.pull(example.uri(CREATE))).length > 0, 'api/ is included again');
			writeFileSync(file(PLAN), originalPlan);
			assert.deepEqual(await disagreements([PLAN]), []);
		});

		it('a document deleted on disk while open stays checked when a plan edit re-reads the folders', async () => {
			const text = readFileSync(file(CREATE), 'utf8');
			await client.open(example.uri(CREATE), text);
			rmSync(file(CREATE));
			await watched([[CREATE, FileChangeType.Deleted]]);
			await client.change(example.uri(PLAN), originalPlan.replace('"**/*.test.ts"', '"**/*.spec.ts"'), ++planVersion);
			await settle();
			assert.ok((await client.pull(example.uri(CREATE))).some((d) => d.code === 'undeclared-group-type'), 'the open document is still checked');
			writeFileSync(file(CREATE), text);
			await watched([[CREATE, FileChangeType.Created]]);
			writeFileSync(file(PLAN), originalPlan.replace('"**/*.test.ts"', '"**/*.spec.ts"'));
			assert.deepEqual(await disagreements([PLAN, CREATE]), []);
		});
	});
});
