import type { FileFacts } from './callFacts';
import type { CodeWriter } from './codeWriter';
import type { CompletionContext } from './completionContext';
import type { SourceFileKinds } from './sourceFileKinds';
import type { WasmAssets, WasmFile } from './wasmAssets';

/**
 * A language front end of the scanner. Each turns one file's text into the same call facts, and
 * owns everything else that knows its language's syntax (imports, how names are written, what the
 * cursor is typing), so rules, the workspace index and the editor features never know which
 * language a call was written in. docs/adding-a-language.md is the checklist for a new one.
 */
export interface SourceFrontEnd {
	readonly language: string;
	/** The extensions and VS Code language ids of the files it reads (the same list as in ./defaultFileKinds.ts). */
	readonly files: SourceFileKinds;
	/** Whether this front end reads the file (by its name: one of `files.extensions`). */
	handles(uri: string): boolean;
	/** A cheap test on the raw text: false means the file cannot hold a call and is not parsed. */
	mayContainGroupCalls(text: string): boolean;
	/** Parses the file and returns its facts; never throws, never keeps the syntax tree. Only called once `prepare` (if any) has resolved. */
	scan(uri: string, text: string): FileFacts;
	/**
	 * Optional, for a file being edited: as `scan`, given the state the previous call returned for the
	 * same file, and returning the state for the next one (e.g. the syntax tree and per-statement
	 * facts, so a keystroke re-parses only what it changed). The state is opaque to the host, which
	 * keeps it for a few recently edited files only and passes each state at most once: the front end
	 * owns a state passed back to it; a state the host drops instead goes to `disposeState`.
	 */
	scanEdited?(uri: string, text: string, previous: unknown): { readonly facts: FileFacts; readonly state: unknown };
	/** Releases what a `scanEdited` state holds outside the JS heap (a tree-sitter tree lives in WebAssembly memory until deleted). */
	disposeState?(state: unknown): void;
	/**
	 * The WebAssembly files `prepare` reads (a parser runtime, a grammar). The build copies them next
	 * to the bundles; a front end without them parses in plain JS and needs no `prepare`.
	 */
	readonly wasmFiles?: readonly WasmFile[];
	/**
	 * Asynchronous set-up before the first scan (loading its parser's WebAssembly), so that scanning
	 * stays synchronous. Hosts await it once they see a file this front end handles, never otherwise:
	 * a workspace without such files pays nothing. Idempotent; rejects when the files cannot be loaded.
	 */
	prepare?(assets: WasmAssets): Promise<void>;
	/** True when `scan` can run (no `prepare`, or it has resolved). */
	isReady(): boolean;
	/**
	 * The workspace file an import of `fromUri` names (`specifier` as the facts' `ImportRef.module`
	 * records it), or undefined for packages and anything not in the workspace. `exists` says whether
	 * a URI is a source file of the workspace.
	 */
	resolveModule(fromUri: string, specifier: string, exists: (uri: string) => boolean): string | undefined;
	/** How names and groups are written in this language, for quick fixes, rename and completion. */
	readonly code: CodeWriter;
	/** What the code before `offset` is in the middle of writing (inside `setGroup('`, a `groups` mapping…), or undefined. */
	completionContext(text: string, offset: number): CompletionContext | undefined;
}
