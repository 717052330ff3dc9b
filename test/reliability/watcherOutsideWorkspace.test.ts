import * as assert from 'node:assert/strict';
import { symlinkSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver';
import { NodeFileSystem, toPath, toUri } from '../../node/src/nodeFileSystem';
import { LspTestClient } from '../support/lspTestClient';
import { tempWorkspace } from './hostileInputsSupport';

/**
 * A file-watcher event naming a file outside the workspace (issue 13) is ignored without reading
 * the file, or even looking at it: an absolute path elsewhere, `..` written out or percent-encoded,
 * an encoded slash, a host, another scheme, a folder that is a symbolic link out. The language
 * server runs in this process over a real LSP connection; its file system (NodeFileSystem) is
 * wrapped to record every path it stats, lists or reads.
 */
const sdk = "import * as amplitude from '@amplitude/analytics-browser';\n";

type Recorded = { call: string; path: string };

/** Records every call of NodeFileSystem (stat, readDirectory, readFile, readTextUpTo), as a path; returns the undo. */
function recordFileSystem(calls: Recorded[]): () => void {
	const prototype = NodeFileSystem.prototype as unknown as Record<string, (this: NodeFileSystem, uri: string, ...rest: unknown[]) => Promise<unknown>>;
	const originals = new Map<string, (typeof prototype)[string]>();
	for (const name of ['stat', 'readDirectory', 'readFile', 'readTextUpTo']) {
		const original = prototype[name]!;
		originals.set(name, original);
		prototype[name] = function (uri, ...rest) {
			let file: string;
			try {
				file = toPath(uri);
			} catch {
				file = uri;
			}
			calls.push({ call: name, path: file });
			return original.call(this, uri, ...rest);
		};
	}
	return () => {
		for (const [name, original] of originals) prototype[name] = original;
	};
}

describe('a watcher event naming a file outside the workspace', () => {
	const outside = tempWorkspace(
		{
			'secret.ts': `${sdk}amplitude.setGroup('outside_type', 'x');\n`,
			'tracking-plan.yaml': 'groupTypes:\n  outside_plan_type: { level: any }\n',
			'nested/secret.ts': `${sdk}amplitude.setGroup('outside_type', 'x');\n`,
		},
		'trackplan-outside-',
	);
	const workspace = tempWorkspace({
		'tracking-plan.yaml': 'groupTypes:\n  org: { level: any }\n',
		'src/app.ts': `${sdk}amplitude.setGroup('orgg', 'x');\n`,
	});
	const calls: Recorded[] = [];
	let undo: (() => void) | undefined;
	const client = new LspTestClient({ folder: workspace.root });
	const root = toUri(workspace.root);
	const away = path.basename(outside.root);

	before(async () => {
		symlinkSync(outside.root, workspace.path('linked'));
		undo = recordFileSystem(calls);
		await client.initialize();
		await client.waitFor(async () => (await client.pull(toUri(workspace.path('src/app.ts')))).length > 0, 'diagnostics on src/app.ts');
	});
	after(async () => {
		undo?.();
		await client.dispose();
		workspace.remove();
		outside.remove();
	});

	it('is not read, stat\'ed or indexed: absolute, `..` (raw, encoded, with an encoded slash), a host, other schemes, a linked folder', async () => {
		const events = [
			toUri(outside.path('secret.ts')),
			toUri(outside.path('tracking-plan.yaml')),
			`${root}/../${away}/secret.ts`,
			`${root}/src/../../${away}/secret.ts`,
			`${root}/%2e%2e/${away}/secret.ts`,
			`${root}/src/%2E%2E/%2E%2E/${away}/secret.ts`,
			`${root}/src%2F..%2F..%2F${away}/secret.ts`,
			`${root}/./src/app.ts`,
			`${root}//src/app.ts`,
			`file://evil.example${toPath(root)}/src/app.ts`,
			`untitled:${toPath(root)}/src/app.ts`,
			`http://evil.example${toPath(root)}/src/app.ts`,
			`vscode-remote://ssh-remote+x${toPath(root)}/src/app.ts`,
			`${root}/linked/secret.ts`,
			`${root}/linked/nested/secret.ts`,
			`${root}/linked/tracking-plan.yaml`,
		];
		calls.length = 0;
		const logsBefore = client.logs.length;
		for (const type of [1, 2, 3]) await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: events.map((uri) => ({ uri, type })) });
		const report = await client.request<{ items: { uri: string; items: Diagnostic[] }[] }>('workspace/diagnostic', { previousResultIds: [] });

		const workspaceRoot = path.resolve(workspace.root);
		const escaped = calls.filter(({ path: file }) => {
			const resolved = path.resolve(file);
			return !resolved.startsWith(`${workspaceRoot}${path.sep}`) || resolved.startsWith(path.join(workspaceRoot, 'linked') + path.sep);
		});
		assert.deepEqual(escaped, [], 'looked at outside the workspace');
		// What it did look at: at most the linked folder itself (to see it is a link) and the workspace's own src folder.
		assert.ok(calls.every(({ call }) => call === 'stat'), JSON.stringify(calls));
		assert.ok(report.items.some((item) => item.uri === toUri(workspace.path('src/app.ts'))), 'the report is of the indexed workspace');
		assert.ok(report.items.every((item) => item.uri.startsWith(`${root}/`) && !item.uri.includes('/linked/')), report.items.map((i) => i.uri).join('\n'));
		assert.ok(report.items.every((item) => item.items.every((d) => !String(d.message).includes('outside_type'))));
		const ignored = client.logs.slice(logsBefore).filter((line) => line.startsWith('Ignored a change to '));
		assert.equal(ignored.length, events.length * 3, client.logs.slice(logsBefore).join('\n'));
		// Still indexed and answering as before.
		assert.deepEqual((await client.pull(toUri(workspace.path('src/app.ts')))).map((d) => d.code), ['undeclared-group-type']);
	});

	it('a document open outside the workspace, once closed, is not read from the disk', async () => {
		const secret = toUri(outside.path('nested/secret.ts'));
		await client.open(secret, `${sdk}amplitude.setGroup('orgg', 'x');\n`);
		calls.length = 0;
		await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: secret } });
		assert.deepEqual(await client.pull(secret), []);
		assert.deepEqual(calls.filter(({ path: file }) => path.resolve(file).startsWith(path.resolve(outside.root))), []);
	});
});
