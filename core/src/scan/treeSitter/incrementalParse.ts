import { changedSpan } from '../../text/changedSpan';
import type { PreviousCopy } from './copySyntaxTree';
import type { SyntaxNode } from './syntaxNodes';
import type { Edit, Parser, Tree } from './treeSitterRuntime';

/** A tree-sitter position: row, and column in UTF-16 code units (web-tree-sitter parses JS strings as UTF-16; test/core/scan/treeSitter checks it). */
interface Point {
	row: number;
	column: number;
}

/**
 * The one edit between two versions of a text (their common prefix and suffix removed), as
 * tree-sitter's `Tree.edit` wants it: indices and positions in the old and new text.
 */
export function editBetween(before: string, after: string): Edit {
	const { start: prefix, oldEnd: oldEndIndex, newEnd: newEndIndex } = changedSpan(before, after);
	const startPosition = pointAt(before, prefix);
	return {
		startIndex: prefix,
		oldEndIndex,
		newEndIndex,
		startPosition,
		oldEndPosition: advance(startPosition, before, prefix, oldEndIndex),
		newEndPosition: advance(startPosition, after, prefix, newEndIndex),
	} as Edit;
}

/** The position of `offset` in `text` (rows split on `\n`, as tree-sitter counts them). */
export function pointAt(text: string, offset: number): Point {
	return advance({ row: 0, column: 0 }, text, 0, offset);
}

function advance(from: Point, text: string, start: number, end: number): Point {
	let row = from.row;
	let lineStart = start - from.column;
	for (let i = text.indexOf('\n', start); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) {
		row++;
		lineStart = i + 1;
	}
	return { row, column: end - lineStart };
}

/**
 * Parses `after`, reusing `previous` (the tree of `before`) when given: the tree is edited to match
 * and tree-sitter re-parses only what changed. The previous tree is deleted either way: the caller
 * owns only the returned one.
 */
export function parseIncrementally(parser: Parser, after: string, previous?: { readonly tree: Tree; readonly text: string }): Tree {
	if (!previous) return parseOrThrow(parser, after);
	try {
		previous.tree.edit(editBetween(previous.text, after));
		return parseOrThrow(parser, after, previous.tree);
	} finally {
		previous.tree.delete();
	}
}

function parseOrThrow(parser: Parser, text: string, oldTree?: Tree): Tree {
	const tree = parser.parse(text, oldTree ?? null);
	if (!tree) throw new Error('the parser returned no tree');
	return tree;
}

/**
 * Re-parses an edited text from the previous version's tree (deleted here), and gives what a copy
 * of the new tree may take over from the previous version's copy (see copySyntaxTree.ts): the edit
 * and the ranges tree-sitter reports as changed.
 */
export function reparseForReuse(parser: Parser, after: string, previous: { readonly tree: Tree; readonly text: string; readonly root: SyntaxNode }): { tree: Tree; previous: PreviousCopy } {
	const edit = editBetween(previous.text, after);
	try {
		previous.tree.edit(edit);
		const tree = parseOrThrow(parser, after, previous.tree);
		return { tree, previous: { root: previous.root, edit, changed: tree.getChangedRanges(previous.tree) } };
	} finally {
		previous.tree.delete();
	}
}
