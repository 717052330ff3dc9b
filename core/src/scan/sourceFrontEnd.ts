import type { FileFacts } from './callFacts';
import type { SourceFileKinds } from './sourceFileKinds';

/**
 * A language front end of the scanner. Each turns one file's text into the same call facts, so
 * the rules never know which language a call was written in.
 */
export interface SourceFrontEnd {
	readonly language: string;
	/** The extensions and VS Code language ids of the files it reads (the same list as in ./defaultFileKinds.ts). */
	readonly files: SourceFileKinds;
	/** Whether this front end reads the file (by its name: one of `files.extensions`). */
	handles(uri: string): boolean;
	/** A cheap test on the raw text: false means the file cannot hold a call and is not parsed. */
	mayContainGroupCalls(text: string): boolean;
	/** Parses the file and returns its facts; never throws, never keeps the syntax tree. */
	scan(uri: string, text: string): FileFacts;
	/**
	 * Optional, for a file being edited: as `scan`, given the state the previous call returned for the
	 * same file, and returning the state for the next one (e.g. the syntax tree and per-statement
	 * facts, so a keystroke re-parses only what it changed). The state is opaque to the host, which
	 * keeps it for a few recently edited files only and passes each state at most once.
	 */
	scanEdited?(uri: string, text: string, previous: unknown): { readonly facts: FileFacts; readonly state: unknown };
}
