import { URI, Utils } from 'vscode-uri';

/** URI helpers; the core names every document by a URI string. */
export function joinUri(base: string, ...segments: string[]): string {
	return Utils.joinPath(URI.parse(base), ...segments).toString();
}

export function dirnameUri(uri: string): string {
	return Utils.dirname(URI.parse(uri)).toString();
}

export function basenameUri(uri: string): string {
	return Utils.basename(URI.parse(uri));
}

/** The path of `uri` below `folder`, with `/` separators, or undefined when it is not inside. */
export function relativeUriPath(folder: string, uri: string): string | undefined {
	const base = URI.parse(folder).path.replace(/\/$/, '');
	const target = URI.parse(uri).path;
	if (target === base) return '';
	return target.startsWith(`${base}/`) ? target.slice(base.length + 1) : undefined;
}
