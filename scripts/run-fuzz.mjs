// The long fuzz run (`npm run test:fuzz`, after the build): the fuzz targets of test/reliability (plans, scanner, edited-file scans,
// plan insertions in generated YAML styles) with many more inputs than `npm test` tries, each bounded in time, several
// 500-operation sessions of the differential test (incremental language server vs cold check) with consecutive seeds, and
// sessions of the stale-disk differential (quick fixes and renames vs the intended change to the
// current files, with and without file watching).
//
// Settings (environment; defaults in brackets):
//   TRACKPLAN_FUZZ_RUNS       inputs per fuzz target                    [20000]
//   TRACKPLAN_FUZZ_TIME_MS    time budget per fuzz target, ms            [30000]
//   TRACKPLAN_FUZZ_SEED       seed, or `random` (printed either way)     [the tests' fixed seed]
//   TRACKPLAN_DIFF_SESSIONS   differential sessions (seed, seed+1, …)    [8]
//   TRACKPLAN_DIFF_OPERATIONS operations per session                     [500]
//   TRACKPLAN_STALE_SESSIONS  stale-disk differential sessions           [16]
//   TRACKPLAN_STALE_OPERATIONS operations per stale-disk session         [300]
// A failure prints its seed and fast-check path (or the logged session); rerun with the same
// TRACKPLAN_FUZZ_SEED to reproduce it.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';

const root = 'out/test/reliability';
const files = ['fuzzPlans.test.js', 'fuzzScanner.test.js', 'fuzzEditedScan.test.js', 'fuzzEditedScanPython.test.js', 'planStyleInsertion.test.js', 'incrementalVsCold.test.js', 'staleDisk.test.js'].map((file) => path.join(root, file));
const missing = files.filter((file) => !existsSync(file));
if (missing.length > 0) {
	console.error(`Missing ${missing.join(', ')}; did the build run?`);
	process.exit(1);
}

const env = {
	...process.env,
	TRACKPLAN_FUZZ_RUNS: process.env.TRACKPLAN_FUZZ_RUNS || '20000',
	TRACKPLAN_FUZZ_TIME_MS: process.env.TRACKPLAN_FUZZ_TIME_MS || '30000',
	TRACKPLAN_DIFF_SESSIONS: process.env.TRACKPLAN_DIFF_SESSIONS || '8',
	TRACKPLAN_DIFF_OPERATIONS: process.env.TRACKPLAN_DIFF_OPERATIONS || '500',
	TRACKPLAN_STALE_SESSIONS: process.env.TRACKPLAN_STALE_SESSIONS || '16',
	TRACKPLAN_STALE_OPERATIONS: process.env.TRACKPLAN_STALE_OPERATIONS || '300',
};
if (env.TRACKPLAN_FUZZ_SEED === 'random') env.TRACKPLAN_FUZZ_SEED = String((Date.now() ^ (Math.random() * 0x7fffffff)) | 0);
console.log(
	`Fuzzing: ${env.TRACKPLAN_FUZZ_RUNS} inputs or ${Number(env.TRACKPLAN_FUZZ_TIME_MS) / 1000} s per target, ` +
		`${env.TRACKPLAN_DIFF_SESSIONS} differential sessions of ${env.TRACKPLAN_DIFF_OPERATIONS} operations, ` +
		`${env.TRACKPLAN_STALE_SESSIONS} stale-disk sessions of ${env.TRACKPLAN_STALE_OPERATIONS}, ` +
		`seed ${env.TRACKPLAN_FUZZ_SEED || 'default (see test/reliability/support/fuzzSettings.ts)'}.`,
);

const started = Date.now();
// One file at a time, so each target's time budget is its own; a hard stop in case something hangs.
const { status, signal } = spawnSync(process.execPath, ['--test', '--test-concurrency=1', ...files], { stdio: 'inherit', env, timeout: 20 * 60 * 1000 });
console.log(`Fuzzing took ${Math.round((Date.now() - started) / 1000)} s.`);
if (signal) console.error(`Stopped by ${signal} (the 20-minute bound): something hangs.`);
process.exit(status ?? 1);
