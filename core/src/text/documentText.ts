/**
 * Normalises text read from disk the way editors do, so offsets agree between the CLI and an
 * editor: a leading byte-order mark is dropped (VS Code never shows it in the document).
 */
export function documentText(raw: string): string {
	return raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
}
