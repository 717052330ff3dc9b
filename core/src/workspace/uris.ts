import { URI, Utils } from 'vscode-uri';
import { decodeFileName, escapedByteOf, hasEscapedBytes, utf8Bytes } from './fileNameBytes';

/**
 * URI helpers; the core names every document by a URI string.
 *
 * A walk handles every file's URI several times (join, dirname, relative path), and parsing a URI
 * costs microseconds: at 20,000 files, a tenth of a check. So a plain `file:///` URI — only
 * characters that need no encoding, no segment that is empty, `.` or `..` (`.cache` is fine), no
 * trailing slash, no drive colon — is handled as the string it is; anything else goes through
 * vscode-uri.
 * The two agree on every plain URI (test/core/workspace/uris.test.ts compares them).
 *
 * A file name that is not UTF-8 has its bytes percent-encoded in its URI (`file:///a/%FF.ts`; see
 * fileNameBytes.ts), which vscode-uri cannot decode (it keeps `%FF` as text, and re-encodes it as
 * `%25FF`): such URIs and names go through parseUri and formatUri.
 */
const plainFileUri = /^file:\/\/(?:\/(?!\.\.?(?:\/|$))[A-Za-z0-9._~-]+)+$/;
const plainSegment = /^(?!\.\.?$)[A-Za-z0-9._~-]+$/;

/** True for a URI the fast paths handle (see above). */
export function isPlainFileUri(uri: string): boolean {
	return plainFileUri.test(uri);
}

export function joinUri(base: string, ...segments: string[]): string {
	if (segments.length === 1 && plainSegment.test(segments[0]!) && isPlainFileUri(base)) return `${base}/${segments[0]}`;
	return formatUri(Utils.joinPath(parseUri(base), ...segments));
}

export function dirnameUri(uri: string): string {
	if (isPlainFileUri(uri)) {
		const slash = uri.lastIndexOf('/');
		return slash === 'file://'.length ? 'file:///' : uri.slice(0, slash);
	}
	return formatUri(Utils.dirname(parseUri(uri)));
}

export function basenameUri(uri: string): string {
	return Utils.basename(parseUri(uri));
}

/** The path of `uri` below `folder`, with `/` separators, or undefined when it is not inside. */
export function relativeUriPath(folder: string, uri: string): string | undefined {
	const base = (isPlainFileUri(folder) ? folder.slice('file://'.length) : parseUri(folder).path).replace(/\/$/, '');
	const target = isPlainFileUri(uri) ? uri.slice('file://'.length) : parseUri(uri).path;
	if (target === base) return '';
	if (!target.startsWith(`${base}/`)) return undefined;
	const relative = target.slice(base.length + 1);
	// A `..` written `%2e%2e` is decoded by the parse, and would lead out of `folder` (plain URIs have no dot segments).
	if (!isPlainFileUri(uri) && relative.split('/').some((segment) => segment === '..' || segment === '.')) return undefined;
	return relative;
}

/** URI.parse, except that a path with bytes that are not UTF-8 (`%FF`) decodes to them, escaped (fileNameBytes.ts). */
export function parseUri(uri: string): URI {
	const parsed = URI.parse(uri);
	if (!hasNonUtf8Escapes(uri)) return parsed;
	return parsed.with({ path: decodeFileName(percentDecodedBytes(uriParts.exec(uri)![1]!)) });
}

/** URI.toString, except that escaped bytes in the path (fileNameBytes.ts) are written as themselves, `%XX`. */
export function formatUri(uri: URI): string {
	if (!hasEscapedBytes(uri.path)) return uri.toString();
	// vscode-uri writes the scheme and authority (before a path `/`), and the query and fragment (after a bare `x:`).
	const head = URI.from({ scheme: uri.scheme, authority: uri.authority, path: '/' }).toString().slice(0, -1);
	const tail = URI.from({ scheme: 'x', path: '', query: uri.query, fragment: uri.fragment }).toString().slice('x:'.length);
	return `${head}${encodePath(uri.path)}${tail}`;
}

/** The path of a URI as written (vscode-uri's own split: scheme, authority, path, query, fragment). */
const uriParts = /^(?:[^:/?#]+?:)?(?:\/\/[^/?#]*)?([^?#]*)/;

/** Whether some %XX escapes in the URI are not UTF-8 (a quick look for a high byte first: most URIs have none). */
function hasNonUtf8Escapes(uri: string): boolean {
	if (!/%[89A-Fa-f][0-9A-Fa-f]/.test(uri)) return false;
	try {
		decodeURIComponent(uri.replace(/%(?![0-9A-Fa-f]{2})/g, '%25'));
		return false;
	} catch {
		return true;
	}
}

/** A written URI path's bytes: each %XX as that byte, any other character as its UTF-8. */
function percentDecodedBytes(path: string): Uint8Array {
	const bytes: number[] = [];
	for (let i = 0; i < path.length; i++) {
		if (path[i] === '%' && /^[0-9A-Fa-f]{2}$/.test(path.slice(i + 1, i + 3))) {
			bytes.push(parseInt(path.slice(i + 1, i + 3), 16));
			i += 2;
		} else {
			const code = path.codePointAt(i)!;
			bytes.push(...utf8Bytes(code));
			if (code > 0xffff) i++;
		}
	}
	return Uint8Array.from(bytes);
}

/** A path encoded as vscode-uri encodes one (unreserved characters and `/` kept, a drive letter lower-cased), escaped bytes as `%XX`. */
function encodePath(path: string): string {
	return path
		.replace(/^\/([A-Z]):/, (_, drive: string) => `/${drive.toLowerCase()}:`)
		.split('/')
		.map((segment) => encodeUriComponentBytes(segment).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
		.join('/');
}

/** encodeURIComponent, except that escaped bytes (fileNameBytes.ts) are `%XX` and a lone surrogate of no byte is U+FFFD's (as Node writes it): never throws. */
export function encodeUriComponentBytes(text: string): string {
	if (!/[\uD800-\uDFFF]/.test(text)) return encodeURIComponent(text);
	let encoded = '';
	for (const char of text) {
		const byte = escapedByteOf(char);
		if (byte !== undefined) encoded += `%${byte.toString(16).toUpperCase()}`;
		else encoded += /^[\uD800-\uDFFF]$/.test(char) ? '%EF%BF%BD' : encodeURIComponent(char);
	}
	return encoded;
}
