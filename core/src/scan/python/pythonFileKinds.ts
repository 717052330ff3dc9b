import type { SourceFileKinds } from '../sourceFileKinds';

/**
 * The files the Python front end reads. No parser here (the VS Code client bundles this list).
 * `.pyi` stubs are left out: they declare signatures and never send anything.
 */
export const pythonFileKinds: SourceFileKinds = {
	extensions: ['.py'],
	languageIds: ['python'],
};

export function isPythonFile(uri: string): boolean {
	return uri.toLowerCase().endsWith('.py');
}
