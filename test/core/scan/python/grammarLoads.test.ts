import * as assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { indentationTooDeep, maxIndentationLevels, pythonGrammar, scanPythonFile } from '../../../../core/src/scan/python/scanPythonFile';
import { editBetween, parseIncrementally, pointAt } from '../../../../core/src/scan/treeSitter/incrementalParse';
import { copySyntaxTree } from '../../../../core/src/scan/treeSitter/copySyntaxTree';
import { maxNestingDepth, NestingTooDeep } from '../../../../core/src/scan/treeSitter/syntaxNodes';
import { nodeWasmAssets } from '../../../../node/src/nodeWasmAssets';

/**
 * The shipped tree-sitter-python.wasm loads in the pinned web-tree-sitter, parses a call and answers
 * a query: a runtime upgrade that strands the grammar (an ABI it no longer reads) fails here.
 */
describe('the Python grammar in the pinned web-tree-sitter', () => {
	before(() => pythonGrammar.load(nodeWasmAssets()));

	it('loads, parses an SDK call and runs the receiver/method query', () => {
		const tree = pythonGrammar.parser().parse('client.set_group("company", "acme", EventOptions(user_id="u"))\n')!;
		const query = pythonGrammar.query('(call function: (attribute object: (_) @recv attribute: (identifier) @m) arguments: (argument_list) @args) @call');
		try {
			const captures = query.captures(tree.rootNode).map((capture) => [capture.name, capture.node.text]);
			assert.deepEqual(captures.slice(0, 3), [
				['call', 'client.set_group("company", "acme", EventOptions(user_id="u"))'],
				['recv', 'client'],
				['m', 'set_group'],
			]);
			assert.equal(tree.rootNode.hasError, false);
		} finally {
			query.delete();
			tree.delete();
		}
	});

	it('offsets and columns are UTF-16 code units, as the core counts', () => {
		const text = 's = "é😀"; client.track(e)\nt = "ü"; x.y()\n';
		const tree = pythonGrammar.parser().parse(text)!;
		try {
			const client = tree.rootNode.descendantsOfType('identifier').find((node) => node.text === 'client')!;
			assert.equal(client.startIndex, text.indexOf('client'));
			assert.deepEqual(client.startPosition, { row: 0, column: text.indexOf('client') });
			const x = tree.rootNode.descendantsOfType('identifier').find((node) => node.text === 'x')!;
			assert.deepEqual(x.startPosition, pointAt(text, text.indexOf('x.y')));
		} finally {
			tree.delete();
		}
	});

	it('an incremental re-parse after an edit gives the same tree as a full parse', () => {
		const before = 'from amplitude import Amplitude\nclient = Amplitude("k")\n# é😀\nclient.set_group("company", "a")\n';
		const after = before.replace('"company"', '"compan😀y", "b"');
		const parser = pythonGrammar.parser();
		const edit = editBetween(before, after);
		assert.equal(edit.startIndex, before.indexOf('company') + 6);
		const incremental = parseIncrementally(parser, after, { tree: parser.parse(before)!, text: before });
		const full = parser.parse(after)!;
		try {
			assert.equal(incremental.rootNode.toString(), full.rootNode.toString());
			assert.equal(incremental.rootNode.descendantsOfType('string').map((node) => node.text).join('|'), full.rootNode.descendantsOfType('string').map((node) => node.text).join('|'));
		} finally {
			incremental.delete();
			full.delete();
		}
	});

	it('20,000-deep nesting parses; the copy stops at its depth limit instead of overflowing the stack', () => {
		const text = `x = ${'('.repeat(20000)}1${')'.repeat(20000)}\n`;
		const tree = pythonGrammar.parser().parse(text)!;
		try {
			assert.throws(() => copySyntaxTree(tree, new Set()), NestingTooDeep);
			assert.ok(maxNestingDepth >= 100);
		} finally {
			tree.delete();
		}
	});

	it('refuses indentation the scanner cannot hold before parsing it, so the parser stays usable', () => {
		const blocks = (levels: number, indent = ' ') => `${Array.from({ length: levels }, (_, i) => `${indent.repeat(i)}if x:\n`).join('')}${indent.repeat(levels)}pass\n`;
		assert.equal(indentationTooDeep(blocks(maxIndentationLevels - 1)), false);
		assert.equal(indentationTooDeep(blocks(maxIndentationLevels + 1)), true);
		assert.equal(indentationTooDeep(blocks(maxIndentationLevels + 1, '\t')), true);
		// Blank lines and dedents in between do not add levels.
		assert.equal(indentationTooDeep(Array.from({ length: 5000 }, (_, i) => `${' '.repeat(i % 40)}x = 1\n\n`).join('')), false);
		// 600 nested blocks: past about 510 levels tree-sitter-python's scanner overruns its state buffer and corrupts the parser's memory.
		const deep = scanPythonFile('file:///w/deep.py', `from amplitude import Amplitude\nclient = Amplitude("k")\n${blocks(600)}`);
		assert.match(deep.scanError ?? '', /nesting too deep/);
		const shallow = scanPythonFile('file:///w/app.py', 'from amplitude import Amplitude\nclient = Amplitude("k")\nclient.set_group("company", "a")\n');
		assert.equal(shallow.scanError, undefined);
		assert.equal(shallow.calls.length, 1);
	});
});
