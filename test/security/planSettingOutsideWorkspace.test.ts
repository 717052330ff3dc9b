import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { toUri } from '../../node/src/nodeFileSystem';
import { tempWorkspace } from '../reliability/hostileInputsSupport';
import { LspTestClient } from '../support/lspTestClient';

/**
 * The `trackplan.plan` setting can come from the workspace's own .vscode/settings.json, which VS Code
 * would apply in untrusted workspaces too were it not restricted (the manifest lists it in
 * `restrictedConfigurations`). Pointing it out of the workspace folder must not make the server
 * read a file there: the server ignores such a path, says so, and uses the folder's own plans.
 */
describe('the trackplan.plan setting cannot take the language server out of the workspace', () => {
	const parent = tempWorkspace({
		'outside/tracking-plan.yaml': 'groupTypes:\n  secret_type: { level: usr }\n',
		'workspace/tracking-plan.yaml': 'groupTypes:\n  org: { level: any }\n',
		'workspace/src/app.ts': "import * as amplitude from '@amplitude/analytics-browser';\namplitude.setGroup('secret_type', 'x');\n",
	});
	const folder = parent.path('workspace');
	const client = new LspTestClient({ folder, settings: { plan: '../outside/tracking-plan.yaml' } });
	after(async () => {
		await client.dispose();
		parent.remove();
	});

	it('a relative path climbing out of the folder is not read', async () => {
		await client.initialize();
		await client.waitForInitialIndex();
		const report = await client.request<{ items: { uri: string }[] }>('workspace/diagnostic', { previousResultIds: [] });
		const outside = report.items.map((item) => item.uri).filter((uri) => !uri.startsWith(`${toUri(folder)}/`));
		assert.deepEqual(outside, [], `diagnostics for files outside ${folder}`);
		const app = await client.pull(toUri(path.join(folder, 'src/app.ts')));
		assert.ok(app.some((d) => d.code === 'undeclared-group-type'), 'secret_type is declared only in the plan outside');
		assert.ok(client.logs.some((line) => /trackplan\.plan setting .* points outside the workspace folder/.test(line)), 'the server says why the setting is ignored');
	});
});
