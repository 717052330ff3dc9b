import type { CallFact, GroupFact } from '../callFacts';
import { amplitudeIdentityKeys, eventCallFields, readAmplitudeEvent } from './amplitudeEvents';
import { callFact, identityIn, inlineObject, type CallSite, type ScanTools } from './callSite';
import { objectEntryInsertion, readGroupsObject } from './propertyObjects';
import { objectProperty, propertyValue } from './syntaxWalk';

/**
 * The current Amplitude SDKs (`@amplitude/analytics-browser`, `-node`, `-react-native`, unified,
 * marketing), the script-loader global, and `ampli.client` (the same client):
 * `setGroup(type, name, options?)`, `groupIdentify(type, name, identify, options?)`,
 * `track`/`logEvent(eventInput, properties?, options?)`, `identify(identify, options?)`.
 */
export function recogniseAmplitudeCall(tools: ScanTools, site: CallSite): CallFact | undefined {
	switch (site.method) {
		case 'setGroup':
			return setGroupCall(tools, site, 2);
		case 'groupIdentify':
			return groupIdentifyCall(tools, site, 3, { plainObjectAllowed: false });
		case 'track':
		case 'logEvent':
			return trackCall(tools, site);
		case 'identify':
			return identifyCall(tools, site);
		default:
			return undefined;
	}
}

/** `setGroup(type, name | name[], options?)` → user-level group. `optionsIndex` undefined: the SDK takes no options. */
export function setGroupCall(tools: ScanTools, site: CallSite, optionsIndex: number | undefined): CallFact | undefined {
	const [type, name] = site.args;
	if (!type || !name) return undefined;
	const options = optionsIndex === undefined ? undefined : site.args[optionsIndex];
	return callFact(tools, site, {
		kind: 'user-level-group',
		groups: [groupFromArguments(tools, site, 0)],
		...(site.readsIdentity ? { userIdentity: identityIn(tools, [options], amplitudeIdentityKeys) } : {}),
	});
}

/** `groupIdentify(type, name, identify, options?)` → group identify with the Identify's operations. */
export function groupIdentifyCall(tools: ScanTools, site: CallSite, optionsIndex: number | undefined, rules: { plainObjectAllowed: boolean }): CallFact | undefined {
	const [type, name, identify] = site.args;
	if (!type || !name || !identify) return undefined;
	const reading = tools.identify.read(identify, site.call.getStart(tools.model.sourceFile));
	const options = optionsIndex === undefined ? undefined : site.args[optionsIndex];
	return callFact(tools, site, {
		kind: 'group-identify',
		groups: [groupFromArguments(tools, site, 0)],
		properties: reading.properties,
		propertiesPartlyUnknown: reading.partlyUnknown,
		...(reading.plainObjectRange && !rules.plainObjectAllowed ? { plainObjectIdentifyRange: reading.plainObjectRange } : {}),
		...(site.readsIdentity ? { userIdentity: identityIn(tools, [options], amplitudeIdentityKeys) } : {}),
	});
}

/** The group of `setGroup(type, name)` / `groupIdentify(type, name, …)`: type and value start at `index`. */
export function groupFromArguments(tools: ScanTools, site: CallSite, index: number): GroupFact {
	const type = site.args[index]!;
	const value = site.args[index + 1]!;
	return {
		type: tools.constants.name(type),
		value: tools.constants.value(value),
		range: { start: type.getStart(tools.model.sourceFile), end: value.getEnd() },
	};
}

function trackCall(tools: ScanTools, site: CallSite): CallFact | undefined {
	if (site.args.length === 0) return undefined;
	return callFact(tools, site, eventCallFields(readAmplitudeEvent(tools, site, { eventIndex: 0, optionsIndex: 2 }), site.readsIdentity));
}

/** `identify(identify, { groups })`: a user-level group only when the options carry groups. */
function identifyCall(tools: ScanTools, site: CallSite): CallFact | undefined {
	const options = site.args[1];
	const object = options && tools.constants.objectLiteral(options);
	const groupsProperty = object && objectProperty(object, 'groups');
	const groupsValue = groupsProperty && propertyValue(groupsProperty);
	if (!object || !groupsValue) return undefined;
	tools.consumed.add(object);
	const reading = readGroupsObject(tools.model, tools.constants, groupsValue);
	const inline = inlineObject(groupsValue);
	return callFact(tools, site, {
		kind: 'user-level-group',
		groups: reading.groups,
		groupsPartlyUnknown: reading.partlyUnknown,
		...(reading.literal ? { groupsRange: tools.model.rangeOf(reading.literal) } : {}),
		...(inline && inline === reading.literal ? { groupsInsertion: { ...objectEntryInsertion(inline), form: 'groups-entry' as const, placeholders: 0 } } : {}),
		...(site.readsIdentity ? { userIdentity: identityIn(tools, [options], amplitudeIdentityKeys) } : {}),
	});
}
