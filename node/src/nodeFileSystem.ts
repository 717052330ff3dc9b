import { promises as fs } from 'node:fs';
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

	async readFile(uri: string): Promise<string> {
		return fs.readFile(toPath(uri), 'utf8');
	}
}

export function toPath(uri: string): string {
	return URI.parse(uri).fsPath;
}

export function toUri(path: string): string {
	return URI.file(path).toString();
}
