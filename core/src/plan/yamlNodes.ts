import { Document, isAlias, parseDocument, isMap, isPair, isScalar, isSeq, Pair, Scalar, YAMLMap, YAMLSeq, type Alias } from 'yaml';
import type { TextRange } from '../text/textRange';

/**
 * The YAML tree of a plan's text, read as every part of Trackplan reads it. yaml does not take a lone CR (old Mac
 * line endings) as a line break, as YAML and every editor do: it would read such a plan as one long line. A lone
 * CR becomes a LF for the parser only; same length, so every offset holds. `merge` reads `<<` keys as merges
 * (YAML 1.1 style), for checks that an edit means the same to tools that do; a check that needs no CST drops it.
 */
export function parsePlanYaml(text: string, options: { merge?: boolean; keepSourceTokens?: boolean } = {}): Document.Parsed {
	const yamlText = text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
	return parseDocument(yamlText, { uniqueKeys: false, prettyErrors: false, keepSourceTokens: true, strict: true, ...options });
}

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
			const target = aliasTargets(this.document).get(node);
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
 * What each alias of the document points at: the last node before it that carries its anchor, as
 * yaml's `Alias.resolve` defines it. Found in one iterative walk per document and remembered:
 * `Alias.resolve` walks the whole document (recursively) on every call, which is quadratic in a plan
 * with thousands of aliases and overflows the stack on a deeply nested one.
 */
export function aliasTargets(document: Document.Parsed): ReadonlyMap<Alias, unknown> {
	let targets = aliasTargetsByDocument.get(document);
	if (targets) return targets;
	targets = new Map();
	const anchors = new Map<string, unknown>();
	// Pre-order, keys before values: the order in which `Alias.resolve` looks for the anchor.
	const pending: unknown[] = [document.contents];
	while (pending.length > 0) {
		const node = pending.pop();
		if (isAlias(node)) {
			targets.set(node, anchors.get(node.source));
		} else if (isPair(node)) {
			pending.push(node.value, node.key);
		} else if (isScalar(node) || isMap(node) || isSeq(node)) {
			if (node.anchor) anchors.set(node.anchor, node);
			if (!isScalar(node)) for (let i = node.items.length - 1; i >= 0; i--) pending.push(node.items[i]);
		}
	}
	aliasTargetsByDocument.set(document, targets);
	return targets;
}

const aliasTargetsByDocument = new WeakMap<Document.Parsed, Map<Alias, unknown>>();

/**
 * The first alias whose full expansion exceeds `aliasExpansionLimit` nodes ("billion laughs"), found
 * without expanding anything: expanded sizes are memoised per node, so this is linear in the tree.
 * The walk keeps its own stack, so a deeply nested plan cannot overflow the call stack.
 */
export function findAliasBomb(document: Document.Parsed): { range: TextRange; size: number } | undefined {
	const targets = aliasTargets(document);
	const sizes = new Map<unknown, number>();
	const inProgress = new Set<unknown>();
	let bomb: { range: TextRange; size: number } | undefined;
	/** A node being sized: the children still to add, and the size so far (1 for the node itself; an alias counts as its target). */
	interface Frame {
		readonly node: unknown;
		readonly children: readonly unknown[];
		next: number;
		size: number;
	}
	const frameOf = (node: unknown): Frame => {
		inProgress.add(node);
		if (isAlias(node)) {
			const target = targets.get(node);
			return target === undefined ? { node, children: [], next: 0, size: 1 } : { node, children: [target], next: 0, size: 0 };
		}
		if (isMap(node) || isSeq(node)) return { node, children: node.items, next: 0, size: 1 };
		if (isPair(node)) return { node, children: [node.key, node.value], next: 0, size: 1 };
		return { node, children: [], next: 0, size: 1 };
	};
	if (document.contents === null || document.contents === undefined) return undefined;
	const stack: Frame[] = [frameOf(document.contents)];
	while (stack.length > 0) {
		const frame = stack[stack.length - 1]!;
		if (frame.next < frame.children.length) {
			const child = frame.children[frame.next++];
			if (child === null || child === undefined) continue;
			const known = sizes.get(child);
			if (known !== undefined) frame.size += known;
			else if (inProgress.has(child)) frame.size += 1;
			else stack.push(frameOf(child));
			continue;
		}
		stack.pop();
		inProgress.delete(frame.node);
		sizes.set(frame.node, frame.size);
		if (isAlias(frame.node) && frame.size > aliasExpansionLimit && !bomb) bomb = { range: rangeOf(frame.node) ?? { start: 0, end: 0 }, size: frame.size };
		const parent = stack[stack.length - 1];
		if (parent) parent.size += frame.size;
	}
	return bomb;
}
