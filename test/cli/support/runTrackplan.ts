import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../../cli/src/main';
import { cliPath, repoRoot } from '../../support/paths';

export interface CliRun {
	readonly code: number | null;
	readonly stdout: string;
	readonly stderr: string;
}

/** Runs the built CLI bundle exactly as a user would. */
export function trackplan(args: readonly string[], cwd = repoRoot): CliRun {
	const result = spawnSync(process.execPath, [cliPath, ...args], { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
	return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A throw-away copy of the example workspace (examples/acme-saas), optionally without its plan. */
export function copyOfExample(options: { withoutPlan?: boolean } = {}): string {
	const folder = mkdtempSync(path.join(tmpdir(), 'trackplan-acme-'));
	cpSync(path.join(repoRoot, 'examples/acme-saas'), folder, { recursive: true });
	if (options.withoutPlan) rmSync(path.join(folder, 'tracking-plan.yaml'));
	return folder;
}

/** Runs the CLI in this process (no start-up cost): the same code as the bundle, compiled by tsc. */
export async function trackplanInProcess(args: readonly string[], cwd = repoRoot): Promise<CliRun> {
	let stdout = '';
	let stderr = '';
	const code = await runCli(args, { cwd, stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
	return { code, stdout, stderr };
}
