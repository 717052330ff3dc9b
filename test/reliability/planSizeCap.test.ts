import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver';
import { toUri } from '../../node/src/nodeFileSystem';
import { LspTestClient } from '../support/lspTestClient';
import { tempWorkspace, trackplan, writeFile, writeSparseFile } from './hostileInputsSupport';

/**
 * The plan has a size cap like sources (issue 13; core/src/plan/planSizeLimit.ts, 10 MB by default):
 * a plan over it is never read whole. The CLI stops with a configuration error (exit 2) that says
 * nothing was checked, so CI cannot pass on it; the language server reports one plan-syntax error on
 * the plan and checks nothing it governs. Before, a 100 MB plan was read and parsed (exit 1 for
 * "this file holds a string", 272 MB peak) and a 700 MB one failed on V8's string limit (783 MB).
 */
const sdk = "import * as amplitude from '@amplitude/analytics-browser';\n";
const source = `${sdk}amplitude.setGroup('orgg', 'x');\n`;
const MB = 1024 * 1024;

describe('a plan over the plan size cap, through the CLI', () => {
	const workspace = tempWorkspace({ 'src/app.ts': source, 'nested/src/app.ts': source, 'nested/tracking-plan.yaml': 'groupTypes:\n  org: { level: any }\n' });
	after(() => workspace.remove());

	for (const megabytes of [100, 700]) {
		it(`check with a sparse ${megabytes} MB plan: exit 2, says it was not read and nothing was checked, in bounded memory`, (t) => {
			writeSparseFile(workspace.path('tracking-plan.yaml'), megabytes * MB);
			for (const format of ['text', 'json']) {
				const run = trackplan(workspace.root, ['check', '.', '--format', format]);
				t.diagnostic(`${megabytes} MB plan, --format ${format}: exit ${run.code}, ${run.ms.toFixed(0)} ms, peak ${run.peakMb.toFixed(0)} MB`);
				assert.equal(run.code, 2, run.stderr);
				assert.equal(run.stdout, '', 'no report that could be mistaken for a check');
				assert.match(run.stderr, new RegExp(`^trackplan: The plan .*tracking-plan\\.yaml is ${megabytes}\\.0 MB, over the 10\\.0 MB limit for a plan: it was not read, and nothing was checked\\.`));
				assert.ok(run.peakMb < 150, `peak ${run.peakMb.toFixed(0)} MB`);
			}
		});
	}

	it('the same for --plan, report and a nested plan; the cap follows --max-file-size above 10 MB', () => {
		writeSparseFile(workspace.path('tracking-plan.yaml'), 11 * MB);
		const expected = /The plan .*tracking-plan\.yaml is 11\.0 MB, over the 10\.0 MB limit for a plan/;
		for (const args of [['check', 'src', '--plan', 'tracking-plan.yaml'], ['report', '.'], ['check', 'nested']]) {
			const run = trackplan(workspace.root, args);
			if (args[1] === 'nested') {
				// The nested plan is small and governs the nested folder alone: checked, the big plan not even looked at.
				assert.equal(run.code, 1, run.stderr);
				assert.match(run.stdout, /nested\/src\/app\.ts:2:\d+ error undeclared-group-type/);
				continue;
			}
			assert.equal(run.code, 2, `${args.join(' ')}: ${run.stderr}`);
			assert.match(run.stderr, expected);
		}
		// `init` reads the plans nested below the folder it writes one for.
		writeSparseFile(workspace.path('nested/tracking-plan.yaml'), 11 * MB);
		const init = trackplan(workspace.root, ['init', '.', '--force']);
		assert.equal(init.code, 2, init.stderr);
		assert.match(init.stderr, /nested\/tracking-plan\.yaml is 11\.0 MB/);
		writeFile(workspace.path('nested/tracking-plan.yaml'), 'groupTypes:\n  org: { level: any }\n');
		// Raised with the source cap: the 11 MB plan (all NUL bytes) is read, and found not to be a plan.
		const raised = trackplan(workspace.root, ['check', '.', '--max-file-size', '12mb', '--format', 'json']);
		assert.equal(raised.code, 1, raised.stderr);
		assert.ok((JSON.parse(raised.stdout) as { diagnostics: { file: string; code: string }[] }).diagnostics.some((d) => d.file === 'tracking-plan.yaml' && d.code === 'plan-schema'));
	});
});

describe('a plan over the plan size cap, through the language server', () => {
	const workspace = tempWorkspace({
		'tracking-plan.yaml': 'groupTypes:\n  org: { level: any }\n',
		'src/app.ts': source,
		'team/tracking-plan.yaml': 'groupTypes:\n  org: { level: any }\n',
		'team/src/app.ts': source,
	});
	const uri = (relative: string) => toUri(workspace.path(relative));
	let client: LspTestClient;
	const summary = (diagnostics: Diagnostic[]) => diagnostics.map((d) => [String(d.code), d.severity, typeof d.message === 'string' ? d.message : d.message.value]);

	before(async () => {
		writeSparseFile(workspace.path('team/tracking-plan.yaml'), 100 * MB);
		client = new LspTestClient({ folder: workspace.root });
		await client.initialize();
		await client.waitFor(async () => (await client.pull(uri('src/app.ts'))).length > 0, 'diagnostics on src/app.ts');
	});
	after(async () => {
		await client.dispose();
		workspace.remove();
	});

	it('on disk: one plan-syntax error on the plan, and the files it governs are not checked (not by the parent plan either)', async () => {
		const [finding, ...others] = summary(await client.pull(uri('team/tracking-plan.yaml')));
		assert.deepEqual(others, []);
		assert.equal(finding![0], 'plan-syntax');
		assert.equal(finding![1], 1);
		assert.match(String(finding![2]), /^This plan is 100\.0 MB, over the 10\.0 MB limit for a plan: Trackplan did not read it, so nothing it governs is checked\./);
		assert.deepEqual(await client.pull(uri('team/src/app.ts')), []);
		assert.deepEqual(summary(await client.pull(uri('src/app.ts'))).map(([code]) => code), ['undeclared-group-type']);
	});

	it('open in an editor and typed over the cap: the same; back under it, read and checked again; a watcher event on the big file: not read whole', async () => {
		const plan = uri('tracking-plan.yaml');
		const small = 'groupTypes:\n  org: { level: any }\n';
		await client.open(plan, small, 'yaml');
		const big = `${small}# ${'x'.repeat(11 * MB)}\n`;
		await client.change(plan, big, 2);
		assert.deepEqual(summary(await client.pull(plan)).map(([code]) => code), ['plan-syntax']);
		assert.deepEqual(await client.pull(uri('src/app.ts')), []);
		await client.change(plan, small, 3);
		assert.deepEqual(await client.pull(plan), []);
		assert.deepEqual(summary(await client.pull(uri('src/app.ts'))).map(([code]) => code), ['undeclared-group-type']);
		await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: plan } });
		await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('team/tracking-plan.yaml'), type: 2 }] });
		assert.deepEqual(summary(await client.pull(uri('team/tracking-plan.yaml'))).map(([code]) => code), ['plan-syntax']);
		assert.deepEqual(await client.pull(uri('team/src/app.ts')), []);
	});
});
