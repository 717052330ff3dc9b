// Measuring helpers shared by bench/run.mjs and bench/python.mjs.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const log = (message) => process.stderr.write(`[bench] ${message}\n`);

/** Runs `command` under /usr/bin/time: wall ms (measured here) and peak RSS in MB (of the command). */
export function timed(command, args, { cwd = root, env = process.env, stdoutFile } = {}) {
	const timeFile = path.join(os.tmpdir(), `bench-time-${process.pid}.txt`);
	const started = process.hrtime.bigint();
	const result = spawnSync('/usr/bin/time', ['-f', '%M', '-o', timeFile, command, ...args], {
		cwd,
		env,
		maxBuffer: 1 << 30,
		stdio: ['ignore', stdoutFile ? 'pipe' : 'pipe', 'pipe'],
	});
	const ms = Number(process.hrtime.bigint() - started) / 1e6;
	const rssMb = Number(readFileSync(timeFile, 'utf8').trim().split('\n').pop()) / 1024;
	rmSync(timeFile, { force: true });
	if (stdoutFile) writeFileSync(stdoutFile, result.stdout);
	return { ms, rssMb, status: result.status, stdout: result.stdout, stderr: result.stderr.toString() };
}

export function stats(values) {
	const sorted = [...values].sort((a, b) => a - b);
	const at = (q) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
	const median = sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
	return { n: sorted.length, median, min: sorted[0], max: sorted[sorted.length - 1], p50: at(0.5), p95: at(0.95), spreadPct: median ? ((sorted[sorted.length - 1] - sorted[0]) / median) * 100 : 0 };
}

export function repeat(label, runs, once, warmUp = false) {
	const samples = [];
	// rg does one discarded warm-up run: every tool then reads the tree from the same warm page cache
	if (warmUp) once(-1);
	for (let i = 0; i < runs; i++) {
		samples.push(once(i));
		log(`${label} run ${i + 1}/${runs}: ${samples.at(-1).ms.toFixed(0)} ms, ${samples.at(-1).rssMb.toFixed(0)} MB`);
	}
	return { ms: stats(samples.map((s) => s.ms)), rssMb: stats(samples.map((s) => s.rssMb)) };
}


/** `rg -l` over the tree for a prefilter pattern (what Trackplan would parse): a warm-up run first. */
export function measureRg(label, tree, runs, { glob, pattern }) {
	let matched = 0;
	const result = repeat(label, runs, () => {
		const r = timed('rg', ['-l', '--no-ignore', '--hidden', '-g', glob, '-e', pattern, tree]);
		matched = r.stdout.toString().split('\n').filter(Boolean).length;
		return r;
	}, true);
	return { ...result, filesMatched: matched };
}

/** A cold `trackplan check --format json` of the tree (the bundle in dist/), with its summary from the first run. */
export function measureCheck(label, tree, runs, cliNodeFlags) {
	let report;
	const result = repeat(label, runs, (i) => {
		const r = timed(process.execPath, [...cliNodeFlags, path.join(root, 'dist/cli.js'), 'check', tree, '--format', 'json']);
		if (r.status !== 0 && r.status !== 1) throw new Error(`${label} exited ${r.status}: ${r.stderr}`);
		if (i === 0) report = JSON.parse(r.stdout.toString());
		return r;
	});
	return { ...result, summary: report.summary, filesWithDiagnostics: new Set(report.diagnostics.map((d) => d.file)).size };
}
