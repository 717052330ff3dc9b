import type { SourceFileKinds } from '../sourceFileKinds';
import type { MarkupDialect } from './embeddedScripts';

/**
 * The files the JavaScript/TypeScript front end reads. No parser here (only types are imported), so
 * the client bundle stays small. `.mts`/`.cts` are TypeScript modules, parsed as TypeScript.
 */
export const scriptExtensions = {
	'.js': 'js',
	'.mjs': 'js',
	'.cjs': 'js',
	'.jsx': 'jsx',
	'.ts': 'ts',
	'.mts': 'ts',
	'.cts': 'ts',
	'.tsx': 'tsx',
} as const satisfies Readonly<Record<string, 'js' | 'jsx' | 'ts' | 'tsx'>>;

/** Markup files whose `<script>` blocks are scanned. */
export const markupExtensions = {
	'.vue': 'vue',
	'.svelte': 'svelte',
	'.html': 'html',
} as const satisfies Readonly<Record<string, MarkupDialect>>;

export const javaScriptFileKinds: SourceFileKinds = {
	extensions: [...Object.keys(scriptExtensions), ...Object.keys(markupExtensions)],
	languageIds: ['javascript', 'javascriptreact', 'typescript', 'typescriptreact', 'vue', 'svelte', 'html'],
};
