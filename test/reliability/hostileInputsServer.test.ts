import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { closeSync, ftruncateSync, openSync, symlinkSync, writeFileSync, writeSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Diagnostic } from 'vscode-languageserver';
import { checkWorkspace, defaultFrontEnds, neverCancelled } from '../../core/src/index';
import { NodeFileSystem, toUri } from '../../node/src/nodeFileSystem';
import { copyOfExample } from '../server/exampleWorkspace';
import { LspTestClient } from '../support/lspTestClient';
import { tempWorkspace } from './hostileInputsSupport';

/**
 * Hostile input through the language server: a plan edited 30 times a second, a document nested
 * 20,000 deep, and file-watcher events about a symbolic link out of the workspace, a FIFO and a
 * 50 MB file. The server keeps answering, its final diagnostics are those of a cold check, and its
 * memory stays bounded.
 */

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/** Heap in use after a full collection, MB. */
function heapMb(): number {
	collectGarbage();
	collectGarbage();
	return process.memoryUsage().heapUsed / 1024 / 1024;
}

const PLAN = 'tracking-plan.yaml';
const CREATE = 'api/src/workspaces/createWorkspace.ts';

type Summary = [code: string, line: number, character: number, message: string];
const messageOf = (d: Diagnostic): string => (typeof d.message === 'string' ? d.message : d.message.value);
const summarise = (diagnostics: readonly Diagnostic[]): Summary[] =>
	diagnostics.map((d): Summary => [String(d.code), d.range.start.line, d.range.start.character, messageOf(d)]).sort((a, b) => a[1] - b[1] || a[2] - b[2] || a[0].localeCompare(b[0]));

describe('a plan edited 30 times a second through the language server', () => {
	const example = copyOfExample();
	const client = new LspTestClient({ folder: example.folder });
	const planUri = example.uri(PLAN);
	const original = example.text(PLAN);
	/** Version `n` of the plan: alternately declares the misspelt "compnay_id" (clearing the diagnostic in createWorkspace.ts) or breaks a level. */
	const planVersion = (n: number): string => {
		const described = original.replace('A workspace inside a company;', `A workspace inside a company (edit ${n});`);
		if (n % 3 === 0) return described.replace('\nevents:', '\n  compnay_id: { level: any }\n\nevents:');
		if (n % 3 === 1) return described.replace('    level: event\n', '    level: events\n');
		return described;
	};

	before(async () => {
		await client.initialize();
		await client.open(planUri, original, 'yaml');
		await client.open(example.uri(CREATE), example.text(CREATE));
		await client.waitFor(async () => (await client.pull(example.uri(CREATE))).length > 0, 'the first diagnostics');
	});
	after(() => client.dispose());

	it('keeps answering while the plan changes, ends with the diagnostics of a cold check, and its memory stays bounded', async (t) => {
		const heapBefore = heapMb();
		const edits = 90;
		const latencies: number[] = [];
		const started = performance.now();
		const pending: Promise<unknown>[] = [];
		for (let n = 1; n <= edits; n++) {
			await client.change(planUri, planVersion(n), n + 1);
			if (n % 5 === 0) {
				// Requests while the plan is changing: each must be answered, and soon.
				const asked = performance.now();
				pending.push(client.pull(example.uri(CREATE)).then(() => latencies.push(performance.now() - asked)));
				pending.push(client.request('textDocument/hover', { textDocument: { uri: planUri }, position: { line: 30, character: 5 } }));
			}
			// 30 edits a second, as a fast typist with auto-repeat (the edit itself takes part of the 33 ms).
			await sleep(Math.max(0, started + n * (1000 / 30) - performance.now()));
		}
		const editing = performance.now() - started;
		await Promise.all(pending);
		const final = planVersion(edits);

		// The last version is what the server now holds: the same diagnostics as a cold check of that plan on disk.
		writeFileSync(path.join(example.folder, PLAN), final);
		const cold = await checkWorkspace(new NodeFileSystem(), { roots: [toUri(example.folder)], frontEnds: defaultFrontEnds }, neverCancelled);
		for (const uri of [planUri, example.uri(CREATE)]) {
			const lines = cold.lineIndexes.get(uri);
			const expected = cold.findings
				.filter((f) => f.uri === uri)
				.map((f): Summary => {
					const start = lines!.positionAt(f.range.start);
					return [f.code, start.line, start.character, f.message];
				})
				.sort((a, b) => a[1] - b[1] || a[2] - b[2] || a[0].localeCompare(b[0]));
			assert.deepEqual(summarise(await client.pull(uri)), expected, uri);
		}
		assert.ok(
			summarise(await client.pull(example.uri(CREATE))).every(([code]) => code !== 'undeclared-group-type'),
			'the final plan declares compnay_id',
		);

		assert.ok(editing < 6_000, `90 edits took ${editing.toFixed(0)} ms`);
		assert.ok(latencies.length === edits / 5 && Math.max(...latencies) < 2_000, `pull latencies ${latencies.map((l) => l.toFixed(0)).join(', ')} ms`);
		const growth = heapMb() - heapBefore;
		t.diagnostic(`90 plan edits in ${editing.toFixed(0)} ms; pulls answered in ${Math.min(...latencies).toFixed(0)}–${Math.max(...latencies).toFixed(0)} ms; heap ${growth >= 0 ? '+' : ''}${growth.toFixed(1)} MB`);
		assert.ok(growth < 40, `the heap grew by ${growth.toFixed(1)} MB over 90 plan versions`);
	});
});

describe('hostile files reaching the language server', () => {
	const outside = tempWorkspace({ 'secret.ts': "import * as amplitude from '@amplitude/analytics-browser';\namplitude.setGroup('outside_type', 'x');\n" }, 'trackplan-outside-');
	const workspace = tempWorkspace({
		'tracking-plan.yaml': 'groupTypes:\n  org: { level: any }\n',
		'src/app.ts': "import * as amplitude from '@amplitude/analytics-browser';\namplitude.setGroup('orgg', 'x');\n",
	});
	const client = new LspTestClient({ folder: workspace.root });
	const uri = (relative: string) => toUri(workspace.path(relative));
	const codesOf = async (relative: string) => (await client.pull(uri(relative))).map((d) => String(d.code));

	before(async () => {
		await client.initialize();
		await client.waitFor(async () => (await codesOf('src/app.ts')).length > 0, 'diagnostics on src/app.ts');
	});
	after(async () => {
		await client.dispose();
		workspace.remove();
		outside.remove();
	});

	it('answers a document nested 20,000 deep with one file-skipped diagnostic, and keeps answering', async () => {
		const deep = `import * as amplitude from '@amplitude/analytics-browser';\namplitude.setGroup('orgg', ${'[\n'.repeat(20_000)}${']'.repeat(20_000)});\n`;
		await client.open(uri('src/deep.ts'), deep);
		const diagnostics = await client.pull(uri('src/deep.ts'));
		assert.deepEqual(
			diagnostics.map((d) => [d.code, d.severity, d.range.start]),
			[['file-skipped', 3, { line: 0, character: 0 }]],
		);
		assert.match(messageOf(diagnostics[0]!), /could not be parsed \(nesting too deep to read\)/);
		assert.deepEqual(await codesOf('src/app.ts'), ['undeclared-group-type']);
	});

	it('a watcher event about a link out of the workspace, a FIFO or a 50 MB file: nothing outside is read, nothing hangs, the big file is skipped', async (t) => {
		symlinkSync(outside.path('secret.ts'), workspace.path('src/leak.ts'));
		const fifo = spawnSync('mkfifo', [workspace.path('src/pipe.ts')]).status === 0;
		// 50 MB: source text up front (so it does not look binary), the rest a hole that costs no disk and no time.
		const fd = openSync(workspace.path('src/big.ts'), 'w');
		writeSync(fd, "import * as amplitude from '@amplitude/analytics-browser';\n" + "amplitude.setGroup('big_type', 'x');\n".repeat(500));
		ftruncateSync(fd, 50 * 1024 * 1024);
		closeSync(fd);
		const heapBefore = heapMb();
		const changed = ['src/leak.ts', 'src/big.ts', ...(fifo ? ['src/pipe.ts'] : [])].map((relative) => ({ uri: uri(relative), type: 1 }));
		await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: changed });
		const asked = performance.now();
		const big = await client.pull(uri('src/big.ts'));
		const answered = performance.now() - asked;
		assert.ok(answered < 5_000, `answered after ${answered.toFixed(0)} ms`);
		assert.deepEqual(
			big.map((d) => [d.code, d.severity]),
			[['file-skipped', 3]],
		);
		assert.match(messageOf(big[0]!), /larger than the size limit \(50\.0 MB > 1\.0 MB\)/);
		assert.deepEqual(await codesOf('src/leak.ts'), [], 'the link is not followed');
		if (fifo) assert.deepEqual(await codesOf('src/pipe.ts'), []);
		const report = await client.request<{ items: { uri: string; items: Diagnostic[] }[] }>('workspace/diagnostic', { previousResultIds: [] });
		assert.ok(report.items.some((item) => item.uri === uri('src/app.ts')), 'the report holds the workspace\'s findings');
		assert.ok(report.items.every((item) => item.items.every((d) => !messageOf(d).includes('outside_type'))));
		const growth = heapMb() - heapBefore;
		t.diagnostic(`watcher events answered in ${answered.toFixed(0)} ms; heap ${growth >= 0 ? '+' : ''}${growth.toFixed(1)} MB`);
		assert.ok(growth < 20, `the heap grew by ${growth.toFixed(1)} MB: the 50 MB file was read`);
		// Closing an editor on the big file goes back to the disk, and to the size cap.
		await client.open(uri('src/big.ts'), "import * as amplitude from '@amplitude/analytics-browser';\namplitude.setGroup('big_type', 'x');\n");
		assert.deepEqual(await codesOf('src/big.ts'), ['undeclared-group-type']);
		await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: uri('src/big.ts') } });
		assert.deepEqual(await codesOf('src/big.ts'), ['file-skipped']);
	});
});
