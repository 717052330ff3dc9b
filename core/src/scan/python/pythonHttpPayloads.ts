import type { CallFact, CallKind, GroupsInsertion } from '../callFacts';
import { fieldOf, type SyntaxNode } from '../treeSitter/syntaxNodes';
import type { PythonTools } from './pythonCallSite';
import { dictEntry, dictEntryInsertion, hasDictSplat, readGroupsDict, readPropertyDict } from './pythonDicts';
import { unwrap } from './pythonSyntax';

/**
 * HTTP API payload dicts (as posted with `requests`/`httpx` to `/2/httpapi`, `/batch` or
 * `/groupidentify`), read as the JavaScript front end reads object literals: an event dict with
 * `event_type` and `groups` (or `$groupidentify` with `group_properties`), and Group Identify API
 * bodies `{"group_type": …, "group_value": …, "group_properties": …}`. Dicts already read as an SDK
 * call's argument are left out.
 */
export function recognisePythonHttpPayloads(tools: PythonTools, payloadDicts: readonly SyntaxNode[]): CallFact[] {
	const facts: CallFact[] = [];
	for (const dict of payloadDicts) {
		if (isConsumed(tools, dict)) continue;
		const fact = eventPayload(tools, dict) ?? groupIdentifyBody(tools, dict);
		if (fact) facts.push(fact);
	}
	return facts;
}

function eventPayload(tools: PythonTools, dict: SyntaxNode): CallFact | undefined {
	const { values } = tools;
	const type = dictEntry(values, dict, 'event_type');
	if (!type) return undefined;
	const eventType = values.evaluate(type.value);
	const special = eventType?.kind === 'string' && (eventType.value === '$groupidentify' || eventType.value === '$identify') ? eventType.value : undefined;
	const groupsEntry = dictEntry(values, dict, 'groups');
	const groups = groupsEntry && readGroupsDict(values, groupsEntry.value);
	if (!groups && special !== '$groupidentify') return undefined;
	const groupProperties = dictEntry(values, dict, 'group_properties');
	const properties = groupProperties && readPropertyDict(values, groupProperties.value, '$set');
	const kind: CallKind = special === '$groupidentify' ? 'group-identify' : special === '$identify' ? 'user-level-group' : 'event-level-groups';
	const inlineGroups = groupsEntry && unwrap(groupsEntry.value).type === 'dictionary' ? unwrap(groupsEntry.value) : undefined;
	const insertion: GroupsInsertion | undefined = inlineGroups ? dictEntryInsertion(tools.text, inlineGroups) : groupsEntry ? undefined : { ...dictEntryInsertion(tools.text, dict), form: 'object-entry' };
	return {
		sdk: 'http-api',
		kind,
		range: { start: dict.start, end: dict.end },
		calleeRange: { start: type.pair.start, end: type.pair.end },
		method: kind === 'group-identify' ? '$groupidentify' : kind === 'user-level-group' ? '$identify' : 'event',
		...(special ? {} : { event: values.name(type.value) }),
		groups: [...(groups?.groups ?? [])],
		groupsPartlyUnknown: groups?.partlyUnknown ?? false,
		...(groups?.literal ? { groupsRange: { start: groups.literal.start, end: groups.literal.end } } : {}),
		...(insertion && kind !== 'group-identify' ? { groupsInsertion: insertion } : {}),
		properties: [...(properties?.properties ?? [])],
		propertiesPartlyUnknown: properties?.partlyUnknown ?? false,
		...(groupProperties && kind !== 'group-identify' ? { ignoredGroupPropertiesRange: { start: groupProperties.pair.start, end: groupProperties.pair.end } } : {}),
		userIdentity: identityInDict(tools, dict),
	};
}

function groupIdentifyBody(tools: PythonTools, dict: SyntaxNode): CallFact | undefined {
	const { values } = tools;
	const type = dictEntry(values, dict, 'group_type');
	const value = dictEntry(values, dict, 'group_value');
	const propertiesEntry = dictEntry(values, dict, 'group_properties');
	if (!type || !value || !propertiesEntry) return undefined;
	const properties = readPropertyDict(values, propertiesEntry.value, '$set');
	return {
		sdk: 'http-api',
		kind: 'group-identify',
		range: { start: dict.start, end: dict.end },
		calleeRange: { start: type.pair.start, end: type.pair.end },
		method: 'groupidentify',
		groups: [{ type: values.name(type.value), value: values.value(value.value), range: { start: Math.min(type.pair.start, value.pair.start), end: Math.max(type.pair.end, value.pair.end) } }],
		groupsPartlyUnknown: false,
		properties: [...properties.properties],
		propertiesPartlyUnknown: properties.partlyUnknown,
		userIdentity: 'not-required',
	};
}

function identityInDict(tools: PythonTools, dict: SyntaxNode): 'present' | 'absent' | 'unknown' {
	for (const key of ['user_id', 'device_id']) {
		const entry = dictEntry(tools.values, dict, key);
		if (entry && unwrap(entry.value).type !== 'none') return 'present';
	}
	return hasDictSplat(dict) ? 'unknown' : 'absent';
}

/** Whether a dict has a string key naming `event_type` or `group_type` (the node index keeps only those: see pythonNodeIndex.ts). */
export function hasPayloadKey(text: string, dict: SyntaxNode): boolean {
	return dict.children.some((entry) => {
		const key = entry.type === 'pair' ? fieldOf(entry, 'key') : undefined;
		if (!key || key.type !== 'string') return false;
		const written = text.slice(key.start, key.end);
		return written.includes('event_type') || written.includes('group_type');
	});
}

function isConsumed(tools: PythonTools, dict: SyntaxNode): boolean {
	for (let current: SyntaxNode | undefined = dict; current && current.type !== 'module'; current = current.parent) if (tools.consumed.has(current)) return true;
	return false;
}
