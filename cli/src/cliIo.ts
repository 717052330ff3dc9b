import type { WorkspaceFileSystem } from '../../core/src/index';

/** What a command may touch: the working directory, the two streams, and the files. */
export interface CliIo {
	readonly cwd: string;
	readonly stdout: (text: string) => void;
	readonly stderr: (text: string) => void;
	/** The file system to read; Node's by default (tests inject failures). */
	readonly files?: WorkspaceFileSystem;
}
