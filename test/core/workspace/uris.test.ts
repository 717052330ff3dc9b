import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as fc from 'fast-check';
import { URI, Utils } from 'vscode-uri';
import { dirnameUri, isPlainFileUri, joinUri, relativeUriPath } from '../../../core/src/workspace/uris';

/**
 * The URI helpers handle plain `file:///` URIs as strings (a walk of 20,000 files would otherwise
 * parse each URI several times): on every URI, plain or not, they must give what vscode-uri gives.
 */
const plainChar = fc.constantFrom(...'abcXYZ019_-~.'.split(''));
const anyChar = fc.constantFrom(...'abcXYZ019_-~.+@% :#?!&\'()[]é'.split(''));
const segment = fc.oneof(
	{ arbitrary: fc.array(plainChar, { minLength: 1, maxLength: 6 }).map((chars) => chars.join('')), weight: 6 },
	fc.constantFrom('.', '..', 'src', '.vscode', 'a.ts', 'C:'),
	fc.array(anyChar, { minLength: 1, maxLength: 6 }).map((chars) => chars.join('')),
);
const fileUri = fc.tuple(fc.array(segment, { minLength: 1, maxLength: 5 }), fc.boolean()).map(([segments, trailing]) => `file:///${segments.join('/')}${trailing ? '/' : ''}`);
const anyUri = fc.oneof({ arbitrary: fileUri, weight: 4 }, fc.constantFrom('file:///', 'file:///c%3A/x', 'untitled:Untitled-1', 'file:///a?x#y', 'vscode-notebook-cell:/a/b.ts#c1'));

function decodesAsUtf8(uri: string): boolean {
	try {
		decodeURIComponent(uri.replace(/%(?![0-9A-Fa-f]{2})/g, '%25'));
		return true;
	} catch {
		return false;
	}
}

describe('URI helpers: the plain-URI fast paths agree with vscode-uri', () => {
	it('dirname, join and relative path, on plain and other URIs', () => {
		let plain = 0;
		fc.assert(
			fc.property(anyUri, segment, anyUri, (uri, name, other) => {
				// Escapes of bytes that are not UTF-8 (`%aa`) name such bytes, which vscode-uri cannot decode: fileNameBytes.test.ts checks those.
				if (!decodesAsUtf8(uri) || !decodesAsUtf8(other)) return;
				if (isPlainFileUri(uri)) plain++;
				assert.equal(dirnameUri(uri), Utils.dirname(URI.parse(uri)).toString(), `dirname ${uri}`);
				assert.equal(joinUri(uri, name), Utils.joinPath(URI.parse(uri), name).toString(), `join ${uri} + ${name}`);
				const base = URI.parse(uri).path.replace(/\/$/, '');
				const target = URI.parse(other).path;
				const inside = target === base ? '' : target.startsWith(`${base}/`) ? target.slice(base.length + 1) : undefined;
				// A `.` or `..` segment below the folder (however written) does not name a file inside it.
				const expected = inside?.split('/').some((s) => s === '.' || s === '..') ? undefined : inside;
				assert.equal(relativeUriPath(uri, other), expected, `relative ${uri} → ${other}`);
				if (isPlainFileUri(uri)) assert.equal(relativeUriPath(uri, joinUri(uri, 'child')), 'child');
			}),
			{ seed: 20_261_128, numRuns: 3000 },
		);
		assert.ok(plain > 300, `${plain} plain URIs tried`);
	});

	it('a `..` below the folder, written plainly or percent-encoded, is not inside it', () => {
		for (const uri of ['file:///w/%2e%2e/etc/passwd', 'file:///w/%2E%2E/etc/passwd', 'file:///w/../etc/passwd', 'file:///w/src/%2e%2e/%2e%2e/x', 'file:///w/%2e/x']) {
			assert.equal(relativeUriPath('file:///w', uri), undefined, uri);
		}
		assert.equal(relativeUriPath('file:///w', 'file:///w/src/%2e%2ebak/x.ts'), 'src/..bak/x.ts');
	});

	it('what counts as plain', () => {
		assert.ok(isPlainFileUri('file:///work/app/src/Report-Builder_2.tsx'));
		assert.ok(isPlainFileUri('file:///home/me/.cache/app/.storybook/main.ts'));
		for (const uri of ['file:///', 'file:///a/', 'file:///a/.', 'file:///a/./b', 'file:///a/../b', 'file:///a/..', 'file:///a//b', 'file:///c:/a', 'file:///a%20b', 'file:///a+b', 'file:///a?x', 'untitled:a']) {
			assert.ok(!isPlainFileUri(uri), uri);
		}
	});
});
