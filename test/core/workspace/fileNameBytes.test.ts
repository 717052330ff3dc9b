import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as fc from 'fast-check';
import { decodeFileName, encodeFileName, hasEscapedBytes } from '../../../core/src/workspace/fileNameBytes';
import { basenameUri, dirnameUri, joinUri, parseUri, relativeUriPath } from '../../../core/src/workspace/uris';

/** Bytes of file names: any byte but `/` and NUL, with UTF-8 fragments (valid, truncated, overlong, surrogates) mixed in. */
const nameByte = fc.oneof(fc.integer({ min: 1, max: 255 }).filter((b) => b !== 0x2f), fc.constantFrom(0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x92, 0xa9, 0xed, 0xa0, 0xc0, 0x80, 0xf4, 0x90, 0xff, 0x25, 0x2e));
const nameBytes = fc.array(nameByte, { minLength: 1, maxLength: 12 }).map((bytes) => Buffer.from(bytes)).filter((b) => b.toString('latin1') !== '.' && b.toString('latin1') !== '..');

describe('file names as bytes (fileNameBytes)', () => {
	it('every byte string round-trips, and decodes as Node does when it is UTF-8', () => {
		let invalid = 0;
		fc.assert(
			fc.property(nameBytes, (bytes) => {
				const name = decodeFileName(bytes);
				assert.deepEqual(Buffer.from(encodeFileName(name)), bytes);
				const utf8 = new TextDecoder('utf-8', { fatal: true });
				let valid = true;
				try {
					assert.equal(name, utf8.decode(bytes));
				} catch (error) {
					if (error instanceof assert.AssertionError) throw error;
					valid = false;
				}
				assert.equal(hasEscapedBytes(name), !valid, JSON.stringify(name));
				if (!valid) invalid++;
			}),
			{ seed: 20_261_203, numRuns: 5000 },
		);
		assert.ok(invalid > 1000, `${invalid} names were not UTF-8`);
	});

	it('a name round-trips through its file URI, with its bytes percent-encoded', () => {
		fc.assert(
			fc.property(nameBytes, (bytes) => {
				const name = decodeFileName(bytes);
				const uri = joinUri('file:///ws/src', name);
				const written = uri.slice('file:///ws/src/'.length);
				// The URI's bytes are the name's: unreserved characters as they are, every other byte as %XX.
				const expected = [...bytes].map((b) => (/[A-Za-z0-9\-._~]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`)).join('');
				assert.equal(written, expected);
				assert.equal(basenameUri(uri), name);
				assert.equal(dirnameUri(uri), 'file:///ws/src');
				assert.equal(relativeUriPath('file:///ws', uri), `src/${name}`);
				assert.deepEqual(Buffer.from(encodeFileName(parseUri(uri).path)), Buffer.concat([Buffer.from('/ws/src/'), bytes]));
				// In a folder too: a name that is not UTF-8 as a parent.
				const child = joinUri(uri, 'a b.ts');
				assert.equal(dirnameUri(child), uri);
				assert.equal(relativeUriPath(uri, child), 'a b.ts');
				assert.equal(joinUri(child, '..', '..', 'x.ts'), 'file:///ws/src/x.ts');
			}),
			{ seed: 20_261_204, numRuns: 3000 },
		);
	});

	it('keeps apart the names that a lossy decoding would merge', () => {
		const names = [Buffer.from([0xff]), Buffer.from([0xfe]), Buffer.from('\ufffd'), Buffer.from('%FF'), Buffer.from('\\xff')].map(decodeFileName);
		const uris = names.map((name) => joinUri('file:///ws', name));
		assert.equal(new Set(uris).size, names.length, uris.join(' '));
		assert.deepEqual(uris, ['file:///ws/%FF', 'file:///ws/%FE', 'file:///ws/%EF%BF%BD', 'file:///ws/%25FF', 'file:///ws/%5Cxff']);
		assert.deepEqual(uris.map(basenameUri), names);
	});
});
