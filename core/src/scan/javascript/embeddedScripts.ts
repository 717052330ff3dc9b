/** Markup files whose scripts are scanned: `<script>` blocks and inline event-handler attributes. */
export type MarkupDialect = 'html' | 'vue' | 'svelte';

export interface EmbeddedScripts {
	/** Same length as the original: everything outside script regions blanked (line breaks kept), `;` after each region. */
	readonly text: string;
	/** Some `<script lang="ts">` block: parse as TypeScript. */
	readonly typescript: boolean;
	/** Some `<script lang="tsx|jsx">` block. */
	readonly jsx: boolean;
	/** The script regions found, as [start, end) offsets. */
	readonly regions: readonly (readonly [number, number])[];
}

const scriptTypes = /^(?:|text\/javascript|application\/javascript|module|text\/typescript|application\/typescript|text\/babel|text\/jsx)$/i;

/**
 * Finds the script regions of a markup file: `<script>` contents (not `src=` ones, not JSON or
 * templates), `on*="…"` handler attributes, Vue `@event="…"`/`v-on:event="…"`, and Svelte
 * `on:event={…}`/`onevent={…}`. Returns a copy of the text in which everything else is blanked,
 * so offsets in the parsed copy are offsets in the original.
 */
export function extractEmbeddedScripts(text: string, dialect: MarkupDialect): EmbeddedScripts {
	const regions: [number, number][] = [];
	let typescript = false;
	let jsx = false;
	let i = 0;
	while (i < text.length) {
		const open = text.indexOf('<', i);
		if (open < 0) break;
		if (text.startsWith('<!--', open)) {
			const close = text.indexOf('-->', open + 4);
			i = close < 0 ? text.length : close + 3;
			continue;
		}
		const nameMatch = /^<([a-zA-Z][\w:.-]*)/.exec(text.slice(open, open + 64));
		if (!nameMatch) {
			i = open + 1;
			continue;
		}
		const tagName = nameMatch[1]!.toLowerCase();
		const tag = readTag(text, open + nameMatch[0].length, dialect);
		for (const region of tag.handlerRegions) regions.push(region);
		i = tag.end;
		if (tagName === 'script' || tagName === 'style' || tagName === 'textarea') {
			const closeTag = text.slice(tag.end).search(new RegExp(`</${tagName}\\s*>`, 'i'));
			const contentEnd = closeTag < 0 ? text.length : tag.end + closeTag;
			if (tagName === 'script' && tag.attributes.get('src') === undefined && scriptTypes.test(tag.attributes.get('type') ?? '')) {
				regions.push([tag.end, contentEnd]);
				const lang = (tag.attributes.get('lang') ?? '').toLowerCase();
				if (lang === 'ts' || lang === 'typescript' || lang === 'tsx' || /typescript/i.test(tag.attributes.get('type') ?? '')) typescript = true;
				if (lang === 'tsx' || lang === 'jsx') jsx = true;
			}
			i = contentEnd;
		}
	}
	return { text: blankOutside(text, regions), typescript, jsx, regions };
}

interface TagReading {
	/** Offset just after the tag's closing `>`. */
	readonly end: number;
	readonly attributes: ReadonlyMap<string, string>;
	readonly handlerRegions: readonly [number, number][];
}

function isHandlerAttribute(name: string, dialect: MarkupDialect): boolean {
	if (/^on[a-z]+$/i.test(name)) return true;
	if (dialect === 'vue') return name.startsWith('@') || name.startsWith('v-on:');
	if (dialect === 'svelte') return name.startsWith('on:');
	return false;
}

/** Reads attributes from `start` (after the tag name) to the closing `>`, quotes and `{…}` values respected. */
function readTag(text: string, start: number, dialect: MarkupDialect): TagReading {
	const attributes = new Map<string, string>();
	const handlerRegions: [number, number][] = [];
	let i = start;
	while (i < text.length) {
		const c = text[i]!;
		if (c === '>') return { end: i + 1, attributes, handlerRegions };
		if (/\s|\//.test(c)) {
			i++;
			continue;
		}
		const nameMatch = /^[^\s=>/"'{]+/.exec(text.slice(i, i + 256));
		if (!nameMatch) {
			// A stray quote or brace: skip one character rather than loop.
			i++;
			continue;
		}
		const name = nameMatch[0];
		i += name.length;
		while (i < text.length && /\s/.test(text[i]!)) i++;
		if (text[i] !== '=') {
			attributes.set(name.toLowerCase(), '');
			continue;
		}
		i++;
		while (i < text.length && /\s/.test(text[i]!)) i++;
		const quote = text[i];
		let valueStart: number;
		let valueEnd: number;
		if (quote === '"' || quote === "'") {
			valueStart = i + 1;
			const close = text.indexOf(quote, valueStart);
			valueEnd = close < 0 ? text.length : close;
			i = valueEnd + 1;
		} else if (quote === '{') {
			valueStart = i + 1;
			valueEnd = matchingBrace(text, i);
			i = valueEnd + 1;
		} else {
			const bare = /^[^\s>]*/.exec(text.slice(i, i + 1024))![0];
			valueStart = i;
			valueEnd = i + bare.length;
			i = valueEnd;
		}
		attributes.set(name.toLowerCase(), text.slice(valueStart, valueEnd));
		if (isHandlerAttribute(name, dialect) && valueEnd > valueStart && (quote === '"' || quote === "'" || quote === '{')) handlerRegions.push([valueStart, valueEnd]);
	}
	return { end: text.length, attributes, handlerRegions };
}

/** The offset of the `}` closing the `{` at `open` (strings skipped), or the text's end. */
function matchingBrace(text: string, open: number): number {
	let depth = 0;
	for (let i = open; i < text.length; i++) {
		const c = text[i]!;
		if (c === '"' || c === "'" || c === '`') {
			const close = text.indexOf(c, i + 1);
			if (close < 0) return text.length;
			i = close;
		} else if (c === '{') depth++;
		else if (c === '}' && --depth === 0) return i;
	}
	return text.length;
}

function blankOutside(text: string, regions: readonly (readonly [number, number])[]): string {
	const sorted = [...regions].sort((a, b) => a[0] - b[0]);
	const parts: string[] = [];
	let cursor = 0;
	for (const [start, end] of sorted) {
		if (start < cursor) continue;
		parts.push(blank(text.slice(cursor, start)));
		parts.push(text.slice(start, end));
		cursor = end;
		// Close the region so adjacent ones do not run together (`a()` `b()` → `a();b()`).
		if (cursor < text.length && text[cursor] !== '\n' && text[cursor] !== '\r') {
			parts.push(';');
			cursor++;
		}
	}
	parts.push(blank(text.slice(cursor)));
	return parts.join('');
}

function blank(segment: string): string {
	return segment.replace(/[^\r\n]/g, ' ');
}
