import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LineIndex } from '../../core/src/index';

describe('LineIndex', () => {
	it('treats \\n, \\r\\n and a lone \\r as line breaks, as LSP does', () => {
		const index = new LineIndex('a\nbc\r\nd\re');
		assert.equal(index.lineCount, 4);
		assert.deepEqual(index.positionAt(0), { line: 0, character: 0 });
		assert.deepEqual(index.positionAt(3), { line: 1, character: 1 });
		assert.deepEqual(index.positionAt(6), { line: 2, character: 0 });
		assert.deepEqual(index.positionAt(8), { line: 3, character: 0 });
		assert.deepEqual(index.positionAt(4), { line: 1, character: 2 }); // before \r
		assert.deepEqual(index.positionAt(5), { line: 1, character: 2 }); // between \r and \n
	});

	it('round-trips offsets and clamps positions past a line end or the text', () => {
		const text = 'groupTypes:\r\n  company:\r\n';
		const index = new LineIndex(text);
		for (let offset = 0; offset <= text.length; offset++) {
			if (text[offset - 1] === '\r' && text[offset] === '\n') continue;
			assert.equal(index.offsetAt(index.positionAt(offset)), offset, `offset ${offset}`);
		}
		assert.equal(index.offsetAt({ line: 0, character: 99 }), 11);
		assert.equal(index.offsetAt({ line: 9, character: 0 }), text.length);
		assert.deepEqual(index.positionAt(999), { line: 2, character: 0 });
	});

	it('counts UTF-16 code units, as LSP positions do by default', () => {
		const index = new LineIndex('🏢 company\nx');
		assert.deepEqual(index.positionAt(3), { line: 0, character: 3 });
	});

	it('reads a text with \n only (its fast path) as it reads the same lines with a \r somewhere', () => {
		for (const text of ['', '\n', 'a', 'a\n', '\n\nb\n\n', 'one\ntwo\n\nfour', 'x\n'.repeat(50)]) {
			const fast = new LineIndex(text);
			// The same offsets, with the general path forced by a lone \r appended (one more line).
			const general = new LineIndex(`${text}\r`);
			assert.equal(fast.lineCount, general.lineCount - 1, JSON.stringify(text));
			for (let offset = 0; offset <= text.length; offset++) {
				assert.deepEqual(fast.positionAt(offset), general.positionAt(offset), `${JSON.stringify(text)} @ ${offset}`);
				assert.equal(fast.offsetAt(fast.positionAt(offset)), offset);
			}
			for (let line = 0; line < fast.lineCount - 1; line++) assert.equal(fast.lineEnd(line), general.lineEnd(line));
		}
	});
});
