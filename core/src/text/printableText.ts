import { escapedByteOf } from '../workspace/fileNameBytes';

/**
 * Text that comes from outside (file names, names read from code) as it may be shown: one line,
 * nothing a terminal or log viewer acts on, every character visible, unambiguous. Escaped as a C or
 * JavaScript string would be, so `\` itself is doubled:
 * - line breaks and tabs as `\n`, `\r`, `\t`; other control characters (C0, DEL: ESC is `\x1b`) as `\xXX`,
 *   C1 controls (NEL, CSI…) as `\u0085`;
 * - a byte of a file name that is not UTF-8 (fileNameBytes.ts) as `\xXX`, the byte itself;
 * - characters that reorder or break lines in viewers: bidirectional controls ("Trojan Source",
 *   CVE-2021-42574), U+2028/U+2029, and noncharacters and lone surrogates, as `\uXXXX`.
 * Every other character, spaces and all Unicode text included, is kept. Each output syntax escapes
 * what it needs on top of this (formatGithub, formatJunit, the report renderers).
 */
export function printableText(text: string): string {
	return needsEscape.test(text) ? text.replace(escapable, escapeOne) : text;
}

const escapes = '\\\\\\p{Cc}\\u061C\\u200E\\u200F\\u2028-\\u202E\\u2066-\\u2069\\uFFFE\\uFFFF\\p{Cs}';
const needsEscape = new RegExp(`[${escapes}]`, 'u');
const escapable = new RegExp(`[${escapes}]`, 'gu');
const named: Readonly<Record<string, string>> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escapeOne(char: string): string {
	const byName = named[char];
	if (byName) return byName;
	const code = char.charCodeAt(0);
	const byte = code < 0x80 ? code : escapedByteOf(char);
	return byte !== undefined ? `\\x${hex(byte, 2)}` : `\\u${hex(code, 4)}`;
}

function hex(value: number, digits: number): string {
	return value.toString(16).padStart(digits, '0');
}

/** Prose (a plan's description, which may span lines) as one line: each run of line breaks and the blanks around it as one space, trimmed. */
export function oneLine(text: string): string {
	return text.replace(/[ \t]*(?:(?:\r\n|[\r\n\u2028\u2029])[ \t]*)+/g, ' ').trim();
}
