import type { CallFact, GroupsInsertion, ValueFact } from '../callFacts';
import { fieldOf, type SyntaxNode } from '../treeSitter/syntaxNodes';
import { callFact, identityInSegmentArguments, keywordArgumentInsertion, type CallFields, type PythonCallSite, type PythonTools } from './pythonCallSite';
import { dictEntry, dictEntryInsertion, hasDictSplat, readGroupsDict } from './pythonDicts';
import { argument, unwrap } from './pythonSyntax';

/**
 * Segment's Python library (`segment.analytics` module functions, `Client(write_key)`; the legacy
 * `analytics` module): `group(user_id, group_id, traits, context, timestamp, anonymous_id,
 * integrations)` — the user comes FIRST, unlike Analytics.js — and `track(user_id, event,
 * properties, context, timestamp, anonymous_id, integrations)`, where groups for Amplitude travel
 * in `integrations={"Amplitude": {"groups": {…}}}` (Classic destination); `identify(user_id, traits,
 * context, timestamp, anonymous_id, integrations)` carries them the same way.
 *
 * Insertions, as pythonCodeWriter.ts writes them: `object-entry` adds `"trait": value` pairs at the
 * end of the traits dict; `argument` appends a `traits={…}` keyword argument; `segment-options`
 * appends `integrations={"Amplitude": {"groups": {…}}}`; `groups-entry` adds pairs to that groups dict.
 */
export function recogniseSegmentPythonCall(tools: PythonTools, site: PythonCallSite): CallFact | undefined {
	switch (site.method) {
		case 'group':
			return groupCall(tools, site);
		case 'track':
			return trackCall(tools, site);
		case 'identify':
			return identifyCall(tools, site);
		default:
			return undefined;
	}
}

function groupCall(tools: PythonTools, site: PythonCallSite): CallFact | undefined {
	const groupId = argument(site.args, 1, 'group_id');
	const traits = argument(site.args, 2, 'traits');
	if (!groupId && !site.args.splat) return undefined;
	const reading = readTraits(tools, traits);
	let insertion: GroupsInsertion | undefined;
	const dict = traits && unwrap(traits).type === 'dictionary' ? unwrap(traits) : undefined;
	if (dict) insertion = { ...dictEntryInsertion(tools.text, dict), form: 'object-entry' };
	else if (!traits && !site.args.splat) insertion = keywordArgumentInsertion(tools, site.call, site.args);
	return callFact(site, {
		kind: 'segment-group',
		segmentTraits: { ...reading, ...(groupId ? { groupId: tools.values.value(groupId) } : {}), ...(insertion ? { insertion } : {}) },
		...(site.readsIdentity ? { userIdentity: identityInSegmentArguments(site.args) } : {}),
	});
}

function readTraits(tools: PythonTools, traits: SyntaxNode | undefined): { range?: CallFact['range']; entries: { key: string; keyRange: CallFact['range']; value: ValueFact }[]; partlyUnknown: boolean } {
	if (!traits || unwrap(traits).type === 'none') return { entries: [], partlyUnknown: false };
	const dict = tools.values.dictionary(traits);
	if (!dict) return { entries: [], partlyUnknown: true };
	tools.consumed.add(dict);
	const entries: { key: string; keyRange: CallFact['range']; value: ValueFact }[] = [];
	let partlyUnknown = false;
	for (const entry of dict.children) {
		const key = entry.type === 'pair' ? fieldOf(entry, 'key') : undefined;
		const value = entry.type === 'pair' ? fieldOf(entry, 'value') : undefined;
		const name = key && tools.values.name(key);
		if (!name || !value || name.kind !== 'resolved') {
			partlyUnknown = true;
			continue;
		}
		entries.push({ key: name.name, keyRange: name.range, value: tools.values.value(value) });
	}
	return { range: { start: dict.start, end: dict.end }, entries, partlyUnknown };
}

function trackCall(tools: PythonTools, site: PythonCallSite): CallFact | undefined {
	const event = argument(site.args, 1, 'event');
	if (!event) return undefined;
	const fields = amplitudeGroupsIn(tools, site, argument(site.args, 6, 'integrations'));
	return callFact(site, {
		...fields,
		kind: fields.kind === 'user-level-group' ? 'event-level-groups' : 'track',
		event: tools.values.name(event),
		...(site.readsIdentity ? { userIdentity: identityInSegmentArguments(site.args) } : {}),
	});
}

/** `identify(user_id, traits, …, integrations={"Amplitude": {"groups": {…}}})`: a user-level group only when the integrations carry groups. */
function identifyCall(tools: PythonTools, site: PythonCallSite): CallFact | undefined {
	const integrations = argument(site.args, 5, 'integrations');
	if (!integrations) return undefined;
	const fields = amplitudeGroupsIn(tools, site, integrations);
	if (fields.kind !== 'user-level-group') return undefined;
	return callFact(site, { ...fields, groupsInsertion: undefined, ...(site.readsIdentity ? { userIdentity: identityInSegmentArguments(site.args) } : {}) });
}

/** `integrations={"Amplitude": {"groups": {…}}}`: kind 'user-level-group' when groups are there (the caller makes it an event's). */
function amplitudeGroupsIn(tools: PythonTools, site: PythonCallSite, integrations: SyntaxNode | undefined): CallFields {
	if (!integrations || unwrap(integrations).type === 'none') {
		return { kind: 'track', ...(!integrations && !site.args.splat ? { groupsInsertion: { ...keywordArgumentInsertion(tools, site.call, site.args), form: 'segment-options' } } : {}), ...(site.args.splat ? { groupsPartlyUnknown: true } : {}) };
	}
	let dict = tools.values.dictionary(integrations);
	for (const key of ['Amplitude', 'groups']) {
		if (!dict) return { kind: 'track', groupsPartlyUnknown: true };
		tools.consumed.add(dict);
		const entry = dictEntry(tools.values, dict, key);
		if (!entry) return { kind: 'track', groupsPartlyUnknown: hasDictSplat(dict) };
		if (key === 'groups') {
			const reading = readGroupsDict(tools.values, entry.value);
			const inline = unwrap(entry.value);
			return {
				kind: 'user-level-group',
				groups: [...reading.groups],
				groupsPartlyUnknown: reading.partlyUnknown,
				...(reading.literal ? { groupsRange: { start: reading.literal.start, end: reading.literal.end } } : {}),
				...(reading.literal && reading.literal === inline ? { groupsInsertion: dictEntryInsertion(tools.text, inline) } : {}),
			};
		}
		dict = tools.values.dictionary(entry.value);
	}
	return { kind: 'track', groupsPartlyUnknown: true };
}
