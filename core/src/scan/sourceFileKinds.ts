/**
 * Which files a language front end reads: plain data, without the parser, so that the VS Code
 * client can bundle it for its document selector and the server can build its file watcher from it.
 */
export interface SourceFileKinds {
	/** File name extensions, lower case with the dot (`.ts`). */
	readonly extensions: readonly string[];
	/** The VS Code language ids of those files (`typescriptreact`). */
	readonly languageIds: readonly string[];
}

/** Every extension of the given front ends, in order, each once. */
export function sourceExtensions(kinds: readonly SourceFileKinds[]): string[] {
	return [...new Set(kinds.flatMap((kind) => kind.extensions))];
}

/** Every VS Code language id of the given front ends, in order, each once. */
export function sourceLanguageIds(kinds: readonly SourceFileKinds[]): string[] {
	return [...new Set(kinds.flatMap((kind) => kind.languageIds))];
}

/** A glob for the files with these extensions, in every folder (`['.ts', '.yaml']` → `{ts,yaml}` after `**` and `/*.`). */
export function extensionsGlob(extensions: readonly string[]): string {
	return `**/*.{${extensions.map((extension) => extension.slice(1)).join(',')}}`;
}
