import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';

/** Packages the pure core may import (web-tree-sitter is pure WebAssembly: its bytes come through WasmAssets); everything else (vscode, the language server, Node's built-ins) is banned. */
export const allowedCorePackages: ReadonlySet<string> = new Set(['yaml', 'typescript', 'vscode-uri', 'web-tree-sitter']);

export interface ImportViolation {
	readonly file: string;
	readonly specifier: string;
}

/** Every import, require, re-export or dynamic import in `text` that the core may not have. */
export function impureImports(file: string, text: string): ImportViolation[] {
	return ts
		.preProcessFile(text, true, true)
		.importedFiles.map((ref) => ref.fileName)
		.filter((specifier) => !specifier.startsWith('.') && !allowedCorePackages.has(packageName(specifier)))
		.map((specifier) => ({ file, specifier }));
}

function packageName(specifier: string): string {
	const parts = specifier.split('/');
	return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

export function typeScriptFilesUnder(folder: string): string[] {
	return readdirSync(folder, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
		.map((entry) => path.join(entry.parentPath, entry.name));
}

export function impureImportsUnder(folder: string): ImportViolation[] {
	return typeScriptFilesUnder(folder).flatMap((file) => impureImports(file, readFileSync(file, 'utf8')));
}
