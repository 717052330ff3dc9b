import { isAlias, isMap, isPair, isScalar, isSeq, type CST, type Document, type Pair, type YAMLMap } from 'yaml';
import { aliasTargets, keyText, pairsOf } from '../plan/yamlNodes';
import { renderBlock, renderFlow, renderFlowEntry, type PlanEntries, type PlanValue } from './renderPlanValue';
import type { TextEdit } from './textEdit';

/** Where and how an entry goes into the plan's text. `flow`: the new value was written in flow style (`{}` for an empty one). */
export interface PlanInsertion {
	readonly edit: TextEdit;
	readonly flow: boolean;
}

/**
 * The edit that adds `key: value` under the mapping at `path`, creating missing parents, or
 * undefined where no edit can be trusted: a parent that is not a mapping, or one shared through an
 * alias (writing into it would change what the alias's other users see). Computed from yaml's own
 * reading of the text (node ranges, the CST's indentation and indicators), never from a guess at the
 * layout: block mappings get a block entry after their last entry (after a block scalar's kept
 * trailing lines, at the items' column even with `? key` or `!!str key`), flow mappings a flow
 * entry after their last value. An empty value (`key:`, `key: ~`, `key: !!null`) becomes the mapping:
 * its null token is the only text an edit replaces.
 */
export function planInsertion(document: Document.Parsed, text: string, path: readonly string[], key: string, value: PlanValue): PlanInsertion | undefined {
	const shared = new Set(aliasTargets(document).values());
	const writer = new EntryWriter(text, documentStep(document));
	const root = document.contents;
	if (isAlias(root) || (root && shared.has(root))) return undefined;
	if (root === null || root === undefined || (isScalar(root) && root.value === null)) return writer.intoEmptyDocument(document, root ?? undefined, nestedEntries(path, key, value));

	let map: YAMLMap | undefined = isMap(root) ? root : undefined;
	let parent: YAMLMap | undefined;
	let depth = 0;
	while (map && depth < path.length) {
		// The last of duplicate keys: the one a YAML reader keeps (duplicate-key reports the others).
		const pair = lastPairNamed(map, path[depth]!);
		if (!pair) break;
		depth++;
		const child = pair.value;
		if (isAlias(child) || (child && shared.has(child))) return undefined;
		if (isMap(child) && (child.flow || child.items.length > 0)) {
			parent = map;
			map = child;
			continue;
		}
		if (child === null || child === undefined || (isScalar(child) && child.value === null)) return writer.intoEmptyValue(map, pair, nestedEntries(path.slice(depth), key, value));
		// A scalar or a list where a mapping belongs (plan-schema reports it): nothing to write into.
		return undefined;
	}
	if (!map) return undefined;
	const [firstKey, firstValue] = Object.entries(nestedEntries(path.slice(depth), key, value))[0]!;
	return map.flow ? writer.intoFlowMap(map, firstKey, firstValue) : writer.intoBlockMap(map, parent, firstKey, firstValue);
}

/** `{ a: { b: { key: value } } }` for the missing parents a, b. */
function nestedEntries(missing: readonly string[], key: string, value: PlanValue): PlanEntries {
	return missing.reduceRight<PlanEntries>((inner, k) => ({ [k]: inner }), { [key]: value });
}

class EntryWriter {
	constructor(
		private readonly text: string,
		private readonly step: number,
	) {}

	intoBlockMap(map: YAMLMap, parent: YAMLMap | undefined, key: string, value: PlanValue): PlanInsertion | undefined {
		const last = pairsOf(map).at(-1);
		const indent = blockIndent(map);
		if (!last || indent === undefined) return undefined;
		const parentIndent = parent && !parent.flow ? blockIndent(parent) : undefined;
		const step = parentIndent !== undefined && indent > parentIndent ? indent - parentIndent : this.step;
		// Siblings written as one-line flow mappings (`plan: { type: string }`) get a one-line entry too.
		const flowSiblings = isMap(last.value) && last.value.flow === true && typeof value === 'object' && value !== null && !Array.isArray(value);
		const lines = flowSiblings ? [`${' '.repeat(indent)}${renderFlowEntry(key, value)}`] : renderBlock(key, value, indent, step);
		return { edit: this.linesAfter(contentEnd(last), lines), flow: flowSiblings };
	}

	intoFlowMap(map: YAMLMap, key: string, value: PlanValue): PlanInsertion | undefined {
		const entry = renderFlowEntry(key, value);
		const last = pairsOf(map).at(-1);
		if (last) {
			// Right after the last entry's value, not before `}`: a comment may end that line, a comma may follow.
			const at = flowEntryEnd(last);
			return { edit: { range: { start: at, end: at }, newText: `, ${entry}` }, flow: true };
		}
		const open = (map.srcToken as CST.FlowCollection | undefined)?.start.offset;
		if (open === undefined) return undefined;
		const next = this.text[open + 1] ?? '';
		return { edit: { range: { start: open + 1, end: open + 1 }, newText: /\s/.test(next) ? ` ${entry}` : ` ${entry} ` }, flow: true };
	}

	/** `pair` (in `map`) has an empty value: it becomes a mapping of `entries`. */
	intoEmptyValue(map: YAMLMap, pair: Pair, entries: PlanEntries): PlanInsertion | undefined {
		const item = pair.srcToken as CST.CollectionItem | undefined;
		if (!item) return undefined;
		const sep = item.sep ?? [];
		const indicator = sep.find((token) => token.type === 'map-value-ind');
		const tags = sep.filter((token) => token.type === 'tag');
		// An anchored empty value (an alias may stand for it) or one tagged as something else: refuse rather than guess.
		if (sep.some((token) => token.type === 'anchor') || tags.some((tag) => tag.source !== '!!null' && tag.source !== '!!map')) return undefined;
		const nullToken = pair.value && isScalar(pair.value) && pair.value.range && pair.value.range[1] > pair.value.range[0] ? pair.value.range : undefined;
		const flow = map.flow;
		const indent = flow ? undefined : blockIndent(map);
		if (!flow && indent === undefined) return undefined;
		const block = () => Object.entries(entries).flatMap(([k, v]) => renderBlock(k, v, indent! + this.step, this.step));

		if (!indicator) {
			// `{ key }` or `? key` with no `:`: the value indicator comes with the mapping.
			const keyEnd = (pair.key as { range?: [number, number, number] } | null)?.range?.[1];
			if (keyEnd === undefined) return undefined;
			if (flow) return { edit: insertAt(keyEnd, `: ${renderFlow(entries)}`), flow: true };
			return { edit: this.linesAfter(keyEnd, [`${' '.repeat(indent!)}:`, ...block()]), flow: false };
		}
		const indicatorEnd = indicator.offset + 1;
		const nullTag = tags.find((tag) => tag.source === '!!null');
		if (!nullToken && !nullTag) {
			// `key:` (or `key: !!map`) with nothing after it: in flow, right after the `:` (yaml places the empty value
			// where the next token starts, which may be a comment); in block, on the lines after it.
			if (flow) return { edit: insertAt(indicatorEnd, ` ${renderFlow(entries)}`), flow: true };
			return { edit: this.linesAfter(indicatorEnd, block()), flow: false };
		}
		// `key: ~`, `key: null`, `key: !!null`: the null token (and its tag) is replaced by the mapping.
		const start = Math.min(nullTag?.offset ?? Infinity, nullToken?.[0] ?? Infinity);
		const end = Math.max(nullTag ? nullTag.offset + nullTag.source.length : 0, nullToken?.[1] ?? 0);
		const lineEnd = endOfLine(this.text, end);
		const onIndicatorLine = !/[\r\n]/.test(this.text.slice(indicatorEnd, start));
		if (!flow && onIndicatorLine && /^[ \t]*$/.test(this.text.slice(end, lineEnd))) {
			const eol = this.eolNear(lineEnd);
			return { edit: { range: { start: indicatorEnd, end: lineEnd }, newText: eol + block().join(eol) }, flow: false };
		}
		// A comment follows, or the token stands on a line of its own: a flow mapping in its place keeps the rest as it is.
		return { edit: { range: { start, end }, newText: renderFlow(entries) }, flow: true };
	}

	/** The document holds nothing (or only comments, markers, a null): the entries start it. */
	intoEmptyDocument(document: Document.Parsed, root: unknown, entries: PlanEntries): PlanInsertion | undefined {
		const lines = Object.entries(entries).flatMap(([k, v]) => renderBlock(k, v, 0, this.step));
		const range = isScalar(root) ? root.range : undefined;
		if (isScalar(root) && (root.tag || root.anchor)) return undefined;
		if (range && range[1] > range[0]) {
			// A `~` or `null` document: replaced, with the spaces before it (after `---`).
			let start = range[0];
			while (start > 0 && (this.text[start - 1] === ' ' || this.text[start - 1] === '\t')) start--;
			const lineEnd = endOfLine(this.text, range[1]);
			if (!/^[ \t]*$/.test(this.text.slice(range[1], lineEnd))) return { edit: { range: { start: range[0], end: range[1] }, newText: renderFlow(entries) }, flow: true };
			const eol = this.eolNear(lineEnd);
			return { edit: { range: { start, end: lineEnd }, newText: (isLineStart(this.text, start) ? '' : eol) + lines.join(eol) }, flow: false };
		}
		// Before a document end marker (`...`), after any comments.
		return { edit: this.linesAfter(document.range[1], lines), flow: false };
	}

	/**
	 * `lines` as new lines after the content that ends at `end`: at that offset when it starts a line (a block
	 * scalar's kept trailing lines end there), else at the end of its line (after a comment on it).
	 */
	private linesAfter(end: number, lines: readonly string[]): TextEdit {
		if (isLineStart(this.text, end)) {
			const eol = lineBreakBefore(this.text, end) ?? this.eolNear(end);
			return insertAt(end, lines.join(eol) + eol);
		}
		const at = endOfLine(this.text, end);
		const eol = this.eolNear(at);
		return insertAt(at, eol + lines.join(eol));
	}

	/** The line break that ends the line at `offset`, else the one before it, else LF: each part of a mixed file keeps its own. */
	private eolNear(offset: number): string {
		return /\r\n|\r|\n/.exec(this.text.slice(offset))?.[0] ?? lineBreakBefore(this.text, offset) ?? '\n';
	}
}

function lastPairNamed(map: YAMLMap, key: string): Pair | undefined {
	const pairs = pairsOf(map);
	for (let i = pairs.length - 1; i >= 0; i--) if (keyText(pairs[i]!) === key) return pairs[i];
	return undefined;
}

function insertAt(offset: number, newText: string): TextEdit {
	return { range: { start: offset, end: offset }, newText };
}

/** The column of a block mapping's entries, as yaml's CST has it (the `?` of an explicit key, the tag of a tagged one). */
function blockIndent(map: YAMLMap): number | undefined {
	const token = map.srcToken as CST.Token | undefined;
	return token?.type === 'block-map' ? token.indent : undefined;
}

/** The plan's indentation step: the first block mapping nested in a block mapping, else 2. */
function documentStep(document: Document.Parsed): number {
	const pending: unknown[] = [document.contents];
	for (let visited = 0; pending.length > 0 && visited < 1000; visited++) {
		const node = pending.shift();
		if (!isMap(node) || node.flow) continue;
		const outer = blockIndent(node);
		for (const pair of pairsOf(node)) {
			const inner = isMap(pair.value) && !pair.value.flow ? blockIndent(pair.value) : undefined;
			if (outer !== undefined && inner !== undefined && inner > outer) return inner - outer;
			pending.push(pair.value);
		}
	}
	return 2;
}

/** Where a block node's content ends: its last value's end, down the last entries (a block scalar's includes its kept lines). */
function contentEnd(node: unknown): number {
	if (isPair(node)) return node.value !== null && node.value !== undefined ? contentEnd(node.value) : rangeEnd(node.key);
	if ((isMap(node) || isSeq(node)) && !node.flow && node.items.length > 0) return contentEnd(node.items.at(-1));
	return rangeEnd(node);
}

/**
 * Where a flow entry ends: after its value, else after its `:` and any tag or anchor, else after its key; before
 * any comma or comment. (yaml places an empty value where the next token starts, which may be a comment.)
 */
function flowEntryEnd(pair: Pair): number {
	const sep = (pair.srcToken as CST.CollectionItem | undefined)?.sep ?? [];
	let end = rangeEnd(pair.key);
	for (const token of sep) if (token.type === 'map-value-ind' || token.type === 'tag' || token.type === 'anchor') end = Math.max(end, token.offset + token.source.length);
	const value = (pair.value as { range?: [number, number, number] } | null)?.range;
	return value && value[1] > value[0] ? Math.max(end, value[1]) : end;
}

function rangeEnd(node: unknown): number {
	return (node as { range?: [number, number, number] } | null)?.range?.[1] ?? 0;
}

function isLineStart(text: string, offset: number): boolean {
	return offset === 0 || text[offset - 1] === '\n' || text[offset - 1] === '\r' || (offset === 1 && text[0] === '\ufeff');
}

function lineBreakBefore(text: string, offset: number): string | undefined {
	if (text[offset - 1] === '\n') return text[offset - 2] === '\r' ? '\r\n' : '\n';
	if (text[offset - 1] === '\r') return '\r';
	const before = text.slice(0, offset);
	const match = /(\r\n|\r|\n)[^\r\n]*$/.exec(before);
	return match?.[1];
}

function endOfLine(text: string, offset: number): number {
	let at = offset;
	while (at < text.length && text[at] !== '\n' && text[at] !== '\r') at++;
	return at;
}
