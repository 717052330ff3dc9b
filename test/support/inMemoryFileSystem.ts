import type { EntryStat, EntryType, WorkspaceFileSystem } from '../../core/src/index';

/**
 * A workspace held in memory: `{ 'file:///ws/tracking-plan.yaml': '...' }`. Folders are implied by
 * paths. Counts reads, so tests can assert what was (not) read again.
 */
export class InMemoryFileSystem implements WorkspaceFileSystem {
	readonly reads: string[] = [];
	private readonly files = new Map<string, string>();

	constructor(files: Record<string, string> = {}) {
		for (const [uri, text] of Object.entries(files)) this.files.set(uri, text);
	}

	write(uri: string, text: string): void {
		this.files.set(uri, text);
	}

	delete(uri: string): void {
		this.files.delete(uri);
	}

	async stat(uri: string): Promise<EntryStat | undefined> {
		const text = this.files.get(uri);
		if (text !== undefined) return { type: 'file', size: text.length };
		const prefix = uri.endsWith('/') ? uri : `${uri}/`;
		for (const key of this.files.keys()) if (key.startsWith(prefix)) return { type: 'directory', size: 0 };
		return undefined;
	}

	async readDirectory(uri: string): Promise<readonly (readonly [string, EntryType])[]> {
		const prefix = uri.endsWith('/') ? uri : `${uri}/`;
		const entries = new Map<string, EntryType>();
		for (const key of this.files.keys()) {
			if (!key.startsWith(prefix)) continue;
			const [first, ...rest] = key.slice(prefix.length).split('/');
			entries.set(first!, rest.length > 0 ? 'directory' : 'file');
		}
		if (entries.size === 0) throw new Error(`ENOENT: no such directory ${uri}`);
		return [...entries];
	}

	async readFile(uri: string): Promise<string> {
		const text = this.files.get(uri);
		if (text === undefined) throw new Error(`ENOENT: no such file ${uri}`);
		this.reads.push(uri);
		return text;
	}
}
