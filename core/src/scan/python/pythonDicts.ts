import type { GroupFact, GroupsInsertion, PropertyOperation, PropertyWriteFact } from '../callFacts';
import { fieldOf, type SyntaxNode } from '../treeSitter/syntaxNodes';
import type { PythonValues } from './pythonValues';
import { unwrap } from './pythonSyntax';

const operationKeys: ReadonlySet<string> = new Set(['$set', '$setOnce', '$add', '$append', '$prepend', '$unset', '$preInsert', '$postInsert', '$remove', '$clearAll']);

export interface GroupsReading {
	readonly groups: readonly GroupFact[];
	readonly partlyUnknown: boolean;
	/** The dictionary literal (inline, or a same-file name bound to one). */
	readonly literal?: SyntaxNode;
}

/** A `groups` dict: `{"company": company_id, COMPANY: [a, b], Groups.TEAM.value: t}`; `**spread` or unreadable keys make it partly unknown. */
export function readGroupsDict(values: PythonValues, expression: SyntaxNode): GroupsReading {
	const dict = values.dictionary(expression);
	if (!dict) return { groups: [], partlyUnknown: unwrap(expression).type !== 'none' };
	const groups: GroupFact[] = [];
	let partlyUnknown = false;
	for (const entry of dict.children) {
		const key = entry.type === 'pair' ? fieldOf(entry, 'key') : undefined;
		const value = entry.type === 'pair' ? fieldOf(entry, 'value') : undefined;
		if (!key || !value) {
			partlyUnknown = true;
			continue;
		}
		const type = values.name(key);
		if (type.kind === 'unresolved') partlyUnknown = true;
		groups.push({ type, value: values.value(value), range: { start: entry.start, end: entry.end } });
	}
	return { groups, partlyUnknown, literal: dict };
}

export interface PropertiesReading {
	readonly properties: readonly PropertyWriteFact[];
	readonly partlyUnknown: boolean;
}

/** The properties a dict writes (`{"plan": "pro"}` with `operation`), or operation blocks `{"$set": {…}, "$unset": {…}}`. */
export function readPropertyDict(values: PythonValues, expression: SyntaxNode, operation: PropertyOperation, depth = 0): PropertiesReading {
	const dict = depth < 2 ? values.dictionary(expression) : undefined;
	if (!dict) return { properties: [], partlyUnknown: unwrap(expression).type !== 'none' };
	const properties: PropertyWriteFact[] = [];
	let partlyUnknown = false;
	for (const entry of dict.children) {
		const key = entry.type === 'pair' ? fieldOf(entry, 'key') : undefined;
		const value = entry.type === 'pair' ? fieldOf(entry, 'value') : undefined;
		if (!key || !value) {
			partlyUnknown = true;
			continue;
		}
		const name = values.name(key);
		if (name.kind === 'resolved' && operationKeys.has(name.name)) {
			const inner = readPropertyDict(values, value, name.name as PropertyOperation, depth + 1);
			properties.push(...inner.properties);
			partlyUnknown ||= inner.partlyUnknown;
			continue;
		}
		if (name.kind === 'unresolved') partlyUnknown = true;
		properties.push({ name, operation, ...(operation === '$unset' ? {} : { value: values.value(value) }), range: { start: entry.start, end: entry.end } });
	}
	return { properties, partlyUnknown };
}

/** The value of key `name` in a dict literal, when written as a string literal key. */
export function dictEntry(values: PythonValues, dict: SyntaxNode, name: string): { readonly pair: SyntaxNode; readonly value: SyntaxNode } | undefined {
	for (const entry of dict.children) {
		if (entry.type !== 'pair') continue;
		const key = fieldOf(entry, 'key');
		const value = fieldOf(entry, 'value');
		if (!key || !value) continue;
		const keyName = values.name(key);
		if (keyName.kind === 'resolved' && keyName.name === name) return { pair: entry, value };
	}
	return undefined;
}

export function hasDictSplat(dict: SyntaxNode): boolean {
	return dict.children.some((entry) => entry.type === 'dictionary_splat');
}

/**
 * `groups-entry` for Python: new `"type": value` pairs go at `offset`, after the last entry of the
 * dict literal (`needsComma` when it has one) or just inside its `{`.
 */
export function dictEntryInsertion(text: string, dict: SyntaxNode): GroupsInsertion {
	const last = dict.children[dict.children.length - 1];
	if (last) return { offset: last.end, form: 'groups-entry', needsComma: true, placeholders: 0 };
	return { offset: text.indexOf('{', dict.start) + 1, form: 'groups-entry', needsComma: false, placeholders: 0 };
}
