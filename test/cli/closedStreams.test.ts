import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, openSync, closeSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { cliPath } from '../support/paths';
import { trackplan } from './support/runTrackplan';

/** A workspace whose check prints far more than a pipe holds (64 KiB on Linux): 1,000 findings, over 200 KB of text. */
function noisyWorkspace(): string {
	const folder = mkdtempSync(path.join(tmpdir(), 'trackplan-noisy-'));
	writeFileSync(path.join(folder, 'tracking-plan.yaml'), 'groupTypes:\n  company_id:\n    description: The paying customer.\n');
	mkdirSync(path.join(folder, 'src'));
	for (let file = 0; file < 50; file++) {
		const calls = Array.from({ length: 20 }, (_, i) => `amplitude.setGroup('undeclared_${i}', 'x');`);
		writeFileSync(path.join(folder, 'src', `file${file}.ts`), `import * as amplitude from '@amplitude/analytics-browser';\n${calls.join('\n')}\n`);
	}
	return folder;
}

interface ClosedRun {
	readonly code: number | null;
	readonly stdout: string;
	readonly stderr: string;
}

/** Runs the bundle and closes the end of `stream` after its first chunk (stdout: `| head -c …`) or at once (stderr). */
function runClosing(stream: 'stdout' | 'stderr', args: readonly string[], cwd: string): Promise<ClosedRun> {
	const child = spawn(process.execPath, [cliPath, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
	let stdout = '';
	let stderr = '';
	if (stream === 'stderr') child.stderr.destroy();
	else child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
	child.stdout.on('data', (chunk: Buffer) => {
		stdout += chunk.toString();
		if (stream === 'stdout') child.stdout.destroy();
	});
	return new Promise((resolve, reject) => {
		child.on('error', reject);
		child.on('close', (code) => resolve({ code, stdout, stderr }));
	});
}

const workspace = noisyWorkspace();
// The check's own verdicts: errors (1), the same findings as warnings (0), and a usage error (2).
const runs: readonly (readonly string[])[] = [
	...['text', 'json', 'sarif', 'junit', 'github'].map((format) => ['check', '.', '--format', format]),
	['check', '.', '--rule', 'undeclared-group-type=warning'],
	...['md', 'csv', 'html'].map((format) => ['report', '.', '--format', format]),
];

describe('trackplan with a reader that goes away (EPIPE)', () => {
	for (const args of runs) {
		it(`${args.join(' ')}: stops writing quietly and exits as without the pipe`, async () => {
			const whole = trackplan(args, workspace);
			assert.ok(whole.stdout.length > 200_000, `the output fills the pipe (${whole.stdout.length} characters)`);
			const closed = await runClosing('stdout', args, workspace);
			assert.equal(closed.code, whole.code);
			// No stack trace, no complaint: what stderr says without the pipe (the summary line, or nothing).
			assert.equal(closed.stderr, whole.stderr);
			assert.ok(closed.stdout.length < whole.stdout.length, 'the reader left before the end');
		});
	}

	it('exits with the check result when stderr is closed, for every verdict', async () => {
		for (const args of [...runs, ['check', 'no-such-folder']]) {
			const whole = trackplan(args, workspace);
			const closed = await runClosing('stderr', args, workspace);
			assert.equal(closed.code, whole.code, args.join(' '));
		}
	});
});

describe('trackplan with output that cannot be written', () => {
	it('exits 2 and says so when stdout fails for another reason (a full disk)', { skip: !existsSync('/dev/full') && 'no /dev/full here' }, async () => {
		const full = openSync('/dev/full', 'w');
		try {
			const child = spawn(process.execPath, [cliPath, 'check', '.'], { cwd: workspace, stdio: ['ignore', full, 'pipe'] });
			let stderr = '';
			child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
			const code = await new Promise((resolve) => child.on('close', resolve));
			assert.equal(code, 2);
			assert.match(stderr, /^trackplan: cannot write the output: ENOSPC/m);
			assert.doesNotMatch(stderr, /\n\s+at /, 'no stack trace');
		} finally {
			closeSync(full);
		}
	});
});
