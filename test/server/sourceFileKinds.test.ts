import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { toUri } from '../../node/src/nodeFileSystem';
import { defaultFrontEnds } from '../../core/src/scan/frontEnds';
import { sourceExtensions } from '../../core/src/scan/sourceFileKinds';
import { LspTestClient } from '../support/lspTestClient';

const typed = (type: string) => `import { setGroup } from '@amplitude/analytics-browser';\nconst id: string = '1';\nsetGroup('${type}' as const, id);\n`;

describe('the server reads the files the front ends declare', () => {
	const folder = mkdtempSync(path.join(tmpdir(), 'trackplan-file-kinds-'));
	mkdirSync(path.join(folder, 'src'));
	writeFileSync(path.join(folder, 'tracking-plan.yaml'), 'groupTypes:\n  company: { level: user }\n');
	writeFileSync(path.join(folder, 'src', 'esm.mts'), typed('undeclared_in_mts'));
	writeFileSync(path.join(folder, 'src', 'cjs.cts'), typed('undeclared_in_cts'));
	const client = new LspTestClient({ folder });

	before(async () => {
		await client.initialize();
		await client.waitForInitialIndex();
	});
	after(() => client.dispose());

	it('watches every extension a front end reads, and YAML', async () => {
		await client.waitFor(() => client.registrations.some((r) => r.method === 'workspace/didChangeWatchedFiles'), 'the file watcher registration');
		const watcher = client.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles')!;
		const [{ globPattern }] = (watcher.registerOptions as { watchers: { globPattern: string }[] }).watchers as [{ globPattern: string }];
		const extensions = /^\*\*\/\*\.\{(.*)\}$/.exec(globPattern)![1]!.split(',');
		assert.deepEqual(extensions, [...sourceExtensions(defaultFrontEnds.map((frontEnd) => frontEnd.files)), '.yaml', '.yml'].map((e) => e.slice(1)));
		assert.ok(extensions.includes('mts') && extensions.includes('cts'));
	});

	it('diagnoses .mts and .cts files in the workspace, as TypeScript', async () => {
		for (const name of ['esm.mts', 'cjs.cts']) {
			const diagnostics = await client.pull(toUri(path.join(folder, 'src', name)));
			assert.deepEqual(diagnostics.map((d) => d.code), ['undeclared-group-type'], name);
		}
	});
});
