import { isMap, isScalar, type Pair, type YAMLMap } from 'yaml';
import type { ParsedPlan } from '../plan/parsePlan';
import { keyText, pairsOf } from '../plan/yamlNodes';
import type { TextEdit } from './textEdit';

/** A value to write into the plan: a scalar, a list of scalars (written in flow style), or nested entries. */
export type PlanValue = string | number | boolean | readonly (string | number | boolean)[] | PlanEntries | null;
export interface PlanEntries {
	readonly [key: string]: PlanValue;
}

/**
 * One pure insertion into the plan that adds `key: value` under the mapping at `path`
 * (e.g. ['groupTypes'] or ['groupTypes', 'company', 'properties']), creating missing parent keys.
 * Nothing outside the inserted text changes: comments, blank lines, quoting, key order and line
 * endings stay as they are. Flow mappings (`{ a: 1 }`) get a flow entry; block mappings a block one,
 * indented like their siblings.
 */
export function insertPlanEntry(plan: ParsedPlan, path: readonly string[], key: string, value: PlanValue): TextEdit {
	const text = plan.text;
	const eol = text.includes('\r\n') ? '\r\n' : text.includes('\r') ? '\r' : '\n';
	// Walk down the path: `map` is the deepest existing mapping, `emptyPair` a key on the path with nothing (or a scalar) under it.
	let map: YAMLMap | undefined = isMap(plan.document.contents) ? plan.document.contents : undefined;
	let emptyPair: Pair | undefined;
	let depth = 0;
	while (map && depth < path.length) {
		const pair = pairsOf(map).find((p) => keyText(p) === path[depth]);
		if (!pair) break;
		depth++;
		if (isMap(pair.value)) {
			map = pair.value;
		} else {
			emptyPair = pair;
			map = undefined;
		}
	}
	const nested: PlanEntries = path.slice(depth).reduceRight<PlanEntries>((inner, k) => ({ [k]: inner }), { [key]: value });
	const [firstKey, firstValue] = Object.entries(nested)[0]!;

	if (map && map.flow) return insertIntoFlowMap(text, map, firstKey, firstValue);
	if (map && map.items.length > 0) {
		const items = pairsOf(map);
		const indent = columnOf(text, rangeStart(items[0]!.key));
		const last = items[items.length - 1]!;
		const at = endOfEntry(text, last);
		// Siblings written as one-line flow mappings (`plan: { type: string }`) get a one-line entry too.
		const flowSiblings = isMap(last.value) && last.value.flow && typeof firstValue === 'object' && firstValue !== null && !Array.isArray(firstValue);
		const lines = flowSiblings ? [`${' '.repeat(indent)}${formatKey(firstKey)}: ${renderFlow(firstValue)}`] : renderBlock(firstKey, firstValue, indent, eol);
		return { range: { start: at, end: at }, newText: eol + lines.join(eol) };
	}
	if (emptyPair) {
		const keyStart = rangeStart(emptyPair.key);
		const at = endOfLine(text, keyStart);
		if (emptyPair.value !== null && !(isScalar(emptyPair.value) && emptyPair.value.value === null)) {
			// A scalar or a list where a mapping belongs (plan-schema reports it), or an alias to a mapping other
			// entries share: insert nothing rather than guess, or than change what the alias's other users see.
			return { range: { start: at, end: at }, newText: '' };
		}
		return { range: { start: at, end: at }, newText: eol + renderBlock(firstKey, firstValue, columnOf(text, keyStart) + 2, eol).join(eol) };
	}
	// The root is empty or the path starts at a missing top-level key: append at the end of the file.
	const trimmedEnd = text.replace(/\s+$/, '').length;
	return {
		range: { start: trimmedEnd, end: trimmedEnd },
		newText: (trimmedEnd > 0 ? eol : '') + renderBlock(firstKey, firstValue, 0, eol).join(eol),
	};
}

function insertIntoFlowMap(text: string, map: YAMLMap, key: string, value: PlanValue): TextEdit {
	const open = map.range![0];
	const entry = `${formatKey(key)}: ${renderFlow(value)}`;
	// Pure insertions, so nothing between the braces is lost (a comment, line breaks): into an empty mapping right
	// after `{`; otherwise right after the last entry's value, not before `}` (a comment may end that line).
	const last = pairsOf(map).at(-1);
	if (!last) return { range: { start: open + 1, end: open + 1 }, newText: /\s/.test(text[open + 1] ?? '') ? ` ${entry}` : ` ${entry} ` };
	let at = endOfFlowEntry(last);
	while (at > open + 1 && /\s/.test(text[at - 1]!)) at--;
	return { range: { start: at, end: at }, newText: `, ${entry}` };
}

function renderBlock(key: string, value: PlanValue, indent: number, eol: string): string[] {
	const pad = ' '.repeat(indent);
	if (value === null) return [`${pad}${formatKey(key)}:`];
	if (typeof value !== 'object' || Array.isArray(value)) return [`${pad}${formatKey(key)}: ${renderFlow(value)}`];
	const entries = Object.entries(value as PlanEntries);
	if (entries.length === 0) return [`${pad}${formatKey(key)}: {}`];
	return [`${pad}${formatKey(key)}:`, ...entries.flatMap(([k, v]) => renderBlock(k, v, indent + 2, eol))];
}

function renderFlow(value: PlanValue): string {
	if (value === null) return '{}';
	if (Array.isArray(value)) return `[${value.map((v) => formatScalar(v)).join(', ')}]`;
	if (typeof value === 'object') {
		const entries = Object.entries(value as PlanEntries);
		return entries.length === 0 ? '{}' : `{ ${entries.map(([k, v]) => `${formatKey(k)}: ${renderFlow(v)}`).join(', ')} }`;
	}
	return formatScalar(value as string | number | boolean);
}

/** A key as YAML reads it back unchanged: plain when safe, double-quoted otherwise. */
export function formatKey(key: string): string {
	return /^[A-Za-z_$][\w$ ./-]*$/.test(key) && !key.endsWith(' ') && !/^(true|false|null|yes|no|on|off|y|n|~)$/i.test(key) ? key : JSON.stringify(key);
}

function formatScalar(value: string | number | boolean): string {
	return typeof value === 'string' ? formatKey(value) : String(value);
}

function rangeStart(node: unknown): number {
	return (node as { range?: [number, number, number] }).range?.[0] ?? 0;
}

function columnOf(text: string, offset: number): number {
	let start = offset;
	while (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--;
	return offset - start;
}

function endOfLine(text: string, offset: number): number {
	let at = offset;
	while (at < text.length && text[at] !== '\n' && text[at] !== '\r') at++;
	return at;
}

/** Where a flow entry's value (or its key, when it has none) ends: before any comment after it. */
function endOfFlowEntry(pair: Pair): number {
	const value = pair.value as { range?: [number, number, number] } | null;
	return value?.range?.[1] ?? (pair.key as { range?: [number, number, number] }).range?.[1] ?? 0;
}

/** The end of the line on which a block entry's content ends (after its last value, before trailing comments' lines). */
function endOfEntry(text: string, pair: Pair): number {
	const value = pair.value as { range?: [number, number, number] } | null;
	let end = value?.range?.[1] ?? (pair.key as { range?: [number, number, number] }).range?.[1] ?? 0;
	while (end > 0 && /\s/.test(text[end - 1]!)) end--;
	return endOfLine(text, end);
}
