import { Document, isAlias, isMap, isPair, isScalar, isSeq, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import type { TextRange } from '../text/textRange';

/** The most alias dereferences one plan may need. Far above any honest plan; an alias bomb hits it at once. */
export const aliasBudget = 10_000;

export type PlanNode = Scalar | YAMLMap | YAMLSeq | null;

/**
 * Reads a parsed plan's nodes: resolves aliases (within a budget shared by one pass over the
 * document), and gives offsets for every node.
 */
export class YamlNodeReader {
	private aliasesLeft = aliasBudget;
	/** Set once the budget ran out; the caller reports it once. */
	aliasBudgetExceededAt: TextRange | undefined;
	/** Aliases that point at no anchor, by start offset. */
	readonly unknownAliases = new Map<number, TextRange>();

	constructor(private readonly document: Document.Parsed) {}

	/** The node itself, or what an alias points at; null for an absent or unresolvable node. */
	resolve(node: unknown): PlanNode {
		if (isAlias(node)) {
			if (this.aliasesLeft <= 0) {
				this.aliasBudgetExceededAt ??= rangeOf(node);
				return null;
			}
			this.aliasesLeft--;
			const target = node.resolve(this.document);
			if (target === undefined) {
				const range = rangeOf(node) ?? { start: 0, end: 0 };
				this.unknownAliases.set(range.start, range);
				return null;
			}
			return this.resolve(target);
		}
		if (isScalar(node) || isMap(node) || isSeq(node)) return node as PlanNode;
		return null;
	}
}

/** A node's offsets (start to end of its value, without trailing comments). */
export function rangeOf(node: unknown): TextRange | undefined {
	const range = (node as { range?: [number, number, number] } | null)?.range;
	return range ? { start: range[0], end: range[1] } : undefined;
}

/** The key of a pair as text, as the user wrote it (`123:` gives "123"). */
export function keyText(pair: Pair): string | undefined {
	const key = pair.key;
	if (isScalar(key)) return key.value === null ? '' : String(key.value);
	return undefined;
}

export function isNullNode(node: PlanNode): boolean {
	return node === null || (isScalar(node) && node.value === null);
}

export function pairsOf(map: YAMLMap): readonly Pair[] {
	return map.items as Pair[];
}

/** A pair's key range; for keys the parser could not place, the start of the value. */
export function keyRange(pair: Pair): TextRange {
	return rangeOf(pair.key) ?? rangeOf(pair.value) ?? { start: 0, end: 0 };
}

/** From the key's start to the value's end: the whole `key: value` entry. */
export function pairRange(pair: Pair): TextRange {
	const key = keyRange(pair);
	const value = rangeOf(pair.value);
	return { start: key.start, end: Math.max(key.end, value?.end ?? key.end) };
}

export function describeNode(node: PlanNode): string {
	if (node === null) return 'nothing';
	if (isMap(node)) return 'a mapping';
	if (isSeq(node)) return 'a list';
	const value = node.value;
	if (value === null) return 'an empty value';
	if (typeof value === 'number') return Number.isInteger(value) ? 'an integer' : 'a number';
	if (typeof value === 'boolean') return 'a boolean';
	return 'a string';
}

/** How many nodes an alias may stand for, expanded, before the plan counts as an alias bomb. */
export const aliasExpansionLimit = 100_000;

/**
 * The first alias whose full expansion exceeds `aliasExpansionLimit` nodes ("billion laughs"), found
 * without expanding anything: expanded sizes are memoised per node, so this is linear in the tree.
 */
export function findAliasBomb(document: Document.Parsed): { range: TextRange; size: number } | undefined {
	const sizes = new Map<unknown, number>();
	const inProgress = new Set<unknown>();
	let bomb: { range: TextRange; size: number } | undefined;
	const sizeOf = (node: unknown): number => {
		if (node === null || node === undefined) return 0;
		const known = sizes.get(node);
		if (known !== undefined) return known;
		if (inProgress.has(node)) return 1;
		inProgress.add(node);
		let size = 1;
		if (isAlias(node)) {
			const target = node.resolve(document);
			size = target === undefined ? 1 : sizeOf(target);
			if (size > aliasExpansionLimit && !bomb) bomb = { range: rangeOf(node) ?? { start: 0, end: 0 }, size };
		} else if (isMap(node) || isSeq(node)) {
			for (const item of node.items) size += sizeOf(item);
		} else if (isPair(node)) {
			size += sizeOf(node.key) + sizeOf(node.value);
		}
		inProgress.delete(node);
		sizes.set(node, size);
		return size;
	};
	sizeOf(document.contents);
	return bomb;
}
