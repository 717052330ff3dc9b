import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver';
import { toUri } from '../../node/src/nodeFileSystem';
import { tempWorkspace } from '../reliability/hostileInputsSupport';
import { LspTestClient } from '../support/lspTestClient';

/**
 * An open document over `trackplan.maxFileSize` is held to the cap as a file on disk is: not
 * scanned, one `file-skipped` information diagnostic, counted in UTF-8 bytes. Typing into a 20 MB
 * document used to scan it on every keystroke, stalling every other request for 4–5 s.
 */
const sdk = "import * as amplitude from '@amplitude/analytics-browser';\n";
const messageOf = (d: Diagnostic): string => (typeof d.message === 'string' ? d.message : d.message.value);
const summary = (diagnostics: Diagnostic[]) => diagnostics.map((d) => [String(d.code), d.severity]);

describe('an open document over the size cap', () => {
	const workspace = tempWorkspace({
		'tracking-plan.yaml': 'groupTypes:\n  org: { level: any }\n',
		'src/small.ts': `${sdk}amplitude.setGroup('orgg', 'x');\n`,
		'src/edited.ts': `${sdk}amplitude.setGroup('orgg', 'x');\n`,
	});
	const uri = (relative: string) => toUri(workspace.path(relative));
	const client = new LspTestClient({ folder: workspace.root, settings: { maxFileSize: 1000 } });

	before(async () => {
		await client.initialize();
		await client.waitFor(async () => (await client.pull(uri('src/small.ts'))).length > 0, 'the first diagnostics');
	});
	after(async () => {
		await client.dispose();
		workspace.remove();
	});

	it('is not scanned, counted in bytes: 600 "é" are 600 characters but 1,200 bytes; under the cap again it is scanned; closed, the disk rules', async () => {
		const edited = uri('src/edited.ts');
		// 1,000 bytes would fit 1,000 characters: this text is under the cap in UTF-16 units, over it in bytes.
		const large = `${sdk}amplitude.setGroup('orgg', 'x');\n// ${'é'.repeat(600)}\n`;
		assert.ok(large.length < 1000 && Buffer.byteLength(large) > 1000);
		await client.open(edited, large);
		const skipped = await client.pull(edited);
		assert.deepEqual(summary(skipped), [['file-skipped', 3]]);
		assert.match(messageOf(skipped[0]!), new RegExp(`larger than the size limit \\(${Math.ceil(Buffer.byteLength(large) / 1024)} KB > 1 KB\\)`));

		const small = `${sdk}amplitude.setGroup('orgg', 'x');\n`;
		await client.change(edited, small, 2);
		assert.deepEqual(summary(await client.pull(edited)), [['undeclared-group-type', 1]], 'back under the cap, the document is scanned again');

		await client.change(edited, large, 3);
		assert.deepEqual(summary(await client.pull(edited)), [['file-skipped', 3]]);
		// A plan edit that changes its sources reads the folder again: the open document is still held to the cap.
		const plan = uri('tracking-plan.yaml');
		await client.open(plan, "groupTypes:\n  org: { level: any }\nsources:\n  include: ['src/**']\n", 'yaml');
		assert.deepEqual(summary(await client.pull(edited)), [['file-skipped', 3]], 'after the plan re-read the folder');
		await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: plan } });
		// Closed: the file on disk (under the cap) is what is checked.
		await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: edited } });
		assert.deepEqual(summary(await client.pull(edited)), [['undeclared-group-type', 1]]);
		// Closed while the disk copy is over the cap: skipped as a file on disk is.
		writeFileSync(workspace.path('src/edited.ts'), large);
		await client.open(edited, small);
		await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: edited } });
		assert.deepEqual(summary(await client.pull(edited)), [['file-skipped', 3]]);
	});
});

describe('typing into a 20 MB open document', () => {
	const workspace = tempWorkspace({
		'tracking-plan.yaml': 'groupTypes:\n  org: { level: any }\n',
		'src/small.ts': `${sdk}amplitude.setGroup('orgg', 'x');\n`,
	});
	const uri = (relative: string) => toUri(workspace.path(relative));
	const client = new LspTestClient({ folder: workspace.root });

	before(async () => {
		await client.initialize();
		await client.waitFor(async () => (await client.pull(uri('src/small.ts'))).length > 0, 'the first diagnostics');
	});
	after(async () => {
		await client.dispose();
		workspace.remove();
	});

	it('never stalls the requests about other files: each keystroke is answered in well under a second, the big file gets one file-skipped', async (t) => {
		const line = `${sdk}amplitude.setGroup('org', 'x');\n`;
		const big = line.repeat(Math.ceil((20 * 1024 * 1024) / line.length));
		const bigUri = toUri(path.join(workspace.root, 'src/big.ts'));
		await client.open(bigUri, big);
		const latencies: number[] = [];
		for (let keystroke = 0; keystroke < 5; keystroke++) {
			const typed = performance.now();
			await client.connection.sendNotification('textDocument/didChange', {
				textDocument: { uri: bigUri, version: keystroke + 2 },
				contentChanges: [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: 'x' }],
			});
			await client.request('textDocument/hover', { textDocument: { uri: uri('src/small.ts') }, position: { line: 1, character: 22 } });
			assert.deepEqual(summary(await client.pull(uri('src/small.ts'))), [['undeclared-group-type', 1]]);
			latencies.push(performance.now() - typed);
		}
		t.diagnostic(`keystroke → hover + pull on another file: ${latencies.map((l) => l.toFixed(0)).join(', ')} ms`);
		// Scanned, each keystroke took 3.7–5.4 s; skipped, 40–180 ms (the first includes the document's line table).
		assert.ok(Math.max(...latencies) < 1_500, `latencies ${latencies.map((l) => l.toFixed(0)).join(', ')} ms`);
		const diagnostics = await client.pull(bigUri);
		assert.deepEqual(summary(diagnostics), [['file-skipped', 3]]);
		assert.match(messageOf(diagnostics[0]!), /larger than the size limit \(20\.0 MB > 1\.0 MB\)/);
	});
});
