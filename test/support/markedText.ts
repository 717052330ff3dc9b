import type { TextRange } from '../../core/src/index';

/**
 * Fixture text with expected ranges marked `«like this»` and an optional cursor `|`.
 * Returns the clean text and the marked ranges in order.
 */
export function markedText(marked: string, options: { cursor?: boolean } = {}): { text: string; ranges: TextRange[]; cursor?: number } {
	let text = '';
	const ranges: TextRange[] = [];
	const open: number[] = [];
	let cursor: number | undefined;
	for (const ch of marked) {
		if (ch === '«') open.push(text.length);
		else if (ch === '»') ranges.push({ start: open.pop()!, end: text.length });
		else if (ch === '|' && options.cursor) cursor = text.length;
		else text += ch;
	}
	if (open.length > 0) throw new Error('Unclosed « in fixture');
	ranges.sort((a, b) => a.start - b.start);
	return cursor === undefined ? { text, ranges } : { text, ranges, cursor };
}

/** Joins lines with `\n` (or the given break), for fixtures whose line endings matter. */
export function lines(...content: string[]): string {
	return content.join('\n');
}
