/** A span of a document in UTF-16 code-unit offsets, end exclusive. The core never speaks lines. */
export interface TextRange {
	readonly start: number;
	readonly end: number;
}

export function textRange(start: number, end: number): TextRange {
	return { start, end: Math.max(start, end) };
}

export function rangeContains(outer: TextRange, offset: number): boolean {
	return offset >= outer.start && offset <= outer.end;
}
