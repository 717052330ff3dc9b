import { URI, Utils } from 'vscode-uri';

/**
 * URI helpers; the core names every document by a URI string.
 *
 * A walk handles every file's URI several times (join, dirname, relative path), and parsing a URI
 * costs microseconds: at 20,000 files, a tenth of a check. So a plain `file:///` URI — only
 * characters that need no encoding, no segment that is empty, `.` or `..` (`.cache` is fine), no
 * trailing slash, no drive colon — is handled as the string it is; anything else goes through
 * vscode-uri.
 * The two agree on every plain URI (test/core/workspace/uris.test.ts compares them).
 */
const plainFileUri = /^file:\/\/(?:\/(?!\.\.?(?:\/|$))[A-Za-z0-9._~-]+)+$/;
const plainSegment = /^(?!\.\.?$)[A-Za-z0-9._~-]+$/;

/** True for a URI the fast paths handle (see above). */
export function isPlainFileUri(uri: string): boolean {
	return plainFileUri.test(uri);
}

export function joinUri(base: string, ...segments: string[]): string {
	if (segments.length === 1 && plainSegment.test(segments[0]!) && isPlainFileUri(base)) return `${base}/${segments[0]}`;
	return Utils.joinPath(URI.parse(base), ...segments).toString();
}

export function dirnameUri(uri: string): string {
	if (isPlainFileUri(uri)) {
		const slash = uri.lastIndexOf('/');
		return slash === 'file://'.length ? 'file:///' : uri.slice(0, slash);
	}
	return Utils.dirname(URI.parse(uri)).toString();
}

export function basenameUri(uri: string): string {
	return Utils.basename(URI.parse(uri));
}

/** The path of `uri` below `folder`, with `/` separators, or undefined when it is not inside. */
export function relativeUriPath(folder: string, uri: string): string | undefined {
	const base = (isPlainFileUri(folder) ? folder.slice('file://'.length) : URI.parse(folder).path).replace(/\/$/, '');
	const target = isPlainFileUri(uri) ? uri.slice('file://'.length) : URI.parse(uri).path;
	if (target === base) return '';
	return target.startsWith(`${base}/`) ? target.slice(base.length + 1) : undefined;
}
