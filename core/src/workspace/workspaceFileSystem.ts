/** What a host tells the core about a path. Symbolic links are reported as such and never followed. */
export type EntryType = 'file' | 'directory' | 'symlink' | 'other';

export interface EntryStat {
	readonly type: EntryType;
	readonly size: number;
}

/**
 * The core's only window on files. The CLI implements it over Node's fs, the server over open
 * documents plus disk, tests in memory. URIs are strings (`file:///…`).
 */
export interface WorkspaceFileSystem {
	/** undefined when nothing is there. Throws when the entry exists but cannot be read. */
	stat(uri: string): Promise<EntryStat | undefined>;
	/** Entry names and types, unsorted. Throws when the folder cannot be read. */
	readDirectory(uri: string): Promise<readonly (readonly [string, EntryType])[]>;
	/** The file's text, decoded as UTF-8. Throws when it cannot be read. */
	readFile(uri: string): Promise<string>;
	/**
	 * Optional, for hosts that can look at a file's size and read it in one go (the walk then does not
	 * stat every file first): its text when it is at most `maxBytes` long, else its size, unread.
	 * Throws like `readFile`.
	 */
	readTextUpTo?(uri: string, maxBytes: number): Promise<{ readonly text: string } | { readonly size: number }>;
}
