import * as ts from 'typescript';
import type { CallFact, GroupsInsertion, ValueFact } from '../callFacts';
import { argumentInsertion, callFact, identityIn, inlineObject, type CallFields, type CallSite, type ScanTools } from './callSite';
import { objectEntryInsertion, readGroupsObject } from './propertyObjects';
import { hasSpread, isNullish, objectProperty, propertyValue } from './syntaxWalk';

const segmentIdentityKeys: readonly string[] = ['userId', 'anonymousId'];

/**
 * Segment: Analytics.js (`@segment/analytics-next`, `window.analytics`): `group(groupId, traits, options)`,
 * `track(event, properties, options)`, `identify(userId, traits, options)`; Node
 * (`@segment/analytics-node`, `analytics-node`): the same methods with one params object
 * `{ groupId, userId, traits, event, integrations }`. Groups for Amplitude travel in
 * `integrations: { Amplitude: { groups: {…} } }` (Classic destination).
 */
export function recogniseSegmentCall(tools: ScanTools, site: CallSite): CallFact | undefined {
	const node = site.client.api === 'segment-node';
	switch (site.method) {
		case 'group':
			return node ? nodeGroup(tools, site) : browserGroup(tools, site);
		case 'track':
			return node ? nodeEvent(tools, site, 'track') : browserTrack(tools, site);
		case 'identify':
			return node ? nodeEvent(tools, site, 'identify') : browserIdentify(tools, site);
		default:
			return undefined;
	}
}

/** Whether a call's arguments have the Node shape (one params object with `groupId`/`event`/`userId`…). */
export function hasSegmentNodeShape(tools: ScanTools, args: readonly ts.Expression[]): boolean {
	const object = args[0] && tools.constants.objectLiteral(args[0]);
	return Boolean(object && ['groupId', 'event', 'userId', 'anonymousId'].some((key) => objectProperty(object, key)));
}

function browserGroup(tools: ScanTools, site: CallSite): CallFact | undefined {
	const [first, second] = site.args;
	if (!first) return undefined; // `analytics.group()` reads the current group
	const firstIsTraits = tools.constants.objectLiteral(first) !== undefined;
	const traits = firstIsTraits ? first : second;
	const insertion = traitsInsertion(tools, site, traits, firstIsTraits ? undefined : 1);
	return callFact(tools, site, {
		kind: 'segment-group',
		segmentTraits: { ...readTraits(tools, traits), ...(firstIsTraits ? {} : { groupId: tools.constants.value(first) }), ...(insertion ? { insertion } : {}) },
	});
}

function nodeGroup(tools: ScanTools, site: CallSite): CallFact | undefined {
	const params = site.args[0] && tools.constants.objectLiteral(site.args[0]);
	if (!params) return site.args[0] ? callFact(tools, site, { kind: 'segment-group', segmentTraits: { entries: [], partlyUnknown: true }, userIdentity: 'unknown' }) : undefined;
	tools.consumed.add(params);
	const traits = valueOf(params, 'traits');
	const groupId = valueOf(params, 'groupId');
	const inlineParams = inlineObject(site.args[0]);
	const insertion: GroupsInsertion | undefined = traits
		? traitsInsertion(tools, site, traits, undefined)
		: inlineParams
			? { ...objectEntryInsertion(inlineParams), form: 'object-entry', placeholders: 0 }
			: undefined;
	return callFact(tools, site, {
		kind: 'segment-group',
		segmentTraits: { ...readTraits(tools, traits), ...(groupId ? { groupId: tools.constants.value(groupId) } : {}), ...(insertion ? { insertion } : {}) },
		userIdentity: identityIn(tools, [site.args[0]], segmentIdentityKeys),
	});
}

function readTraits(tools: ScanTools, traits: ts.Expression | undefined): { range?: CallFact['range']; entries: { key: string; keyRange: CallFact['range']; value: ValueFact }[]; partlyUnknown: boolean } {
	if (!traits || isNullish(traits)) return { entries: [], partlyUnknown: false };
	const object = tools.constants.objectLiteral(traits);
	if (!object) return { entries: [], partlyUnknown: true };
	tools.consumed.add(object);
	const entries: { key: string; keyRange: CallFact['range']; value: ValueFact }[] = [];
	let partlyUnknown = false;
	for (const element of object.properties) {
		if (!ts.isPropertyAssignment(element) && !ts.isShorthandPropertyAssignment(element)) {
			partlyUnknown = true;
			continue;
		}
		const key = tools.constants.keyName(element.name);
		if (key.kind !== 'resolved') {
			partlyUnknown = true;
			continue;
		}
		const value = ts.isPropertyAssignment(element) ? element.initializer : element.name;
		entries.push({ key: key.name, keyRange: key.range, value: tools.constants.value(value) });
	}
	return { range: tools.model.rangeOf(object), entries, partlyUnknown };
}

/** Inside the traits literal; or, with none, a new traits argument at `argumentIndex`. */
function traitsInsertion(tools: ScanTools, site: CallSite, traits: ts.Expression | undefined, argumentIndex: number | undefined): GroupsInsertion | undefined {
	const inline = inlineObject(traits);
	if (inline) return { ...objectEntryInsertion(inline), form: 'object-entry', placeholders: 0 };
	if (traits && !isNullish(traits)) return undefined;
	return argumentIndex === undefined || traits ? undefined : argumentInsertion(tools, site, argumentIndex, 'argument');
}

function browserTrack(tools: ScanTools, site: CallSite): CallFact | undefined {
	const [event] = site.args;
	if (!event) return undefined;
	const fields = amplitudeGroupsIn(tools, site.args[2], site, 2);
	return callFact(tools, site, { ...fields, kind: fields.kind === 'user-level-group' ? 'event-level-groups' : 'track', event: tools.constants.name(event) });
}

function browserIdentify(tools: ScanTools, site: CallSite): CallFact | undefined {
	const first = site.args[0];
	const optionsIndex = first && tools.constants.objectLiteral(first) ? 1 : 2;
	const fields = amplitudeGroupsIn(tools, site.args[optionsIndex], site, optionsIndex);
	return fields.kind === 'user-level-group' ? callFact(tools, site, { ...fields, groupsInsertion: undefined }) : undefined;
}

function nodeEvent(tools: ScanTools, site: CallSite, method: 'track' | 'identify'): CallFact | undefined {
	const params = site.args[0] && tools.constants.objectLiteral(site.args[0]);
	if (!params) {
		return method === 'track' && site.args[0] ? callFact(tools, site, { kind: 'track', groupsPartlyUnknown: true, userIdentity: 'unknown' }) : undefined;
	}
	tools.consumed.add(params);
	const fields = amplitudeGroupsIn(tools, site.args[0], undefined, 0);
	const userIdentity = identityIn(tools, [site.args[0]], segmentIdentityKeys);
	if (method === 'identify') return fields.kind === 'user-level-group' ? callFact(tools, site, { ...fields, userIdentity }) : undefined;
	const event = valueOf(params, 'event');
	return callFact(tools, site, {
		...fields,
		kind: fields.kind === 'user-level-group' ? 'event-level-groups' : 'track',
		...(event ? { event: tools.constants.name(event) } : {}),
		userIdentity,
	});
}

/**
 * Reads `integrations.Amplitude.groups` off an options (or Node params) object. Kind is
 * 'user-level-group' when groups are there (callers turn it into an event's groups), else 'track'.
 * With no options argument at all, `site` gets a `segment-options` insertion at `optionsIndex`.
 */
function amplitudeGroupsIn(tools: ScanTools, options: ts.Expression | undefined, site: CallSite | undefined, optionsIndex: number): CallFields {
	const { constants, model } = tools;
	if (!options || isNullish(options)) {
		return { kind: 'track', ...(site && !options ? { groupsInsertion: argumentInsertion(tools, site, optionsIndex, 'segment-options') } : {}) };
	}
	let object = constants.objectLiteral(options);
	if (object) tools.consumed.add(object);
	for (const key of ['integrations', 'Amplitude']) {
		if (!object) return { kind: 'track', groupsPartlyUnknown: true };
		const value = valueOf(object, key);
		if (!value) return { kind: 'track', groupsPartlyUnknown: hasSpread(object) };
		object = constants.objectLiteral(value);
	}
	if (!object) return { kind: 'track', groupsPartlyUnknown: true };
	const groupsValue = valueOf(object, 'groups');
	if (!groupsValue) return { kind: 'track', groupsPartlyUnknown: hasSpread(object) };
	const reading = readGroupsObject(model, constants, groupsValue);
	const inline = inlineObject(groupsValue);
	return {
		kind: 'user-level-group',
		groups: reading.groups,
		groupsPartlyUnknown: reading.partlyUnknown,
		...(reading.literal ? { groupsRange: model.rangeOf(reading.literal) } : {}),
		...(inline && inline === reading.literal ? { groupsInsertion: { ...objectEntryInsertion(inline), form: 'groups-entry', placeholders: 0 } } : {}),
	};
}

function valueOf(object: ts.ObjectLiteralExpression, key: string): ts.Expression | undefined {
	const property = objectProperty(object, key);
	return property && propertyValue(property);
}
