// Runs every compiled test file (out/test/**/*.test.js) with Node's built-in runner.
// Node 20's `node --test <dir>` would also run the support modules, so the files are listed here.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import * as path from 'node:path';

const root = process.argv[2] ?? 'out/test';
const files = readdirSync(root, { recursive: true })
	.map(String)
	.filter((file) => file.endsWith('.test.js'))
	.map((file) => path.join(root, file))
	.sort();
if (files.length === 0) {
	console.error(`No test files under ${root}; did the build run?`);
	process.exit(1);
}
const { status } = spawnSync(process.execPath, ['--test', ...files], { stdio: 'inherit' });
process.exit(status ?? 1);
