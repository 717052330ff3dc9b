/** The one span that differs between two versions of a text: their common prefix and suffix removed. */
export interface ChangedSpan {
	/** Where the texts start to differ (the length of the common prefix). */
	readonly start: number;
	/** Where the changed span ends in the old text, and in the new one. */
	readonly oldEnd: number;
	readonly newEnd: number;
}

const chunk = 1024;

/** The span that differs between `before` and `after` (for incremental re-parses: TypeScript's change range, tree-sitter's edit). */
export function changedSpan(before: string, after: string): ChangedSpan {
	const shorter = Math.min(before.length, after.length);
	// Whole chunks first (a substring comparison is a memory compare), then character by character.
	let prefix = 0;
	while (prefix + chunk <= shorter && before.slice(prefix, prefix + chunk) === after.slice(prefix, prefix + chunk)) prefix += chunk;
	while (prefix < shorter && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
	const room = shorter - prefix;
	let suffix = 0;
	while (suffix + chunk <= room && before.slice(before.length - suffix - chunk, before.length - suffix) === after.slice(after.length - suffix - chunk, after.length - suffix)) suffix += chunk;
	while (suffix < room && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
	return { start: prefix, oldEnd: before.length - suffix, newEnd: after.length - suffix };
}
