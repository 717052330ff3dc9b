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
