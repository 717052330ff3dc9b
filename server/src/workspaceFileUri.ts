import { URI } from 'vscode-uri';
import { relativeUriPath } from '../../core/src/index';

/**
 * The path below one of `folders` that `uri` names, as segments, when it is a plain file of the
 * workspace: a `file:` URI without host, query or fragment, inside a folder, with no `.`, `..` or
 * empty segment (written out or percent-encoded: `%2e%2e`, `..%2f`). Anything else — another
 * scheme, a path climbing out, a UNC host — is undefined: a host that reads what a client names
 * (a watcher event) reads only files a walk of the folders could reach. Symbolic links on the way
 * are the caller's to check (this is text only).
 */
export function workspaceFileSegments(folders: readonly string[], uri: string): { folder: string; segments: string[] } | undefined {
	let parsed: URI;
	try {
		parsed = URI.parse(uri, true);
	} catch {
		return undefined;
	}
	if (parsed.scheme !== 'file' || parsed.authority !== '' || parsed.query !== '' || parsed.fragment !== '') return undefined;
	const segments = parsed.path.split('/').slice(1);
	if (segments.some((segment) => !isPlainSegment(segment))) return undefined;
	for (const folder of folders) {
		const relative = relativeUriPath(folder, uri);
		if (relative) return { folder, segments: relative.split('/') };
	}
	return undefined;
}

function isPlainSegment(segment: string): boolean {
	if (segment === '' || segment === '.' || segment === '..' || segment.includes('\0')) return false;
	// On Windows a backslash separates folders too (`a\..\..\b`).
	return process.platform !== 'win32' || !segment.includes('\\');
}
