import * as fc from 'fast-check';
import * as assert from 'node:assert/strict';

/**
 * How many inputs each fuzz target tries, and with which seed. `npm test` runs a small, fixed-seed
 * batch (reproducible, a few seconds); `npm run test:fuzz` (scripts/run-fuzz.mjs) sets
 * TRACKPLAN_FUZZ_RUNS and TRACKPLAN_FUZZ_TIME_MS for a long run. TRACKPLAN_FUZZ_SEED picks another
 * seed (`random` draws one and prints it). A failure prints the seed and the fast-check path, so
 * `TRACKPLAN_FUZZ_SEED=<seed>` with the same runs reproduces it.
 */
export const defaultFuzzSeed = 20_260_707;

export interface FuzzSettings {
	readonly seed: number;
	/** Runs for a target whose `npm test` default is `defaultRuns`. */
	runs(defaultRuns: number): number;
	/** Wall-clock budget per target (ms), or undefined: no limit (the `npm test` batch is small). */
	readonly timeLimitMs: number | undefined;
	/** True under `npm run test:fuzz`. */
	readonly long: boolean;
}

function readSeed(): number {
	const raw = process.env.TRACKPLAN_FUZZ_SEED;
	if (raw === undefined || raw === '') return defaultFuzzSeed;
	if (raw === 'random') return (Date.now() ^ (Math.random() * 0x7fffffff)) | 0;
	const seed = Number(raw);
	if (!Number.isInteger(seed)) throw new Error(`TRACKPLAN_FUZZ_SEED must be an integer or "random", not ${raw}`);
	return seed;
}

function readPositive(name: string): number | undefined {
	const raw = process.env[name];
	if (raw === undefined || raw === '') return undefined;
	const value = Number(raw);
	if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, not ${raw}`);
	return value;
}

export const fuzzSettings: FuzzSettings = (() => {
	const seed = readSeed();
	const runs = readPositive('TRACKPLAN_FUZZ_RUNS');
	const timeLimitMs = readPositive('TRACKPLAN_FUZZ_TIME_MS');
	return {
		seed,
		runs: (defaultRuns: number) => Math.round(runs ?? defaultRuns),
		timeLimitMs,
		long: runs !== undefined,
	};
})();

/**
 * fast-check parameters for one target: the seed, the runs, and the time budget (an interrupted run
 * passes if nothing failed). The report includes what the failing input threw (node:test prints an
 * error's message, not its `cause`, where fast-check would otherwise keep it).
 */
export function fuzzParameters<Ts>(defaultRuns: number): fc.Parameters<Ts> {
	return {
		seed: fuzzSettings.seed,
		numRuns: fuzzSettings.runs(defaultRuns),
		endOnFailure: false,
		includeErrorInReport: true,
		...(fuzzSettings.timeLimitMs !== undefined ? { interruptAfterTimeLimit: fuzzSettings.timeLimitMs, markInterruptAsFailure: false } : {}),
	};
}

/** One line for the test output: what a fuzz target did (the figures docs/reliability.md quotes). */
export function describeFuzzRun(target: string, tried: number, startedAt: number): string {
	return `${target}: ${tried} inputs, seed ${fuzzSettings.seed}, ${Date.now() - startedAt} ms`;
}

/**
 * Runs one fuzz target: `check` must return normally for every generated input (it throws, via
 * assert, to report a failure). Reports the inputs tried, the seed, the time and the slowest input.
 */
export function runFuzzTarget<T>(target: string, arbitrary: fc.Arbitrary<T>, check: (input: T) => void, defaultRuns: number, report: (line: string) => void): void {
	let tried = 0;
	let slowestMs = 0;
	const startedAt = Date.now();
	fc.assert(
		fc.property(arbitrary, (input) => {
			tried++;
			const started = performance.now();
			try {
				check(input);
			} finally {
				slowestMs = Math.max(slowestMs, performance.now() - started);
			}
		}),
		fuzzParameters<[T]>(defaultRuns),
	);
	report(`${describeFuzzRun(target, tried, startedAt)} (slowest input ${slowestMs.toFixed(0)} ms)`);
}

/** `runFuzzTarget` for a check that awaits (e.g. the index reading imported files). */
export async function runAsyncFuzzTarget<T>(
	target: string,
	arbitrary: fc.Arbitrary<T>,
	check: (input: T) => Promise<void>,
	defaultRuns: number,
	report: (line: string) => void,
): Promise<void> {
	let tried = 0;
	let slowestMs = 0;
	const startedAt = Date.now();
	await fc.assert(
		fc.asyncProperty(arbitrary, async (input) => {
			tried++;
			const started = performance.now();
			try {
				await check(input);
			} finally {
				slowestMs = Math.max(slowestMs, performance.now() - started);
			}
		}),
		fuzzParameters<[T]>(defaultRuns),
	);
	report(`${describeFuzzRun(target, tried, startedAt)} (slowest input ${slowestMs.toFixed(0)} ms)`);
}

/**
 * What a suite's "reports its seed" test checks: the seed every target used is the one the settings
 * name (TRACKPLAN_FUZZ_SEED, else the fixed default), and a failing target's error carries that seed
 * and how to rerun it — so a failure in CI can be reproduced from its output alone. Returns the line
 * to print.
 */
export function assertSeedIsReported(suite: string): string {
	const raw = process.env.TRACKPLAN_FUZZ_SEED;
	if (raw === undefined || raw === '') assert.equal(fuzzSettings.seed, defaultFuzzSeed);
	else if (raw !== 'random') assert.equal(fuzzSettings.seed, Number(raw));
	assert.equal(fuzzParameters(1).seed, fuzzSettings.seed, 'the targets run with the settings\' seed');
	let failure: unknown;
	try {
		runFuzzTarget(`${suite} (a target that fails)`, fc.integer(), () => assert.fail('an injected failure'), 5, () => {});
	} catch (error) {
		failure = error;
	}
	assert.ok(failure instanceof Error, 'a failing target throws');
	assert.match(failure.message, new RegExp(`seed: ${fuzzSettings.seed}\\b`), 'the failure names the seed');
	assert.match(failure.message, /an injected failure/, 'the failure says what the input threw');
	return `${suite} seed ${fuzzSettings.seed} (TRACKPLAN_FUZZ_SEED to change it)`;
}
