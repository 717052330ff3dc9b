import type { SyntaxNode } from './syntaxNodes';

/**
 * The edits a lineage of copies has gone through (copySyntaxTree.ts): version k is the text after
 * the k-th edit. A node taken over from a previous copy keeps the offsets of the version it was last
 * read in and catches up with the edits after it when its offsets are next read, so a keystroke
 * does not move the offsets of every node after it (half the file), only of those the scan reads.
 */
export class OffsetLog {
	version = 0;
	/** `edits[k]` made version k + 1: nodes starting after `at` moved by `delta`. */
	readonly edits: { readonly at: number; readonly delta: number }[] = [];

	advance(at: number, delta: number): void {
		this.edits.push({ at, delta });
		this.version++;
	}
}

/** How many edits a lineage keeps before its nodes are caught up and a new log started. */
export const maxLoggedEdits = 4096;

/** A node of a copied tree; see `SyntaxNode`. Offsets are read through the lineage's `OffsetLog`. */
export class CopiedNode implements SyntaxNode {
	private startOffset: number;
	private endOffset: number;
	/** The version of the text `startOffset` and `endOffset` are in (may be ahead of the log while a copy is being built). */
	private version: number;

	constructor(
		readonly type: string,
		start: number,
		end: number,
		readonly field: string | undefined,
		readonly children: CopiedNode[],
		public parent: CopiedNode | undefined,
		readonly broken: boolean,
		private log: OffsetLog,
		version: number,
	) {
		this.startOffset = start;
		this.endOffset = end;
		this.version = version;
	}

	get start(): number {
		if (this.version < this.log.version) this.catchUp();
		return this.startOffset;
	}

	get end(): number {
		if (this.version < this.log.version) this.catchUp();
		return this.endOffset;
	}

	get offsetLog(): OffsetLog {
		return this.log;
	}

	/**
	 * Applies the edits since this node's version. A node taken over from a previous copy lay wholly
	 * before or wholly after each edit (copySyntaxTree.ts takes over nothing else), and after it
	 * exactly when it started after the edit's start.
	 */
	private catchUp(): void {
		const { edits, version } = this.log;
		for (let k = this.version; k < version; k++) {
			const edit = edits[k]!;
			if (this.startOffset > edit.at) {
				this.startOffset += edit.delta;
				this.endOffset += edit.delta;
			}
		}
		this.version = version;
	}

	/**
	 * Catches this subtree up with its log and moves it to `log` at version 0 (iterative: called on
	 * whole trees). Most nodes of a tree were not read since many edits ago; for each, the edits it
	 * lies wholly after (or wholly before) are summed from suffix tables instead of applied one by one.
	 */
	rebase(log: OffsetLog): void {
		const tables = new Map<OffsetLog, SuffixTables>();
		const stack: CopiedNode[] = [this];
		while (stack.length > 0) {
			const node = stack.pop()!;
			if (node.version < node.log.version) {
				let table = tables.get(node.log);
				if (!table) tables.set(node.log, (table = suffixTables(node.log)));
				node.catchUpFrom(table);
			}
			node.log = log;
			node.version = 0;
			for (const child of node.children) stack.push(child);
		}
	}

	private catchUpFrom(table: SuffixTables): void {
		const from = this.version;
		if (this.startOffset - table.shrinkage[from]! > table.maxAt[from]!) {
			const delta = table.delta[from]!;
			this.startOffset += delta;
			this.endOffset += delta;
			this.version = this.log.version;
		} else if (this.startOffset <= table.minAt[from]!) {
			this.version = this.log.version;
		} else {
			this.catchUp();
		}
	}
}

/**
 * For each version v of a log, over the edits from v on: the largest and smallest `at`, the sum of
 * the deltas, and the sum of the negative deltas' sizes. A node at offset s in version v that starts
 * after every one of those edits (s − shrinkage > maxAt: it can have moved back by at most the
 * shrinkage) moved by the sum; one at s ≤ minAt never moved.
 */
interface SuffixTables {
	readonly maxAt: Float64Array;
	readonly minAt: Float64Array;
	readonly delta: Float64Array;
	readonly shrinkage: Float64Array;
}

function suffixTables(log: OffsetLog): SuffixTables {
	const count = log.version;
	const maxAt = new Float64Array(count + 1).fill(-Infinity);
	const minAt = new Float64Array(count + 1).fill(Infinity);
	const delta = new Float64Array(count + 1);
	const shrinkage = new Float64Array(count + 1);
	for (let k = count - 1; k >= 0; k--) {
		const edit = log.edits[k]!;
		maxAt[k] = Math.max(maxAt[k + 1]!, edit.at);
		minAt[k] = Math.min(minAt[k + 1]!, edit.at);
		delta[k] = delta[k + 1]! + edit.delta;
		shrinkage[k] = shrinkage[k + 1]! + Math.max(0, -edit.delta);
	}
	return { maxAt, minAt, delta, shrinkage };
}
