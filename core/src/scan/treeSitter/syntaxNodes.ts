import type { Tree, TreeCursor } from './treeSitterRuntime';

/**
 * A plain-JS copy of a tree-sitter tree's named nodes (comments left out), with offsets that are
 * UTF-16 indices into the parsed text, as everywhere in the core. Front ends read these instead of
 * web-tree-sitter's nodes: each access to those crosses into WebAssembly, and a copy outlives the
 * tree, so the tree can be deleted as soon as it is copied.
 */
export interface SyntaxNode {
	readonly type: string;
	readonly start: number;
	readonly end: number;
	/** The grammar's field name of this node in its parent (`function`, `arguments`), if any. */
	readonly field: string | undefined;
	readonly children: readonly SyntaxNode[];
	readonly parent: SyntaxNode | undefined;
	/** True for an `ERROR` node or a node the parser inserted (`MISSING`). */
	readonly broken: boolean;
}

/** Thrown by `copySyntaxTree` for a tree nested deeper than the front ends' (recursive) readers go. */
export class NestingTooDeep extends Error {
	constructor(readonly limit: number) {
		super(`nesting deeper than ${limit} levels`);
	}
}

/** How deep a copied tree may nest: far beyond real code, well within the stack of the recursive readers. */
export const maxNestingDepth = 400;

/** Named node types that never have children in the grammars read so far (a failed descent into them is a WebAssembly call saved). */
const leafTypes: ReadonlySet<string> = new Set(['identifier', 'integer', 'float', 'true', 'false', 'none', 'string_start', 'string_end', 'escape_sequence', 'comment', 'type_conversion']);

/** Anonymous nodes are tokens, except an `ERROR` node's tokens' parents (rare): only those may have children. */
function mayHaveChildren(cursor: TreeCursor): boolean {
	return cursor.nodeType === 'ERROR';
}

interface MutableNode {
	type: string;
	start: number;
	end: number;
	field: string | undefined;
	children: MutableNode[];
	parent: MutableNode | undefined;
	broken: boolean;
}

/** A top-level node of a previous copy that stands unchanged in the new tree, `delta` characters later (see incrementalParse.ts). */
export type ReusedNode = { readonly node: SyntaxNode; readonly delta: number };

/**
 * Copies the named nodes of `tree` (iteratively, with a tree cursor), leaving out the node types in
 * `skipped` (comments). Throws `NestingTooDeep` beyond `maxDepth`. `reuse` may give, for a top-level
 * node, the copy of the same statement from the previous version: it is cloned in plain JS with its
 * offsets moved, instead of read again through WebAssembly.
 */
export function copySyntaxTree(tree: Tree, skipped: ReadonlySet<string>, maxDepth = maxNestingDepth, reuse?: (type: string, start: number, end: number) => ReusedNode | undefined): SyntaxNode {
	const cursor = tree.walk();
	try {
		const root: MutableNode = { type: cursor.nodeType, start: cursor.startIndex, end: cursor.endIndex, field: undefined, children: [], parent: undefined, broken: false };
		// The named ancestor each cursor depth adds children to (anonymous nodes add none but may have named children, e.g. inside ERROR).
		const owners: MutableNode[] = [root];
		let depth = 0;
		if (!cursor.gotoFirstChild()) return root;
		depth = 1;
		for (;;) {
			const owner = owners[depth - 1]!;
			let added: MutableNode = owner;
			// Each cursor read crosses into WebAssembly: anonymous tokens (most leaves) cost one read and one failed descent at most.
			const named = cursor.nodeIsNamed;
			const type = named ? cursor.nodeType : undefined;
			let reused = false;
			if (named && !skipped.has(type!)) {
				const start = cursor.startIndex;
				const end = cursor.endIndex;
				const previous = depth === 1 && reuse ? reuse(type!, start, end) : undefined;
				if (previous) {
					owner.children.push(cloneShifted(previous.node, previous.delta, owner));
					reused = true;
				} else {
					added = { type: type!, start, end, field: cursor.currentFieldName ?? undefined, children: [], parent: owner, broken: type === 'ERROR' || cursor.nodeIsMissing };
					owner.children.push(added);
				}
			}
			owners[depth] = added;
			const descend = reused ? false : named ? !skipped.has(type!) && !leafTypes.has(type!) : mayHaveChildren(cursor);
			if (descend && cursor.gotoFirstChild()) {
				depth++;
				if (depth > maxDepth) throw new NestingTooDeep(maxDepth);
				continue;
			}
			while (!cursor.gotoNextSibling()) {
				if (!cursor.gotoParent()) return root;
				depth--;
				if (depth === 0) return root;
			}
		}
	} finally {
		cursor.delete();
	}
}

/** A deep copy of `node` with every offset moved by `delta` (iterative). */
function cloneShifted(node: SyntaxNode, delta: number, parent: MutableNode): MutableNode {
	const top: MutableNode = { type: node.type, start: node.start + delta, end: node.end + delta, field: node.field, children: [], parent, broken: node.broken };
	const stack: [SyntaxNode, MutableNode][] = [[node, top]];
	while (stack.length > 0) {
		const [from, to] = stack.pop()!;
		for (const child of from.children) {
			const copy: MutableNode = { type: child.type, start: child.start + delta, end: child.end + delta, field: child.field, children: [], parent: to, broken: child.broken };
			to.children.push(copy);
			if (child.children.length > 0) stack.push([child, copy]);
		}
	}
	return top;
}

/** The first child in the field `name`. */
export function fieldOf(node: SyntaxNode, name: string): SyntaxNode | undefined {
	return node.children.find((child) => child.field === name);
}

/** Every child in the field `name`. */
export function fieldsOf(node: SyntaxNode, name: string): SyntaxNode[] {
	return node.children.filter((child) => child.field === name);
}

export function childOfType(node: SyntaxNode, type: string): SyntaxNode | undefined {
	return node.children.find((child) => child.type === type);
}

export function textOf(text: string, node: SyntaxNode): string {
	return text.slice(node.start, node.end);
}

export function rangeOf(node: SyntaxNode): { start: number; end: number } {
	return { start: node.start, end: node.end };
}

/** Every node under `root`, parents before children, in source order (iterative: no recursion limit). */
export function* descendants(root: SyntaxNode): Generator<SyntaxNode> {
	const stack: SyntaxNode[] = [root];
	while (stack.length > 0) {
		const node = stack.pop()!;
		yield node;
		for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
	}
}
