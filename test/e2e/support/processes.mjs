// Child processes that the suites start, each in a process group of its own, so that stopping one
// also stops everything it started (code-server's VS Code server, extension host, our language
// server). Only groups started here are ever signalled; a last-resort 'exit' hook kills them if the
// test process dies first.
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';

const running = new Set();
const killAll = () => {
	for (const child of running) killGroup(child, 'SIGKILL');
};
process.on('exit', killAll);
for (const signal of ['SIGINT', 'SIGTERM']) {
	process.once(signal, () => {
		killAll();
		process.exit(128 + (signal === 'SIGINT' ? 2 : 15));
	});
}

function killGroup(child, signal) {
	try {
		process.kill(-child.pid, signal);
	} catch {
		// already gone
	}
}

/** Starts `command` detached (own process group), its output appended to `logFile`. */
export function startProcess(command, args, { logFile, env, cwd } = {}) {
	const child = spawn(command, args, { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
	running.add(child);
	const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
	let output = '';
	const log = logFile ? createWriteStream(logFile, { flags: 'a' }) : undefined;
	for (const stream of [child.stdout, child.stderr]) {
		stream.setEncoding('utf8');
		stream.on('data', (chunk) => {
			output += chunk;
			if (output.length > 1_000_000) output = output.slice(-500_000);
			log?.write(chunk);
		});
	}
	return {
		child,
		exited,
		output: () => output,
		/** SIGTERM to the whole group, SIGKILL after `graceMs`; resolves when the leader has exited. */
		async stop(graceMs = 5000) {
			if (child.exitCode === null && child.signalCode === null) {
				killGroup(child, 'SIGTERM');
				const timer = setTimeout(() => killGroup(child, 'SIGKILL'), graceMs);
				await exited;
				clearTimeout(timer);
			}
			// The leader may exit before its children: make sure none of the group survives.
			killGroup(child, 'SIGKILL');
			running.delete(child);
			log?.end();
		},
	};
}

/** Runs a command to completion; rejects with its output when it exits non-zero. */
export async function run(command, args, { env, cwd, timeoutMs = 120_000 } = {}) {
	const proc = startProcess(command, args, { env, cwd });
	const timer = setTimeout(() => void proc.stop(1000), timeoutMs);
	const { code, signal } = await proc.exited;
	clearTimeout(timer);
	await proc.stop(0);
	if (code !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${code ?? signal}:\n${proc.output()}`);
	return proc.output();
}

/** Polls `probe` until it returns a truthy value; throws `message()` after `timeoutMs`, or at once when `probe` throws an error marked `fatal`. */
export async function waitFor(probe, { timeoutMs, intervalMs = 250, message }) {
	const deadline = Date.now() + timeoutMs;
	let lastError;
	for (;;) {
		try {
			const value = await probe();
			if (value) return value;
		} catch (error) {
			if (error?.fatal) throw error; // waiting longer cannot help (e.g. the process died)
			lastError = error;
		}
		if (Date.now() > deadline) {
			const reason = typeof message === 'function' ? message() : message;
			throw new Error(`${reason} (waited ${Math.round(timeoutMs / 1000)} s)${lastError ? `; last error: ${lastError.message}` : ''}`);
		}
		await new Promise((resolve) => setTimeout(resolve, intervalMs));
	}
}
