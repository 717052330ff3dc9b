import { spawnSync } from 'node:child_process';
import { closeSync, ftruncateSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../cli/src/main';
import type { EntryStat, EntryType, WorkspaceFileSystem } from '../../core/src/index';
import { NodeFileSystem, toPath } from '../../node/src/nodeFileSystem';
import { cliPath, repoRoot } from '../support/paths';

/** Support for the hostile-input tests: temp workspaces, the CLI run as a user runs it (with its peak memory), file system wrappers. */

/** A workspace in a fresh temp folder: `{ 'relative/path': text or bytes }`. `remove()` deletes it. */
export function tempWorkspace(files: Record<string, string | Uint8Array>, prefix = 'trackplan-hostile-'): { root: string; path: (relative: string) => string; remove: () => void } {
	const root = mkdtempSync(path.join(tmpdir(), prefix));
	for (const [relative, content] of Object.entries(files)) writeFile(path.join(root, relative), content);
	return { root, path: (relative) => path.join(root, relative), remove: () => rmSync(root, { recursive: true, force: true }) };
}

export function writeFile(file: string, content: string | Uint8Array): void {
	mkdirSync(path.dirname(file), { recursive: true });
	writeFileSync(file, content);
}

/** A file of `bytes` bytes that takes no disk space and no time to write (a hole). */
export function writeSparseFile(file: string, bytes: number): void {
	mkdirSync(path.dirname(file), { recursive: true });
	const fd = openSync(file, 'w');
	try {
		ftruncateSync(fd, bytes);
	} finally {
		closeSync(fd);
	}
}

export interface CliRun {
	readonly code: number | null;
	readonly stdout: string;
	readonly stderr: string;
	/** Wall-clock time of the whole process, ms. */
	readonly ms: number;
	/** The process's peak resident memory, MB (from process.resourceUsage() at exit). */
	readonly peakMb: number;
	/** Set when the process was killed for running past the time limit (a hang). */
	readonly timedOut: boolean;
}

const peakMemory = path.join(repoRoot, 'test/reliability/peakMemory.cjs');

/** Runs the built CLI (`node dist/cli.js …`) in `cwd`, killed after `timeoutMs` (a hang fails the test instead of the suite). */
export function trackplan(cwd: string, args: readonly string[], timeoutMs = 60_000): CliRun {
	const log = path.join(mkdtempSync(path.join(tmpdir(), 'trackplan-peak-')), 'peak');
	const started = performance.now();
	const result = spawnSync(process.execPath, ['--require', peakMemory, cliPath, ...args], {
		cwd,
		encoding: 'utf8',
		timeout: timeoutMs,
		maxBuffer: 256 * 1024 * 1024,
		env: { ...process.env, TRACKPLAN_PEAK_LOG: log },
	});
	const ms = performance.now() - started;
	let peakMb = Number.NaN;
	try {
		peakMb = Number(readFileSync(log, 'utf8')) / 1024;
	} catch {
		// killed before it could write its peak
	}
	rmSync(path.dirname(log), { recursive: true, force: true });
	return { code: result.status, stdout: result.stdout, stderr: result.stderr, ms, peakMb, timedOut: result.error !== undefined && (result.error as NodeJS.ErrnoException).code === 'ETIMEDOUT' };
}

export interface JsonDiagnostic {
	readonly file: string;
	readonly range: { start: { line: number; character: number }; end: { line: number; character: number } };
	readonly severity: string;
	readonly code: string;
	readonly message: string;
}

export interface JsonOutput {
	readonly diagnostics: JsonDiagnostic[];
	readonly calls: { file: string }[];
	readonly summary: { errors: number; warnings: number; files: number; calls: number };
}

/** Why a file-skipped finding skipped its file (the JSON output carries the message, not the data). */
export function reasonOf(diagnostic: JsonDiagnostic): string | undefined {
	if (diagnostic.code !== 'file-skipped') return undefined;
	const reasons: [RegExp, string][] = [
		[/larger than the size limit/, 'too-large'],
		[/contains NUL bytes/, 'binary'],
		[/could not be parsed/, 'unparsable'],
		[/could not be read/, 'unreadable'],
	];
	return reasons.find(([pattern]) => pattern.test(diagnostic.message))?.[1] ?? diagnostic.message;
}

/** The CLI's JSON output, or a failure that says what the process printed instead. */
export function parseJson(run: CliRun): JsonOutput {
	try {
		return JSON.parse(run.stdout) as JsonOutput;
	} catch {
		throw new Error(`not JSON (exit ${run.code}, ${run.timedOut ? 'timed out' : 'finished'}):\n${run.stdout.slice(0, 2000)}\n${run.stderr.slice(0, 2000)}`);
	}
}

/** Runs the CLI in this process over an injected file system (faults the real one cannot produce as root). */
export async function trackplanWith(files: WorkspaceFileSystem, cwd: string, args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
	const out: string[] = [];
	const err: string[] = [];
	const code = await runCli(args, { cwd, stdout: (text) => out.push(text), stderr: (text) => err.push(text), files });
	return { code, stdout: out.join(''), stderr: err.join('') };
}

export type FileSystemCall = 'stat' | 'readDirectory' | 'readFile';

/**
 * Node's file system, with every call recorded (as a path) and a hook that may fail it or do
 * something first (delete the file, swap in a link) — the faults of a real, changing disk.
 */
export class RecordingFileSystem implements WorkspaceFileSystem {
	readonly calls: { call: FileSystemCall; path: string }[] = [];
	private readonly inner = new NodeFileSystem();

	constructor(private readonly before: (call: FileSystemCall, path: string) => void | Promise<void> = () => {}) {}

	/** Every path the check looked at, read, or listed. */
	paths(call?: FileSystemCall): string[] {
		return this.calls.filter((c) => call === undefined || c.call === call).map((c) => c.path);
	}

	async stat(uri: string): Promise<EntryStat | undefined> {
		await this.record('stat', uri);
		return this.inner.stat(uri);
	}

	async readDirectory(uri: string): Promise<readonly (readonly [string, EntryType])[]> {
		await this.record('readDirectory', uri);
		return this.inner.readDirectory(uri);
	}

	async readFile(uri: string): Promise<string> {
		await this.record('readFile', uri);
		return this.inner.readFile(uri);
	}

	private async record(call: FileSystemCall, uri: string): Promise<void> {
		const file = toPath(uri);
		this.calls.push({ call, path: file });
		await this.before(call, file);
	}
}

/** An error as Node's fs throws it. */
export function fsError(code: string, syscall: string, file: string): NodeJS.ErrnoException {
	const messages: Record<string, string> = { EACCES: 'permission denied', EIO: 'i/o error', ENOENT: 'no such file or directory' };
	return Object.assign(new Error(`${code}: ${messages[code] ?? 'error'}, ${syscall} '${file}'`), { code, syscall, path: file });
}

/** A deterministic stream of bytes (xorshift), so "random" inputs are the same on every run. */
export function pseudoRandomBytes(length: number, seed = 0x2545f491): Uint8Array {
	const bytes = new Uint8Array(length);
	let state = seed >>> 0 || 1;
	for (let i = 0; i < length; i++) {
		state ^= state << 13;
		state >>>= 0;
		state ^= state >>> 17;
		state ^= state << 5;
		state >>>= 0;
		bytes[i] = state & 0xff;
	}
	return bytes;
}

/** The 0-based line and character of `offset` in `text`, with lines ending at \n, \r\n or a lone \r (as LSP counts them). */
export function lspPosition(text: string, offset: number): { line: number; character: number } {
	let line = 0;
	let lineStart = 0;
	for (let i = 0; i < offset; i++) {
		if (text[i] === '\r' || text[i] === '\n') {
			if (text[i] === '\r' && text[i + 1] === '\n') i++;
			line++;
			lineStart = i + 1;
		}
	}
	return { line, character: offset - lineStart };
}
