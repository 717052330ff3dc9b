import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readSync } from 'node:fs';
import { URI } from 'vscode-uri';
import { formatUri, isPlainFileUri, parseUri, type EntryStat, type EntryType, type WorkspaceFileSystem } from '../../core/src/index';
import { decodeFileName, encodeFileName, hasEscapedBytes } from '../../core/src/workspace/fileNameBytes';

/**
 * The core's WorkspaceFileSystem over Node's fs. Never follows symbolic links.
 *
 * The calls are synchronous inside (each resolves at once): a check reads thousands of small files,
 * and a round trip through libuv's thread pool per open, stat, read and close cost more than the
 * reads themselves (profiled: 2.2 s of a 7.8 s check of 20,000 files). Hosts that must stay
 * responsive pass `pause` to indexWorkspaceFiles.
 *
 * Names that are not UTF-8 (Linux names are bytes) are read as bytes and escaped (fileNameBytes.ts),
 * so they are checked like any other: Node would decode them lossily, to a name that is not the file's.
 */
export class NodeFileSystem implements WorkspaceFileSystem {
	async stat(uri: string): Promise<EntryStat | undefined> {
		try {
			const stat = lstatSync(fsPath(uri));
			return { type: stat.isFile() ? 'file' : stat.isDirectory() ? 'directory' : stat.isSymbolicLink() ? 'symlink' : 'other', size: stat.size };
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') return undefined;
			throw error;
		}
	}

	async readDirectory(uri: string): Promise<readonly (readonly [string, EntryType])[]> {
		const folder = fsPath(uri);
		const entries = readdirSync(folder, { withFileTypes: true });
		// U+FFFD is what Node makes of bytes that are not UTF-8 (or a name's own U+FFFD): read that folder's names as bytes.
		if (!entries.some((entry) => entry.name.includes('\uFFFD'))) return entries.map((entry) => [entry.name, entryType(entry)]);
		return readdirSync(folder, { withFileTypes: true, encoding: 'buffer' }).map((entry) => [decodeFileName(entry.name), entryType(entry)]);
	}

	async readFile(uri: string): Promise<string> {
		const read = readRegularFile(fsPath(uri), Number.MAX_SAFE_INTEGER);
		if (!('text' in read)) throw new Error(`Too large to read: ${toPath(uri)} (${read.size} bytes)`);
		return read.text;
	}

	async readTextUpTo(uri: string, maxBytes: number): Promise<{ readonly text: string } | { readonly size: number }> {
		return readRegularFile(fsPath(uri), maxBytes);
	}
}

function entryType(entry: { isFile(): boolean; isDirectory(): boolean; isSymbolicLink(): boolean }): EntryType {
	return entry.isFile() ? 'file' : entry.isDirectory() ? 'directory' : entry.isSymbolicLink() ? 'symlink' : 'other';
}

/**
 * Reads a regular file only: opened without following a symbolic link (one swapped in after the
 * walk saw a file, or named by a watcher event, is not followed out of the workspace) and without
 * waiting on a pipe or device (a FIFO named like a source file would never end). Larger than
 * `maxBytes`: its size, unread.
 */
function readRegularFile(path: string | Buffer, maxBytes: number): { readonly text: string } | { readonly size: number } {
	const fd = openSync(path, constants.O_RDONLY | noFollow | (constants.O_NONBLOCK ?? 0));
	try {
		const stat = fstatSync(fd);
		if (!stat.isFile()) throw Object.assign(new Error(`Not a regular file: ${typeof path === 'string' ? path : decodeFileName(path)}`), { code: 'ENOTFILE' });
		if (stat.size > maxBytes) return { size: stat.size };
		const buffer = Buffer.allocUnsafe(stat.size);
		let length = 0;
		// Until the size seen (a file that shrinks meanwhile ends early; one that grows is read as it was).
		while (length < buffer.length) {
			const count = readSync(fd, buffer, length, buffer.length - length, null);
			if (count === 0) break;
			length += count;
		}
		return { text: buffer.toString('utf8', 0, length) };
	} finally {
		closeSync(fd);
	}
}

/** O_NOFOLLOW where the platform has it (not on Windows, whose links the walk reports as such anyway). */
const noFollow = constants.O_NOFOLLOW ?? 0;

/** The file path a URI names; bytes that are not UTF-8 stay escaped in it (fileNameBytes.ts): for display and `path` functions, not for fs. */
export function toPath(uri: string): string {
	// (On POSIX a plain file URI's path is its file path: no parse for each of 20,000 reads.)
	if (process.platform !== 'win32' && isPlainFileUri(uri)) return uri.slice('file://'.length);
	return parseUri(uri).fsPath;
}

/** The path to give fs: the path, or its bytes when it has some that are not UTF-8. */
export function fsPath(uri: string): string | Buffer {
	if (process.platform !== 'win32' && isPlainFileUri(uri)) return uri.slice('file://'.length);
	const path = parseUri(uri).fsPath;
	return hasEscapedBytes(path) ? Buffer.from(encodeFileName(path)) : path;
}

/** The URI of a file path (which may hold escaped bytes, fileNameBytes.ts). */
export function toUri(path: string): string {
	return formatUri(URI.file(path));
}
