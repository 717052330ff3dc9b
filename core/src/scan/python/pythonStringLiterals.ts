import type { TextRange } from '../../text/textRange';

/**
 * Python string literals as written in source: where one is (`r"…"`, `f'''…'''`, `b"…"`), what
 * name it holds once its escapes and doubled braces are read, and how a name is written into one
 * so that Python reads back exactly that name.
 */
export interface PythonStringLiteral {
	/** Where the literal starts (its prefix, if any) and ends (after the closing quote). */
	readonly range: TextRange;
	/** The prefix as written (`''`, `r`, `f`, `Rb`, `fr`, `u`, …). */
	readonly prefix: string;
	/** `'`, `"`, `'''` or `"""`. */
	readonly quote: string;
	/** The text between the quotes. */
	readonly content: TextRange;
}

/**
 * What a prefix makes of a literal's content: raw (backslashes are literal), bytes (not a str),
 * formatted (`{`/`}` are placeholders unless doubled: f- and t-strings).
 */
export interface LiteralKind {
	readonly raw: boolean;
	readonly bytes: boolean;
	readonly formatted: boolean;
	/** The quote's character (`'` or `"`) and whether it is tripled. */
	readonly quoteChar: string;
	readonly triple: boolean;
}

/** Python's valid string prefixes, any case: u, r, b, f, t (3.14 template strings) and the raw pairs. */
const validPrefix = /^(?:[rRuUfFbBtT]|[rR][fFbBtT]|[fFbBtT][rR])?$/;

export function kindOf(literal: Pick<PythonStringLiteral, 'prefix' | 'quote'>): LiteralKind {
	return {
		raw: /r/i.test(literal.prefix),
		bytes: /b/i.test(literal.prefix),
		formatted: /[ft]/i.test(literal.prefix),
		quoteChar: literal.quote[0]!,
		triple: literal.quote.length === 3,
	};
}

/**
 * The string literal whose content is exactly `range` (the name without its quotes), or which
 * `range` spans whole (prefix and quotes included); undefined when `range` is neither.
 */
export function literalAt(text: string, range: TextRange): PythonStringLiteral | undefined {
	return literalAroundContent(text, range) ?? literalSpanning(text, range);
}

/**
 * The prefix and quote of a string literal that opens just before `start` and is not closed yet
 * (completion typing a name into `set_group("co`); undefined when no quote opens there.
 */
export function openingBefore(text: string, start: number): Pick<PythonStringLiteral, 'prefix' | 'quote'> | undefined {
	const quoteChar = text[start - 1];
	if (quoteChar !== "'" && quoteChar !== '"') return undefined;
	const quote = start >= 3 && text.slice(start - 3, start) === quoteChar.repeat(3) ? quoteChar.repeat(3) : quoteChar;
	return { prefix: prefixBefore(text, start - quote.length), quote };
}

function literalAroundContent(text: string, range: TextRange): PythonStringLiteral | undefined {
	const quoteChar = text[range.start - 1];
	if ((quoteChar !== "'" && quoteChar !== '"') || text[range.end] !== quoteChar) return undefined;
	const tripled = quoteChar.repeat(3);
	const triple = range.start >= 3 && text.slice(range.start - 3, range.start) === tripled && text.slice(range.end, range.end + 3) === tripled;
	const quote = triple ? tripled : quoteChar;
	const open = range.start - quote.length;
	const prefix = prefixBefore(text, open);
	return { range: { start: open - prefix.length, end: range.end + quote.length }, prefix, quote, content: range };
}

function literalSpanning(text: string, range: TextRange): PythonStringLiteral | undefined {
	const opening = /^([A-Za-z]{0,2})('''|"""|'|")/.exec(text.slice(range.start, range.start + 5));
	if (!opening || !validPrefix.test(opening[1]!)) return undefined;
	if (range.start > 0 && /[\w]/.test(text[range.start - 1]!)) return undefined;
	const quote = opening[2]!;
	const content = { start: range.start + opening[0].length, end: range.end - quote.length };
	if (content.end < content.start || text.slice(content.end, range.end) !== quote) return undefined;
	return { range, prefix: opening[1]!, quote, content };
}

/** The string prefix just before an opening quote at `open` (`''` when there is none: `in"x"` has no prefix `in`). */
function prefixBefore(text: string, open: number): string {
	for (const length of [2, 1]) {
		const start = open - length;
		if (start < 0) continue;
		const letters = text.slice(start, open);
		if (!/^[A-Za-z]+$/.test(letters) || !validPrefix.test(letters)) continue;
		if (start > 0 && /\w/.test(text[start - 1]!)) continue;
		return letters;
	}
	return '';
}

const simpleEscapes: Readonly<Record<string, string>> = { '\\': '\\', "'": "'", '"': '"', a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };

/**
 * The str a literal holds, as Python reads it: escapes decoded (unless raw), doubled braces of an
 * f-string read as one; undefined for bytes, an f-string with a placeholder, or an escape that is
 * not read here (`\N{…}`, a malformed one).
 */
export function literalValue(text: string, literal: PythonStringLiteral): string | undefined {
	const kind = kindOf(literal);
	if (kind.bytes) return undefined;
	const written = text.slice(literal.content.start, literal.content.end);
	let value = '';
	for (let i = 0; i < written.length; i++) {
		const c = written[i]!;
		if (kind.formatted && (c === '{' || c === '}')) {
			if (written[i + 1] !== c) return undefined;
			value += c;
			i++;
			continue;
		}
		if (c !== '\\' || kind.raw) {
			value += c;
			if (c === '\\' && i + 1 < written.length) value += written[++i]; // raw: a backslash keeps the next character as written
			continue;
		}
		const escape = readEscape(written, i + 1);
		if (!escape) return undefined;
		value += escape.value;
		i = escape.end - 1;
	}
	return value;
}

/** The escape after a backslash at `from`: its value and where it ends. */
function readEscape(written: string, from: number): { value: string; end: number } | undefined {
	const c = written[from];
	if (c === undefined) return undefined;
	if (c in simpleEscapes) return { value: simpleEscapes[c]!, end: from + 1 };
	if (c === '\n') return { value: '', end: from + 1 };
	if (c === '\r') return { value: '', end: written[from + 1] === '\n' ? from + 2 : from + 1 };
	const octal = /^[0-7]{1,3}/.exec(written.slice(from, from + 3));
	if (octal) return { value: String.fromCodePoint(parseInt(octal[0], 8)), end: from + octal[0].length };
	const digits = c === 'x' ? 2 : c === 'u' ? 4 : c === 'U' ? 8 : 0;
	if (digits > 0) {
		const hex = written.slice(from + 1, from + 1 + digits);
		if (!new RegExp(`^[0-9A-Fa-f]{${digits}}$`).test(hex)) return undefined;
		const code = parseInt(hex, 16);
		return code > 0x10ffff ? undefined : { value: String.fromCodePoint(code), end: from + 1 + digits };
	}
	if (c === 'N') return undefined;
	return { value: `\\${c}`, end: from + 1 };
}

/**
 * `name` written as the content of a literal of this kind, so that Python reads it back as `name`;
 * undefined when this kind cannot hold it (a raw string cannot escape its quote, a line break or a
 * control character, and cannot end in an odd number of backslashes).
 */
export function writtenContent(kind: LiteralKind, name: string): string | undefined {
	return kind.raw ? rawContent(kind, name) : escapedContent(kind, name);
}

function rawContent(kind: LiteralKind, name: string): string | undefined {
	if (name.includes(kind.quoteChar)) return undefined;
	if (/[\x00-\x08\x0b-\x1f\x7f-\x9f]/.test(name) || (name.includes('\n') && !kind.triple)) return undefined;
	const trailingBackslashes = /\\*$/.exec(name)![0].length;
	if (trailingBackslashes % 2 === 1) return undefined;
	return kind.formatted ? doubledBraces(name) : name;
}

function escapedContent(kind: LiteralKind, name: string): string {
	let written = '';
	for (const c of name) {
		if (c === '\\' || c === kind.quoteChar) written += `\\${c}`;
		else if (c === '\n') written += '\\n';
		else if (c === '\r') written += '\\r';
		else if (kind.formatted && (c === '{' || c === '}')) written += c + c;
		else if (/[\x00-\x08\x0b-\x1f\x7f-\x9f]/.test(c)) written += `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`;
		else written += c;
	}
	return written;
}

function doubledBraces(name: string): string {
	return name.replace(/[{}]/g, (brace) => brace + brace);
}

/** `name` as a plain (unprefixed) str literal in `quoteChar`: a dict key, a keyword argument's value. */
export function stringLiteral(name: string, quoteChar: string): string {
	return `${quoteChar}${escapedContent({ raw: false, bytes: false, formatted: false, quoteChar, triple: false }, name)}${quoteChar}`;
}
