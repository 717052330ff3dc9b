import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { LspTestClient } from '../support/lspTestClient';
import { cliPath, repoRoot } from '../support/paths';
import { copyOfExample } from '../server/exampleWorkspace';

const denyNetwork = path.join(repoRoot, 'test/support/denyNetwork.cjs');

function networkLog(): string {
	return path.join(mkdtempSync(path.join(tmpdir(), 'trackplan-net-')), 'attempts.log');
}

describe('Trackplan never opens a network connection', () => {
	it('the stub really catches a connection attempt', () => {
		const log = networkLog();
		const result = spawnSync(process.execPath, ['--require', denyNetwork, '-e', "require('node:https').get('https://example.invalid/')"], {
			encoding: 'utf8',
			env: { ...process.env, TRACKPLAN_NETWORK_LOG: log },
		});
		assert.notEqual(result.status, 0);
		assert.match(readFileSync(log, 'utf8'), /https\.request/);
	});

	it('the CLI checks the example and every call fixture with the network modules stubbed to throw', () => {
		const log = networkLog();
		for (const target of ['examples/acme-saas', 'test/fixtures/calls']) {
			const result = spawnSync(process.execPath, ['--require', denyNetwork, cliPath, 'check', target, '--format', 'json'], {
				cwd: repoRoot,
				encoding: 'utf8',
				env: { ...process.env, TRACKPLAN_NETWORK_LOG: log },
			});
			assert.ok(result.status === 0 || result.status === 1, `${target}: exit ${result.status}\n${result.stderr}`);
			assert.ok(JSON.parse(result.stdout).calls.length > 0);
		}
		assert.equal(existsSync(log), false, existsSync(log) ? readFileSync(log, 'utf8') : '');
	});

	it('the bundled language server indexes, diagnoses, hovers and completes with the network stubbed', async () => {
		const log = networkLog();
		const previous = { options: process.env.NODE_OPTIONS, log: process.env.TRACKPLAN_NETWORK_LOG };
		process.env.NODE_OPTIONS = `--require ${denyNetwork}`;
		process.env.TRACKPLAN_NETWORK_LOG = log;
		const example = copyOfExample();
		const client = new LspTestClient({ folder: example.folder, bundle: path.join(repoRoot, 'dist/server.js') });
		process.env.NODE_OPTIONS = previous.options ?? '';
		if (previous.log === undefined) delete process.env.TRACKPLAN_NETWORK_LOG;
		try {
			await client.initialize();
			const uri = example.uri('api/src/billing/seats.ts');
			await client.open(uri, example.text('api/src/billing/seats.ts'));
			await client.waitFor(async () => (await client.request<{ items: unknown[] }>('workspace/diagnostic', { previousResultIds: [] })).items.length > 0, 'workspace diagnostics');
			assert.ok(await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 13, character: 34 } }));
		} finally {
			await client.dispose();
		}
		assert.equal(existsSync(log), false, existsSync(log) ? readFileSync(log, 'utf8') : '');
	});
});
