/** Zero-based line and UTF-16 character, as in LSP. */
export interface LinePosition {
	readonly line: number;
	readonly character: number;
}

/**
 * Converts offsets to line/character and back. Lines end at `\n`, `\r\n` or a lone `\r`, as LSP
 * defines them. Built once per text and keeps only the line starts (not the text), so results can
 * hold one per file cheaply; each conversion is a binary search.
 */
export class LineIndex {
	private readonly lineStarts: number[];
	/** Length of the line break ending each line (0 for the last). */
	private readonly breakLengths: number[];
	readonly length: number;

	constructor(text: string) {
		const starts = [0];
		const breaks: number[] = [];
		if (!text.includes('\r')) {
			// The common case, found by the engine's fast search: \n only.
			for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) {
				breaks.push(1);
				starts.push(at + 1);
			}
		} else {
			for (let i = 0; i < text.length; i++) {
				const c = text.charCodeAt(i);
				if (c === 13 /* \r */) {
					const crlf = text.charCodeAt(i + 1) === 10;
					if (crlf) i++;
					breaks.push(crlf ? 2 : 1);
					starts.push(i + 1);
				} else if (c === 10 /* \n */) {
					breaks.push(1);
					starts.push(i + 1);
				}
			}
		}
		breaks.push(0);
		this.lineStarts = starts;
		this.breakLengths = breaks;
		this.length = text.length;
	}

	get lineCount(): number {
		return this.lineStarts.length;
	}

	positionAt(offset: number): LinePosition {
		const clamped = Math.max(0, Math.min(offset, this.length));
		let low = 0;
		let high = this.lineStarts.length - 1;
		while (low < high) {
			const mid = (low + high + 1) >> 1;
			if (this.lineStarts[mid]! <= clamped) low = mid;
			else high = mid - 1;
		}
		// An offset between \r and \n belongs to the end of the line's content.
		const character = Math.min(clamped - this.lineStarts[low]!, this.lineEnd(low) - this.lineStarts[low]!);
		return { line: low, character };
	}

	offsetAt(position: LinePosition): number {
		if (position.line < 0) return 0;
		if (position.line >= this.lineStarts.length) return this.length;
		const start = this.lineStarts[position.line]!;
		return Math.max(start, Math.min(start + Math.max(0, position.character), this.lineEnd(position.line)));
	}

	/** Offset of the end of a line's content, before its line break. */
	lineEnd(line: number): number {
		if (line + 1 >= this.lineStarts.length) return this.length;
		return this.lineStarts[line + 1]! - this.breakLengths[line]!;
	}
}
