import { CopiedNode, maxLoggedEdits, OffsetLog } from './copiedNode';
import { NestingTooDeep, maxNestingDepth, type SyntaxNode } from './syntaxNodes';
import type { Edit, Tree, TreeCursor } from './treeSitterRuntime';

/** Named node types that never have children in the grammars read so far (a failed descent into them is a WebAssembly call saved). */
const leafTypes: ReadonlySet<string> = new Set(['identifier', 'integer', 'float', 'true', 'false', 'none', 'string_start', 'string_end', 'escape_sequence', 'comment', 'type_conversion']);

/** Anonymous nodes are tokens, except an `ERROR` node's tokens' parents (rare): only those may have children. */
function mayHaveChildren(cursor: TreeCursor): boolean {
	return cursor.nodeType === 'ERROR';
}

/**
 * What an incremental re-parse leaves to reuse: the copy of the previous version's tree (given up:
 * its unchanged nodes become part of the new copy), the one edit between the two texts, and the
 * ranges tree-sitter reports as changed between the two trees.
 */
export interface PreviousCopy {
	readonly root: SyntaxNode;
	readonly edit: Edit;
	readonly changed: readonly { readonly startIndex: number; readonly endIndex: number }[];
}

/**
 * Copies the named nodes of `tree` (iteratively, with a tree cursor), leaving out the node types in
 * `skipped` (comments). Throws `NestingTooDeep` beyond `maxDepth`.
 *
 * With `previous`, every subtree that stands unchanged in the new tree — outside the edit and every
 * changed range, same type, field and length, at the place the edit moved it to, under the node that
 * corresponds to its old parent — is taken over from the previous copy instead of read again through
 * WebAssembly: the same objects, re-parented, their offsets moved by the edit when next read (see
 * copiedNode.ts). Only the path from the root to the edit is read from the tree, so a keystroke in a
 * 5,000-line class costs the few hundred nodes around it, not the whole file. The previous copy must
 * not be used again.
 */
export function copySyntaxTree(tree: Tree, skipped: ReadonlySet<string>, maxDepth = maxNestingDepth, previous?: PreviousCopy): SyntaxNode {
	const previousRoot = previous?.root instanceof CopiedNode ? previous.root : undefined;
	if (!previous || !previousRoot) return readTree(tree, skipped, maxDepth, new OffsetLog(), undefined);
	let log = previousRoot.offsetLog;
	if (log.version >= maxLoggedEdits) {
		log = new OffsetLog();
		previousRoot.rebase(log);
	}
	// Nodes read from the tree are in the next version; nodes of the previous copy stay in theirs until the copy is done.
	const root = readTree(tree, skipped, maxDepth, log, new SubtreeReuse(previous, previousRoot));
	log.advance(previous.edit.startIndex, previous.edit.newEndIndex - previous.edit.oldEndIndex);
	return root;
}

function readTree(tree: Tree, skipped: ReadonlySet<string>, maxDepth: number, log: OffsetLog, reuse: SubtreeReuse | undefined): CopiedNode {
	const version = reuse ? log.version + 1 : log.version;
	const cursor = tree.walk();
	try {
		const root = new CopiedNode(cursor.nodeType, cursor.startIndex, cursor.endIndex, undefined, [], undefined, false, log, version);
		// The named ancestor each cursor depth adds children to (anonymous nodes add none but may have named children, e.g. inside ERROR),
		// and that ancestor's node in the previous copy, whose children may be taken over.
		const owners: CopiedNode[] = [root];
		const counterparts: (CopiedNode | undefined)[] = [reuse && reuse.root.type === root.type ? reuse.root : undefined];
		let depth = 0;
		if (!cursor.gotoFirstChild()) return root;
		depth = 1;
		for (;;) {
			const owner = owners[depth - 1]!;
			const counterpart = counterparts[depth - 1];
			let added = owner;
			let addedCounterpart = counterpart;
			// Each cursor read crosses into WebAssembly: anonymous tokens (most leaves) cost one read and one failed descent at most.
			const named = cursor.nodeIsNamed;
			const type = named ? cursor.nodeType : undefined;
			let reused = false;
			if (named && !skipped.has(type!)) {
				const start = cursor.startIndex;
				const end = cursor.endIndex;
				const field = cursor.currentFieldName ?? undefined;
				const old = reuse && counterpart ? reuse.find(counterpart, type!, field, start, end) : undefined;
				if (old?.unchanged) {
					owner.children.push(reuse!.takeOver(old.node, owner));
					reused = true;
				} else {
					added = new CopiedNode(type!, start, end, field, [], owner, type === 'ERROR' || cursor.nodeIsMissing, log, version);
					addedCounterpart = old?.node;
					owner.children.push(added);
				}
			}
			owners[depth] = added;
			counterparts[depth] = addedCounterpart;
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

/** Finds, for a node of the new tree, its node in the previous copy, and takes unchanged ones over. */
class SubtreeReuse {
	private readonly delta: number;
	/** Nodes already taken over (two zero-length siblings of one type at one offset must not both take the same). */
	private readonly taken = new Set<SyntaxNode>();

	constructor(
		private readonly previous: PreviousCopy,
		readonly root: CopiedNode,
	) {
		this.delta = previous.edit.newEndIndex - previous.edit.oldEndIndex;
	}

	/**
	 * The child of `counterpart` (the new node's parent's node in the previous copy) that is the same
	 * node: same type and field, starting where the edit moved it from. `unchanged` when the node lies
	 * wholly outside the edit and every changed range and has the same length: then it is the same
	 * subtree. A node that contains the edit matches only by its (unmoved) start and type: its
	 * children are compared in turn.
	 */
	find(counterpart: CopiedNode, type: string, field: string | undefined, start: number, end: number): { node: CopiedNode; unchanged: boolean } | undefined {
		const edit = this.previous.edit;
		const before = end < edit.startIndex;
		const after = start > edit.newEndIndex;
		const oldStart = after ? start - this.delta : start;
		if (!before && !after && start >= edit.startIndex) return undefined;
		const node = childStartingAt(counterpart, oldStart);
		if (!node || node.type !== type || node.field !== field || this.taken.has(node)) return undefined;
		const unchanged = (before || after) && node.end - node.start === end - start && !this.previous.changed.some((range) => range.startIndex <= end && range.endIndex >= start);
		return { node, unchanged };
	}

	/** `node` of the previous copy as a child of `parent` (its offsets follow when the log advances). */
	takeOver(node: CopiedNode, parent: CopiedNode): CopiedNode {
		this.taken.add(node);
		node.parent = parent;
		return node;
	}
}

/** The child of `node` that starts at `offset` (children are in source order). */
function childStartingAt(node: CopiedNode, offset: number): CopiedNode | undefined {
	const children = node.children;
	let low = 0;
	let high = children.length - 1;
	while (low <= high) {
		const middle = (low + high) >> 1;
		const start = children[middle]!.start;
		if (start === offset) return children[middle];
		if (start < offset) low = middle + 1;
		else high = middle - 1;
	}
	return undefined;
}
