import * as path from 'node:path';

/** The repository root, from the compiled test files in out/test/…. */
export const repoRoot = path.resolve(__dirname, '../../..');
export const fixturesRoot = path.join(repoRoot, 'test/fixtures');
export const cliPath = path.join(repoRoot, 'dist/cli.js');
