import * as assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import * as fc from 'fast-check';
import { joinUri } from '../../core/src/index';
import { NodeFileSystem, toUri } from '../../node/src/nodeFileSystem';

/** Any name Linux allows (bytes but `/` and NUL; not `.` or `..`), UTF-8 fragments mixed in. */
const nameByte = fc.oneof(fc.integer({ min: 1, max: 255 }).filter((b) => b !== 0x2f), fc.constantFrom(0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x92, 0xa9, 0xed, 0xa0, 0xff, 0x25, 0x0a, 0x1b));
const names = fc.uniqueArray(
	fc.array(nameByte, { minLength: 1, maxLength: 10 }).map((bytes) => Buffer.from(bytes)).filter((b) => !['.', '..'].includes(b.toString('latin1'))),
	{ minLength: 300, maxLength: 300, comparator: (a, b) => a.equals(b) },
);

describe('NodeFileSystem and file names that are bytes', () => {
	it('lists, stats and reads every file, whatever the bytes of its name', async () => {
		const [sample] = fc.sample(names, { seed: 20_261_206, numRuns: 1 });
		const folder = mkdtempSync(path.join(tmpdir(), 'trackplan-bytes-'));
		sample!.forEach((name, i) => writeFileSync(Buffer.concat([Buffer.from(`${folder}/`), name]), `file ${i}`));
		const files = new NodeFileSystem();
		const root = toUri(folder);
		const entries = await files.readDirectory(root);
		assert.equal(entries.length, sample!.length);
		const contents = new Set<string>();
		for (const [name, type] of entries) {
			assert.equal(type, 'file');
			const uri = joinUri(root, name);
			assert.equal((await files.stat(uri))?.type, 'file', uri);
			const text = await files.readFile(uri);
			const upTo = await files.readTextUpTo(uri, 100);
			assert.deepEqual(upTo, { text });
			contents.add(text);
		}
		assert.equal(contents.size, sample!.length, 'each name read its own file');
		const invalid = sample!.filter((name) => !Buffer.from(name.toString('utf8')).equals(name)).length;
		assert.ok(invalid > 100, `${invalid} of the names are not UTF-8`);
	});
});
