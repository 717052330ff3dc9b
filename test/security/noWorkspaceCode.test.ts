import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { toUri } from '../../node/src/nodeFileSystem';
import { tempWorkspace } from '../reliability/hostileInputsSupport';
import { LspTestClient } from '../support/lspTestClient';
import { cliPath, repoRoot } from '../support/paths';

/**
 * Why Trackplan can run in untrusted workspaces (the manifest's `untrustedWorkspaces.supported`,
 * test/extension/manifest.test.ts): it never executes workspace code. A booby-trapped workspace —
 * sources with top-level side effects, a fake SDK in node_modules, a tsconfig plugin, config files
 * other tools would load, npm scripts, a plan with a `!!js/function` tag — is checked by the CLI and
 * served by the bundled language server, each run with process, worker, `vm`, native-addon and
 * workspace-module loading stubbed to throw, and eval / new Function disallowed. No trap may fire
 * (each would write a marker file) and no stub may be reached.
 */

const denyCodeExecution = path.join(repoRoot, 'test/support/denyCodeExecution.cjs');
const markers = mkdtempSync(path.join(tmpdir(), 'trackplan-markers-'));
const trap = (name: string) => `require('node:fs').writeFileSync(${JSON.stringify(path.join(markers, name))}, 'ran');`;
const sdk = "import * as amplitude from '@amplitude/analytics-browser';";

const workspace = tempWorkspace({
	'tracking-plan.yaml': `groupTypes:\n  company: { level: user }\n  # a tag some YAML loaders turn into a function\n  team: { level: user, description: !!js/function "function () { ${trap('plan').replace(/"/g, '\\"')} }" }\n`,
	'package.json': JSON.stringify({ name: 'trap', scripts: { preinstall: trap('npm-script'), postinstall: trap('npm-script'), prepare: trap('npm-script') } }),
	'tsconfig.json': JSON.stringify({ compilerOptions: { plugins: [{ name: './tsPlugin' }] } }),
	'tsPlugin.js': trap('ts-plugin'),
	'.eslintrc.js': trap('eslintrc'),
	'babel.config.js': trap('babel-config'),
	'trackplan.config.js': trap('trackplan-config'),
	'node_modules/@amplitude/analytics-browser/package.json': JSON.stringify({ name: '@amplitude/analytics-browser', main: 'index.js' }),
	'node_modules/@amplitude/analytics-browser/index.js': trap('sdk'),
	'src/constants.js': `${trap('constants')}\nexport const TEAM = 'teem';\n`,
	'src/app.ts': `${sdk}\nimport { TEAM } from './constants';\ndeclare const require: (m: string) => { writeFileSync(f: string, d: string): void };\n${trap('app')}\namplitude.setGroup('compnay', '1');\namplitude.setGroup(TEAM, '1');\n`,
	'src/module.mjs': `import { writeFileSync } from 'node:fs';\nimport * as amplitude from '@amplitude/analytics-browser';\nwriteFileSync(${JSON.stringify(path.join(markers, 'esm'))}, 'ran');\namplitude.setGroup('compnay', '1');\n`,
	'src/Widget.vue': `<script>\n${sdk}\n${trap('vue')}\namplitude.setGroup('compnay', '1');\n</script>\n<template><button @click="${trap('handler').replace(/'/g, '&#39;')}">x</button></template>\n`,
});
after(() => {
	workspace.remove();
	rmSync(markers, { recursive: true, force: true });
});

const executionLog = () => path.join(mkdtempSync(path.join(tmpdir(), 'trackplan-exec-')), 'attempts.log');
const env = (log: string) => ({ ...process.env, TRACKPLAN_EXECUTION_LOG: log, TRACKPLAN_WORKSPACE: workspace.root });
const nodeFlags = ['--disallow-code-generation-from-strings', '--require', denyCodeExecution];
const fired = () => readdirSync(markers).sort();
const attempts = (log: string) => (existsSync(log) ? readFileSync(log, 'utf8') : '');

describe('Trackplan never executes workspace code', () => {
	it('the traps are live and the stubs catch what they stub', () => {
		// Run by Node, a trap writes its marker.
		assert.equal(spawnSync(process.execPath, [workspace.path('trackplan.config.js')]).status, 0);
		assert.deepEqual(fired(), ['trackplan-config']);
		rmSync(path.join(markers, 'trackplan-config'));
		// Under the stubs, requiring a workspace file, starting a process and eval all fail, and are logged.
		const log = executionLog();
		for (const code of [`require(${JSON.stringify(workspace.path('trackplan.config.js'))})`, "require('node:child_process').execSync('true')", "require('node:vm').runInNewContext('1')"]) {
			const result = spawnSync(process.execPath, [...nodeFlags, '-e', code], { encoding: 'utf8', env: env(log) });
			assert.notEqual(result.status, 0, code);
		}
		assert.match(attempts(log), /require .*trackplan\.config\.js\nchild_process\.execSync\nvm\.runInNewContext\n/);
		assert.equal(spawnSync(process.execPath, [...nodeFlags, '-e', 'eval("1")'], { env: env(log) }).status === 0, false, 'eval is disallowed');
		assert.deepEqual(fired(), []);
	});

	it('the CLI checks the trapped workspace (every output format) without running any of it', () => {
		const log = executionLog();
		for (const format of ['json', 'text', 'sarif', 'junit', 'github']) {
			const result = spawnSync(process.execPath, [...nodeFlags, cliPath, 'check', '.', '--format', format], { cwd: workspace.root, encoding: 'utf8', env: env(log) });
			assert.equal(result.status, 1, `${format}: exit ${result.status}\n${result.stderr}`);
			assert.doesNotMatch(result.stderr, /internal error|denied/, format);
			if (format === 'json') {
				const files = (JSON.parse(result.stdout) as { diagnostics: { file: string; code: string }[] }).diagnostics.filter((d) => d.code === 'undeclared-group-type').map((d) => d.file);
				// The files were read and checked (the constant imported from constants.js included), not run.
				assert.deepEqual([...new Set(files)].sort(), ['src/Widget.vue', 'src/app.ts', 'src/module.mjs']);
				assert.equal(files.filter((f) => f === 'src/app.ts').length, 2);
			}
		}
		const report = spawnSync(process.execPath, [...nodeFlags, cliPath, 'report', '--format', 'md'], { cwd: workspace.root, encoding: 'utf8', env: env(log) });
		assert.equal(report.status, 0, report.stderr);
		assert.equal(attempts(log), '');
		assert.deepEqual(fired(), []);
	});

	it('the bundled language server indexes, diagnoses, hovers, completes, offers fixes and renames without running any of it', async () => {
		const log = executionLog();
		const previous = { options: process.env.NODE_OPTIONS, log: process.env.TRACKPLAN_EXECUTION_LOG, workspace: process.env.TRACKPLAN_WORKSPACE };
		Object.assign(process.env, env(log), { NODE_OPTIONS: nodeFlags.join(' ') });
		const client = new LspTestClient({ folder: workspace.root, bundle: path.join(repoRoot, 'dist/server.js') });
		for (const [key, value] of [['NODE_OPTIONS', previous.options], ['TRACKPLAN_EXECUTION_LOG', previous.log], ['TRACKPLAN_WORKSPACE', previous.workspace]] as const) {
			if (value === undefined) delete process.env[key];
			else process.env[key] = value;
		}
		try {
			await client.initialize();
			const uri = toUri(workspace.path('src/app.ts'));
			const text = readFileSync(workspace.path('src/app.ts'), 'utf8');
			await client.open(uri, text);
			let diagnostics: { code?: string | number; range: unknown }[] = [];
			await client.waitFor(async () => (diagnostics = await client.pull(uri)).length >= 2, 'diagnostics on src/app.ts');
			const line = text.split('\n').findIndex((l) => l.includes("'compnay'"));
			const position = { line, character: text.split('\n')[line]!.indexOf('compnay') + 2 };
			await client.request('textDocument/hover', { textDocument: { uri }, position });
			await client.request('textDocument/completion', { textDocument: { uri }, position });
			const actions = await client.request<unknown[]>('textDocument/codeAction', { textDocument: { uri }, range: { start: position, end: position }, context: { diagnostics } });
			assert.ok(actions.length > 0, 'quick fixes offered');
			const planUri = toUri(workspace.path('tracking-plan.yaml'));
			assert.ok(await client.request('textDocument/rename', { textDocument: { uri: planUri }, position: { line: 1, character: 3 }, newName: 'account' }));
			await client.request('workspace/diagnostic', { previousResultIds: [] });
		} finally {
			await client.dispose();
		}
		assert.equal(attempts(log), '');
		assert.deepEqual(fired(), []);
	});
});
