import type { CallFact } from '../callFacts';
import { groupFromArguments, groupIdentifyCall, setGroupCall } from './amplitudeCalls';
import { callFact, identityFromArguments, inlineObject, type CallSite, type ScanTools } from './callSite';
import { readEventPayload } from './httpPayloads';
import { objectEntryInsertion, readGroupsObject } from './propertyObjects';
import { isNullish } from './syntaxWalk';

/**
 * Legacy `amplitude-js` (`getInstance()` clients and the default-instance proxies) and legacy
 * `@amplitude/react-native`: `setGroup(type, name)`, `groupIdentify(type, name, identify, …)`,
 * `logEventWithGroups(event, data?, groups?)` (amplitude-js only), `logEvent(event, data?)` (no groups).
 */
export function recogniseLegacyClientCall(tools: ScanTools, site: CallSite): CallFact | undefined {
	switch (site.method) {
		case 'setGroup':
			return setGroupCall(tools, site, undefined);
		case 'groupIdentify':
			return groupIdentifyCall(tools, site, undefined, { plainObjectAllowed: false });
		case 'logEvent':
			return site.args[0] ? callFact(tools, site, { kind: 'track', event: tools.constants.name(site.args[0]) }) : undefined;
		case 'logEventWithGroups':
			return site.client.api === 'amplitude-js' || site.client.api === 'amplitude-global' ? logEventWithGroups(tools, { ...site, client: { sdk: 'amplitude-js', api: 'amplitude-js' } }) : undefined;
		default:
			return undefined;
	}
}

function logEventWithGroups(tools: ScanTools, site: CallSite): CallFact | undefined {
	const [event, , groupsArg] = site.args;
	if (!event) return undefined;
	const hasGroups = groupsArg !== undefined && !isNullish(groupsArg);
	const reading = hasGroups ? readGroupsObject(tools.model, tools.constants, groupsArg) : undefined;
	const inline = inlineObject(groupsArg);
	return callFact(tools, site, {
		kind: hasGroups ? 'event-level-groups' : 'track',
		event: tools.constants.name(event),
		groups: reading?.groups ?? [],
		groupsPartlyUnknown: reading?.partlyUnknown ?? false,
		...(reading?.literal ? { groupsRange: tools.model.rangeOf(reading.literal) } : {}),
		...(inline && inline === reading?.literal ? { groupsInsertion: { ...objectEntryInsertion(inline), form: 'groups-entry' as const, placeholders: 0 } } : {}),
	});
}

/**
 * Legacy `@amplitude/node` clients (`Amplitude.init(KEY)`):
 * `identify(userId, deviceId, new Identify().setGroup(t, v))` → user-level group;
 * `logEvent(new Identify().set(…).identifyGroup(t, v))` → group identify;
 * `logEvent(new Identify().setGroup(t, v).identifyUser(id))` → user-level group;
 * `logEvent({ event_type, user_id, groups })` → read like an HTTP V2 event.
 */
export function recogniseLegacyNodeCall(tools: ScanTools, site: CallSite): CallFact | undefined {
	if (site.method === 'identify') {
		const [userId, deviceId, identify] = site.args;
		if (!identify) return undefined;
		const reading = tools.identify.read(identify, site.call.getStart(tools.model.sourceFile));
		if (reading.groups.length === 0) return undefined;
		return callFact(tools, site, { kind: 'user-level-group', groups: reading.groups, groupsPartlyUnknown: reading.partlyUnknown, userIdentity: identityFromArguments([userId, deviceId]) });
	}
	if (site.method !== 'logEvent' || !site.args[0]) return undefined;
	const [eventArg] = site.args;
	const object = tools.constants.objectLiteral(eventArg);
	if (object) {
		tools.consumed.add(object);
		const payload = readEventPayload(tools, object);
		if (!payload) return undefined;
		const { eventTypeRange: _eventTypeRange, hasGroups: _hasGroups, identity, ...fields } = payload;
		return callFact(tools, site, { ...fields, userIdentity: identity });
	}
	const reading = tools.identify.read(eventArg, site.call.getStart(tools.model.sourceFile));
	const terminal = reading.terminal;
	if (!terminal) return undefined;
	if (terminal.method === 'identifyUser') {
		if (reading.groups.length === 0) return undefined;
		const [userId, deviceId] = terminal.call.arguments;
		return callFact(tools, site, { kind: 'user-level-group', groups: reading.groups, groupsPartlyUnknown: reading.partlyUnknown, userIdentity: identityFromArguments([userId, deviceId]) });
	}
	const terminalSite: CallSite = { ...site, args: terminal.call.arguments };
	if (terminal.call.arguments.length < 2) return undefined;
	return callFact(tools, site, {
		kind: 'group-identify',
		groups: [groupFromArguments(tools, terminalSite, 0)],
		properties: reading.properties,
		propertiesPartlyUnknown: reading.partlyUnknown,
		// identifyGroup() invents a random device_id, so the id rule is satisfied.
		userIdentity: 'present',
	});
}
