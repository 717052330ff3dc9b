import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as fc from 'fast-check';
import { oneLine, printableText } from '../../core/src/text/printableText';
import { decodeFileName } from '../../core/src/workspace/fileNameBytes';

/** What output may not hold raw: controls, surrogates, bidirectional controls, line separators, noncharacters. */
const unprintable = /[\p{Cc}\p{Cs}\u061C\u200E\u200F\u2028-\u202E\u2066-\u2069\uFFFE\uFFFF]/u;

/** The inverse of printableText, written apart from it: proves no two texts print alike. */
function unescape(printed: string): string {
	return printed.replace(/\\(\\|n|r|t|x([0-9a-f]{2})|u([0-9a-f]{4}))/g, (_, what: string, byte?: string, unit?: string) => {
		if (byte !== undefined) return parseInt(byte, 16) < 0x80 ? String.fromCharCode(parseInt(byte, 16)) : String.fromCharCode(0xdc00 + parseInt(byte, 16));
		if (unit !== undefined) return String.fromCharCode(parseInt(unit, 16));
		return { '\\': '\\', n: '\n', r: '\r', t: '\t' }[what]!;
	});
}

const hostileChar = fc.oneof(
	fc.constantFrom('\\', 'n', 'x', 'u', '0', 'f', '\n', '\r', '\t', '\u001b', '\u0000', '\u007f', '\u0085', '\u009b', '\u202e', '\u2066', '\u200f', '\u2028', '\u2029', '\ufeff', '\ufffe', '\ud800', '\udcff', '\udc80', 'é', 'e\u0301', '\u{1F4A9}', '<', '%', ' '),
	fc.string({ unit: 'binary', maxLength: 1 }),
	fc.string({ unit: 'grapheme', maxLength: 1 }),
);

describe('printableText', () => {
	it('prints any text on one line with nothing raw, and unambiguously (it can be undone)', () => {
		fc.assert(
			fc.property(fc.array(hostileChar, { maxLength: 20 }).map((chars) => chars.join('')), (text) => {
				const printed = printableText(text);
				assert.doesNotMatch(printed, unprintable, JSON.stringify(printed));
				assert.equal(unescape(printed), text, JSON.stringify(text));
			}),
			{ seed: 20_261_205, numRuns: 5000 },
		);
	});

	it('writes escapes as C and JavaScript do, and a file name byte that is not UTF-8 as that byte', () => {
		assert.equal(printableText('a\nb\r\tc\u001b[31m\u0000\u007f'), 'a\\nb\\r\\tc\\x1b[31m\\x00\\x7f');
		assert.equal(printableText('nel\u0085 rlo\u202e ls\u2028 lone\ud800'), 'nel\\u0085 rlo\\u202e ls\\u2028 lone\\ud800');
		assert.equal(printableText(decodeFileName(Buffer.from([0x61, 0xff, 0xc3]))), 'a\\xff\\xc3');
		assert.equal(printableText('back\\slash'), 'back\\\\slash');
		// Text needs no change: the same string.
		for (const text of ['src/app.ts', 'café é \u{1F4A9} 100% a#b?c <b>', 'with  spaces ']) assert.equal(printableText(text), text);
	});

	it('oneLine folds line breaks and the blanks around them', () => {
		assert.equal(oneLine('  First\r\n\n  second \u2028third\n'), 'First second third');
	});
});
