import type { WorkspaceFileSystem } from '../../core/src/index';

/** What a command may touch: the working directory, the two streams, and the files. */
export interface CliIo {
	readonly cwd: string;
	readonly stdout: (text: string) => void;
	readonly stderr: (text: string) => void;
	/** The file system to read; Node's by default (tests inject failures). */
	readonly files?: WorkspaceFileSystem;
}

/** A process stream the CLI writes to, and what became of the writing. */
export interface StreamWriter {
	readonly write: (text: string) => void;
	/** Why output was lost (the disk is full, …); undefined while it is written, or when the reader went away. */
	readonly failure: () => Error | undefined;
}

/**
 * Writes to `stream` until it fails. A reader that goes away (`trackplan check | head`: EPIPE) ends the
 * writing quietly, as every Unix filter does: what it did not read it did not want, and the exit code
 * still tells the check's result. Any other failure (ENOSPC on `> file`) is kept for the caller to
 * report: the output is incomplete. Either way nothing more is written and nothing is thrown.
 */
export function streamWriter(stream: NodeJS.WriteStream): StreamWriter {
	let closed = false;
	let failure: Error | undefined;
	const fail = (error: NodeJS.ErrnoException) => {
		closed = true;
		if (error.code !== 'EPIPE' && failure === undefined) failure = error;
	};
	stream.on('error', fail);
	return {
		write: (text) => {
			if (closed) return;
			try {
				stream.write(text);
			} catch (error) {
				// A stream whose descriptor is gone may throw at once instead of emitting 'error'.
				fail(error as NodeJS.ErrnoException);
			}
		},
		failure: () => failure,
	};
}
