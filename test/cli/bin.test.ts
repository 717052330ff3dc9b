import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { cliNodeFlags } from '../../node/src/nodeFlags';
import { cliPath, repoRoot } from '../support/paths';

/**
 * The `trackplan` bin (dist/cli.js, which npm links and marks executable) runs with Trackplan's Node
 * flags through its shebang: V8 reads heap sizes only at start-up (see node/src/nodeFlags.ts).
 */
describe('the trackplan bin', () => {
	it("starts Node with Trackplan's flags", () => {
		const shebang = readFileSync(cliPath, 'utf8').split('\n', 1)[0];
		assert.equal(shebang, `#!/usr/bin/env -S node ${cliNodeFlags.join(' ')}`);
	});

	it('runs as an executable, through that shebang', () => {
		const folder = mkdtempSync(path.join(tmpdir(), 'trackplan-bin-'));
		try {
			const bin = path.join(folder, 'trackplan');
			copyFileSync(cliPath, bin);
			chmodSync(bin, 0o755);
			const version = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')).version;
			// env finds `node` on the PATH, as it does for a user; here, the Node running the tests.
			const out = execFileSync(bin, ['--version'], { encoding: 'utf8', env: { ...process.env, PATH: `${path.dirname(process.execPath)}:${process.env.PATH}` } });
			assert.equal(out.trim(), version);
		} finally {
			rmSync(folder, { recursive: true, force: true });
		}
	});
});
