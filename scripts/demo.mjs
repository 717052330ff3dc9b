// `npm start`: checks the bundled example workspace with the built CLI. The example has deliberate
// findings, so exit 1 (findings over the bar) is the expected outcome here; only a usage or
// configuration error (2) or a crash fails the demo.
import { spawnSync } from 'node:child_process';

const args = ['dist/cli.js', 'check', 'examples/acme-saas', ...process.argv.slice(2)];
console.error(`$ node ${args.join(' ')}`);
const { status, error } = spawnSync(process.execPath, args, { stdio: 'inherit' });
if (error) throw error;
if (status === 0 || status === 1) {
	console.error(status === 1 ? 'Findings reported as intended (the example contains deliberate mistakes).' : 'No findings.');
	process.exit(0);
}
process.exit(status ?? 2);
