/**
 * File names are bytes (on Linux, any but `/` and NUL), and not every byte string is UTF-8. A name is
 * a string everywhere in Trackplan, so a byte that is not part of valid UTF-8 is written in it as the
 * lone surrogate U+DC80 + (byte − 0x80), as Python's "surrogateescape" does (PEP 383): every name
 * round-trips to its bytes, and no valid UTF-8 name decodes to a lone surrogate, so no two names
 * share a string. In a file URI such a byte is `%XX` (uris.ts), and output shows it as `\xXX`
 * (printableText.ts).
 */

/** The name's bytes decoded as UTF-8 (strictly: no overlong forms, no surrogates), other bytes escaped. */
export function decodeFileName(bytes: Uint8Array): string {
	const codes: number[] = [];
	let i = 0;
	while (i < bytes.length) {
		const length = utf8SequenceLength(bytes, i);
		if (length === 0) codes.push(0xdc00 + bytes[i]!);
		else if (length === 1) codes.push(bytes[i]!);
		else {
			let code = bytes[i]! & (0xff >> (length + 1));
			for (let k = 1; k < length; k++) code = (code << 6) | (bytes[i + k]! & 0x3f);
			codes.push(code);
		}
		i += Math.max(1, length);
	}
	let text = '';
	for (let start = 0; start < codes.length; start += 4096) text += String.fromCodePoint(...codes.slice(start, start + 4096));
	return text;
}

/** The bytes a name stands for: UTF-8, each escaped byte as itself (a lone surrogate of no byte as U+FFFD, as Node writes it). */
export function encodeFileName(name: string): Uint8Array {
	const bytes: number[] = [];
	for (const char of name) {
		const byte = escapedByteOf(char);
		if (byte !== undefined) bytes.push(byte);
		else bytes.push(...utf8Bytes(char.codePointAt(0)!));
	}
	return Uint8Array.from(bytes);
}

/** A code point's UTF-8 (a surrogate's: U+FFFD's). */
export function utf8Bytes(code: number): number[] {
	if (code < 0x80) return [code];
	if (code < 0x800) return [0xc0 | (code >> 6), 0x80 | (code & 0x3f)];
	if (code >= 0xd800 && code <= 0xdfff) return [0xef, 0xbf, 0xbd];
	if (code < 0x10000) return [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)];
	return [0xf0 | (code >> 18), 0x80 | ((code >> 12) & 0x3f), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)];
}

/** Whether the text holds an escaped byte (a lone U+DC80–U+DCFF: the low half of a surrogate pair does not count). */
export function hasEscapedBytes(text: string): boolean {
	return escapedByte.test(text);
}

/** The escaped byte a lone surrogate stands for, or undefined for any other character. */
export function escapedByteOf(char: string): number | undefined {
	const code = char.charCodeAt(0);
	return char.length === 1 && code >= 0xdc80 && code <= 0xdcff ? code - 0xdc00 : undefined;
}

const escapedByte = /(?:^|[^\uD800-\uDBFF])[\uDC80-\uDCFF]/;
/** The length of the well-formed UTF-8 sequence at `i` (Unicode's table 3-7), or 0. */
function utf8SequenceLength(bytes: Uint8Array, i: number): number {
	const first = bytes[i]!;
	if (first < 0x80) return 1;
	const continuation = (at: number, low = 0x80, high = 0xbf) => at < bytes.length && bytes[at]! >= low && bytes[at]! <= high;
	if (first >= 0xc2 && first <= 0xdf) return continuation(i + 1) ? 2 : 0;
	if (first >= 0xe0 && first <= 0xef) {
		const low = first === 0xe0 ? 0xa0 : 0x80;
		const high = first === 0xed ? 0x9f : 0xbf;
		return continuation(i + 1, low, high) && continuation(i + 2) ? 3 : 0;
	}
	if (first >= 0xf0 && first <= 0xf4) {
		const low = first === 0xf0 ? 0x90 : 0x80;
		const high = first === 0xf4 ? 0x8f : 0xbf;
		return continuation(i + 1, low, high) && continuation(i + 2) && continuation(i + 3) ? 4 : 0;
	}
	return 0;
}
