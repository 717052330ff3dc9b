import { constants, promises as fs } from 'node:fs';
import { URI } from 'vscode-uri';
import type { EntryStat, EntryType, WorkspaceFileSystem } from '../../core/src/index';

/** The core's WorkspaceFileSystem over Node's fs. Never follows symbolic links. */
export class NodeFileSystem implements WorkspaceFileSystem {
	async stat(uri: string): Promise<EntryStat | undefined> {
		try {
			const stat = await fs.lstat(toPath(uri));
			return { type: stat.isFile() ? 'file' : stat.isDirectory() ? 'directory' : stat.isSymbolicLink() ? 'symlink' : 'other', size: stat.size };
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') return undefined;
			throw error;
		}
	}

	async readDirectory(uri: string): Promise<readonly (readonly [string, EntryType])[]> {
		const entries = await fs.readdir(toPath(uri), { withFileTypes: true });
		return entries.map((entry) => [
			entry.name,
			entry.isFile() ? 'file' : entry.isDirectory() ? 'directory' : entry.isSymbolicLink() ? 'symlink' : 'other',
		]);
	}

	/**
	 * Reads a regular file only: opened without following a symbolic link (one swapped in after the
	 * walk saw a file, or named by a watcher event, is not followed out of the workspace) and without
	 * waiting on a pipe or device (a FIFO named like a source file would never end).
	 */
	async readFile(uri: string): Promise<string> {
		const handle = await fs.open(toPath(uri), constants.O_RDONLY | noFollow | (constants.O_NONBLOCK ?? 0));
		try {
			if (!(await handle.stat()).isFile()) throw Object.assign(new Error(`Not a regular file: ${toPath(uri)}`), { code: 'ENOTFILE' });
			return await handle.readFile('utf8');
		} finally {
			await handle.close();
		}
	}
}

/** O_NOFOLLOW where the platform has it (not on Windows, whose links the walk reports as such anyway). */
const noFollow = constants.O_NOFOLLOW ?? 0;

export function toPath(uri: string): string {
	return URI.parse(uri).fsPath;
}

export function toUri(path: string): string {
	return URI.file(path).toString();
}
