import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import Ajv from 'ajv';
import { runCli } from '../../cli/src/main';
import { NodeFileSystem } from '../../node/src/nodeFileSystem';
import { cliPath, fixturesRoot, repoRoot } from '../support/paths';

/** Runs the built CLI bundle exactly as a user would. */
function trackplan(args: string[], cwd = repoRoot) {
	const result = spawnSync(process.execPath, [cliPath, ...args], { cwd, encoding: 'utf8' });
	return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const validateOutput = new Ajv({ strict: true }).compile(JSON.parse(readFileSync(path.join(repoRoot, 'schemas/check-output.schema.json'), 'utf8')));

describe('trackplan check', () => {
	it('lists the example plan with its counts in JSON that matches the published shape', () => {
		const { code, stdout } = trackplan(['check', 'examples/acme-saas', '--format', 'json']);
		const output = JSON.parse(stdout) as { plans: unknown; summary: { errors: number } };
		assert.ok(validateOutput(structuredClone(output)), JSON.stringify(validateOutput.errors));
		assert.deepEqual(output.plans, [{ file: 'examples/acme-saas/tracking-plan.yaml', groupTypes: 3, groupProperties: 12 }]);
		assert.equal(code, output.summary.errors > 0 ? 1 : 0);
	});

	it('reports exactly one group-type-limit error on the sixth group type, in the text format, and exits 1', () => {
		const { code, stdout, stderr } = trackplan(['check', 'test/fixtures/plans/six-group-types']);
		assert.equal(code, 1);
		const lines = stdout.trimEnd().split('\n');
		assert.equal(lines.length, 1, stdout);
		assert.match(
			lines[0]!,
			/^test\/fixtures\/plans\/six-group-types\/tracking-plan\.yaml:18:3 error group-type-limit "billing_account" is group type 6, but this project allows 5 /,
		);
		assert.match(stderr, /1 error, 0 warnings in 1 file checked \(1 plan\)/);
	});

	it('gives exact 0-based ranges in JSON', () => {
		const { stdout } = trackplan(['check', 'test/fixtures/plans/six-group-types', '--format', 'json']);
		const [diagnostic] = JSON.parse(stdout).diagnostics;
		assert.deepEqual(diagnostic.range, { start: { line: 17, character: 2 }, end: { line: 17, character: 17 } });
		assert.equal(diagnostic.code, 'group-type-limit');
		assert.equal(diagnostic.severity, 'error');
	});

	it('finds every plan under the paths, skipping node_modules and .git', () => {
		const workspace = mkdtempSync(path.join(tmpdir(), 'trackplan-monorepo-'));
		cpSync(path.join(fixturesRoot, 'workspaces/monorepo'), workspace, { recursive: true });
		mkdirSync(path.join(workspace, '.git'));
		writeFileSync(path.join(workspace, '.git/tracking-plan.yaml'), 'groupTypes: [broken\n');
		const { code, stdout } = trackplan(['check', '.', '--format', 'json'], workspace);
		const output = JSON.parse(stdout);
		assert.deepEqual(
			output.plans.map((p: { file: string }) => p.file),
			['apps/web/tracking-plan.yaml', 'services/billing/tracking-plan.yml'],
		);
		assert.deepEqual(
			output.diagnostics.map((d: { file: string; code: string }) => `${d.file} ${d.code}`),
			['apps/web/tracking-plan.yaml unknown-group-reference'],
		);
		assert.equal(output.summary.files, 2);
		assert.equal(code, 1);
	});

	it('uses --plan instead of discovering plans', () => {
		const { code, stdout } = trackplan(['check', 'test/fixtures/plans', '--plan', 'examples/acme-saas/tracking-plan.yaml', '--format', 'json']);
		assert.deepEqual(
			JSON.parse(stdout).plans.map((p: { file: string }) => p.file),
			['examples/acme-saas/tracking-plan.yaml'],
		);
		assert.equal(code, 0);
	});

	it('honours --rule and --max-warnings', () => {
		const fixture = 'test/fixtures/plans/six-group-types';
		assert.equal(trackplan(['check', fixture, '--rule', 'group-type-limit=warning']).code, 0);
		assert.equal(trackplan(['check', fixture, '--rule', 'group-type-limit=warning', '--max-warnings', '0']).code, 1);
		assert.equal(trackplan(['check', fixture, '--rule', 'group-type-limit=warning', '--max-warnings=1']).code, 0);
		const off = trackplan(['check', fixture, '--rule', 'group-type-limit=off']);
		assert.equal(off.code, 0);
		assert.equal(off.stdout, '');
	});

	it('exits 2 with a clear message when the plan is a directory', () => {
		const { code, stderr, stdout } = trackplan(['check', '--plan', 'examples/acme-saas']);
		assert.equal(code, 2);
		assert.equal(stdout, '');
		assert.match(stderr, /^trackplan: The plan .*examples\/acme-saas is a directory, not a file\./);
	});

	it('exits 2 with a clear message when the plan cannot be read', async () => {
		class UnreadableFileSystem extends NodeFileSystem {
			override async readFile(): Promise<string> {
				throw Object.assign(new Error("EACCES: permission denied, open 'tracking-plan.yaml'"), { code: 'EACCES' });
			}

			// (The plan is read through the capped read, so its size is known before it is read.)
			override async readTextUpTo(): Promise<never> {
				throw Object.assign(new Error("EACCES: permission denied, open 'tracking-plan.yaml'"), { code: 'EACCES' });
			}
		}
		const out: string[] = [];
		const err: string[] = [];
		const code = await runCli(['check', 'examples/acme-saas'], {
			cwd: repoRoot,
			stdout: (t) => out.push(t),
			stderr: (t) => err.push(t),
			files: new UnreadableFileSystem(),
		});
		assert.equal(code, 2);
		assert.deepEqual(out, []);
		assert.match(err.join(''), /Cannot read the plan .*tracking-plan\.yaml: EACCES: permission denied/);
	});

	it('exits 2 for a missing path, a folder without a plan, and usage mistakes', () => {
		const missing = trackplan(['check', 'no/such/folder']);
		assert.equal(missing.code, 2);
		assert.match(missing.stderr, /no\/such\/folder does not exist/);
		const empty = mkdtempSync(path.join(tmpdir(), 'trackplan-empty-'));
		const none = trackplan(['check', '.'], empty);
		assert.equal(none.code, 2);
		assert.match(none.stderr, /No tracking-plan\.yaml \(or \.yml\) found/);
		for (const args of [['lint'], ['check', '--format', 'xml'], ['check', '--max-warnings', 'many'], ['check', '--rule', 'no-such-rule=error'], ['check', '--frobnicate']]) {
			const result = trackplan(args);
			assert.equal(result.code, 2, args.join(' '));
			assert.match(result.stderr, /Usage: trackplan check/);
		}
	});

	it('prints help and version', () => {
		const help = trackplan(['--help']);
		assert.equal(help.code, 0);
		assert.match(help.stdout, /Exit codes: 0 no errors/);
		const version = trackplan(['--version']);
		assert.equal(version.stdout.trim(), JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')).version);
	});
});
