import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { cliPath } from '../support/paths';

/** Writes a small workspace: `{ 'relative/path': 'text' }`. */
function workspace(files: Record<string, string>): string {
	const root = mkdtempSync(path.join(tmpdir(), 'trackplan-sources-'));
	for (const [relative, text] of Object.entries(files)) {
		mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
		writeFileSync(path.join(root, relative), text);
	}
	return root;
}

function check(cwd: string, ...args: string[]) {
	const result = spawnSync(process.execPath, [cliPath, 'check', '.', '--format', 'json', ...args], { cwd, encoding: 'utf8' });
	return { code: result.status, output: JSON.parse(result.stdout) as { diagnostics: { file: string; code: string; severity: string; message: string }[]; calls: { file: string }[]; summary: { files: number } } };
}

const call = (type: string) => `import { setGroup } from '@amplitude/analytics-browser';\nsetGroup('${type}', '1');\n`;

describe('which source files are checked', () => {
	const root = workspace({
		'tracking-plan.yaml': 'sources:\n  include: ["src/**"]\n  exclude: ["**/*.test.ts", "src/generated/**"]\ngroupTypes:\n  company: { level: user }\n',
		'src/app.ts': call('company'),
		'src/app.test.ts': call('undeclared_in_test'),
		'src/generated/client.ts': call('undeclared_generated'),
		'scripts/seed.ts': call('undeclared_script'),
		'node_modules/some-sdk/index.js': call('undeclared_dependency'),
		'src/vendor/amplitude.min.js': call('undeclared_minified'),
		'src/big.ts': `${call('undeclared_big')}${'// padding line for a large generated file\n'.repeat(30_000)}`,
	});

	it("honours the plan's sources include/exclude and skips node_modules and minified bundles", () => {
		const { output } = check(root);
		assert.deepEqual(
			output.calls.map((c) => c.file),
			['src/app.ts'],
		);
		assert.equal(output.summary.files, 3, 'the plan, src/app.ts and src/big.ts (skipped, but reported)');
	});

	it('skips files over the size cap with one information diagnostic, and reads them when the cap allows', () => {
		const { output, code } = check(root);
		assert.deepEqual(
			output.diagnostics.map((d) => [d.file, d.code, d.severity]),
			[['src/big.ts', 'file-skipped', 'information']],
		);
		assert.match(output.diagnostics[0]!.message, /larger than the size limit \(1\.2 MB > 1\.0 MB\)/);
		assert.equal(code, 0);
		const raised = check(root, '--max-file-size', '2mb');
		assert.deepEqual(
			raised.output.diagnostics.map((d) => [d.file, d.code]),
			[['src/big.ts', 'undeclared-group-type']],
		);
		assert.equal(raised.code, 1);
	});
});

describe('TypeScript module files (.mts, .cts)', () => {
	const typed = (type: string) => `import { setGroup } from '@amplitude/analytics-browser';\nconst id: string = '1';\nsetGroup('${type}' as const, id);\n`;
	const root = workspace({
		'tracking-plan.yaml': 'groupTypes:\n  company: { level: user }\n',
		'src/esm.mts': typed('undeclared_in_mts'),
		'src/cjs.cts': typed('undeclared_in_cts'),
	});

	it('are scanned as TypeScript', () => {
		const { output } = check(root);
		assert.deepEqual(output.calls.map((c) => c.file).sort(), ['src/cjs.cts', 'src/esm.mts']);
		assert.deepEqual(output.diagnostics.map((d) => [d.file, d.code]).sort(), [
			['src/cjs.cts', 'undeclared-group-type'],
			['src/esm.mts', 'undeclared-group-type'],
		]);
	});
});
