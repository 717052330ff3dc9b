import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as fc from 'fast-check';
import { utf8Size, utf8SizeOver } from '../../../core/src/index';

describe('utf8Size: a text\'s size in bytes as the disk counts it', () => {
	it('equals the UTF-8 encoding\'s length for any text: ASCII, accents, CJK, surrogate pairs, lone surrogates, across chunk boundaries', () => {
		const unit = fc.oneof(fc.constantFrom('a', '\n', 'é', '漢', '😀', '\ud800', '\udc00'), fc.string({ unit: 'grapheme', maxLength: 3 }));
		fc.assert(
			fc.property(fc.array(unit, { maxLength: 40 }), fc.nat({ max: 70_000 }), (parts, padding) => {
				// Padding puts the interesting units at and around the 64 Ki-unit chunk boundary.
				const text = 'x'.repeat(padding) + parts.join('');
				assert.equal(utf8Size(text), Buffer.byteLength(text, 'utf8'));
			}),
			{ numRuns: 300, seed: 20_260_707 },
		);
	});

	it('utf8SizeOver: undefined at or under the cap, the size over it (bytes, not characters)', () => {
		assert.equal(utf8SizeOver('é'.repeat(500), 1000), undefined);
		assert.equal(utf8SizeOver('é'.repeat(501), 1000), 1002);
		assert.equal(utf8SizeOver('a'.repeat(1001), 1000), 1001);
		assert.equal(utf8SizeOver('', 0), undefined);
	});
});
