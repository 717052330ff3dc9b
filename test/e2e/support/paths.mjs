// Paths shared by the end-to-end suites (plain Node ESM: the suites run without a build step).
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const exampleWorkspace = path.join(repoRoot, 'examples', 'acme-saas');
export const outputDir = path.join(repoRoot, 'test-output', 'e2e');
export const vsixPath = process.env.TRACKPLAN_VSIX ?? path.join(repoRoot, 'trackplan.vsix');
export const serverEntry = process.env.TRACKPLAN_SERVER ?? path.join(repoRoot, 'dist', 'server.js');
export const codeServerDir = process.env.TRACKPLAN_CODE_SERVER_DIR ?? path.join(repoRoot, '.vscode-test', 'code-server');
export const codeServerBin = path.join(codeServerDir, 'node_modules', '.bin', 'code-server');
export const chromiumPath = process.env.TRACKPLAN_CHROMIUM ?? '/usr/bin/chromium';
export const nvimPath = process.env.TRACKPLAN_NVIM ?? '/usr/bin/nvim';

/** Throws a message that says how to get what is missing, instead of a bare ENOENT later. */
export function requireFile(file, howToGetIt) {
	if (!existsSync(file)) throw new Error(`${file} is missing: ${howToGetIt}`);
}

/**
 * Steps named in TRACKPLAN_E2E_TODO (comma-separated ids, or "all") run as node:test `todo`:
 * they still run and report, but a failure does not fail the run. For features that have not
 * landed yet; empty by default, so every step must pass.
 */
export function todoFor(id) {
	const ids = (process.env.TRACKPLAN_E2E_TODO ?? '').split(',').map((entry) => entry.trim());
	return ids.includes(id) || ids.includes('all') ? `TRACKPLAN_E2E_TODO lists "${id}"` : undefined;
}
