import * as ts from 'typescript';
import type { CallFact, CallKind, GroupsInsertion, NameFact } from '../callFacts';
import type { TextRange } from '../../text/textRange';
import { amplitudeIdentityKeys } from './amplitudeEvents';
import { identityIn, inlineObject, type EventContentsReading, type ScanTools } from './callSite';
import { objectEntryInsertion, readGroupsObject, readPropertyObject } from './propertyObjects';
import { objectProperty, propertyValue, staticPropertyName } from './syntaxWalk';

/** An HTTP V2 event object (`{ event_type, groups, group_properties, user_id }`) read as one of the wire shapes. */
export interface EventPayloadReading extends EventContentsReading {
	readonly kind: CallKind;
	readonly event?: NameFact;
	/** The `event_type` entry (the "callee" of a payload literal). */
	readonly eventTypeRange: TextRange;
}

/**
 * Reads an event object by its `event_type`: `$groupidentify` → group identify (its
 * `group_properties` are the writes), `$identify` → user-level group, anything else → an event
 * (with `groups` → event-level groups; `group_properties` there are ignored by Amplitude).
 */
export function readEventPayload(tools: ScanTools, object: ts.ObjectLiteralExpression): EventPayloadReading | undefined {
	const { model, constants } = tools;
	const typeProperty = objectProperty(object, 'event_type');
	const typeValue = typeProperty && propertyValue(typeProperty);
	if (!typeProperty || !typeValue) return undefined;
	const eventType = constants.evaluate(typeValue);
	const special = eventType?.kind === 'string' && (eventType.value === '$groupidentify' || eventType.value === '$identify') ? eventType.value : undefined;

	const groupsProperty = objectProperty(object, 'groups');
	const groupsValue = groupsProperty && propertyValue(groupsProperty);
	const groups = groupsValue ? readGroupsObject(model, constants, groupsValue) : undefined;
	const groupProperties = objectProperty(object, 'group_properties');
	const groupPropertiesValue = groupProperties && propertyValue(groupProperties);
	const properties = groupPropertiesValue ? readPropertyObject(model, constants, groupPropertiesValue, '$set') : undefined;

	const kind: CallKind = special === '$groupidentify' ? 'group-identify' : special === '$identify' ? 'user-level-group' : groups ? 'event-level-groups' : 'track';
	const inlineGroups = groupsValue && inlineObject(groupsValue);
	const insertion: GroupsInsertion | undefined = inlineGroups
		? { ...objectEntryInsertion(inlineGroups), form: 'groups-entry', placeholders: 0 }
		: groupsValue
			? undefined
			: { ...objectEntryInsertion(object), form: 'object-entry', placeholders: 0 };
	return {
		kind,
		...(special ? {} : { event: constants.name(typeValue) }),
		eventTypeRange: model.rangeOf(typeProperty),
		hasGroups: groups !== undefined,
		groups: groups?.groups ?? [],
		groupsPartlyUnknown: groups?.partlyUnknown ?? false,
		...(groups?.literal ? { groupsRange: model.rangeOf(groups.literal) } : {}),
		...(insertion && kind !== 'group-identify' ? { groupsInsertion: insertion } : {}),
		properties: properties?.properties ?? [],
		propertiesPartlyUnknown: properties?.partlyUnknown ?? false,
		...(groupProperties && kind !== 'group-identify' ? { ignoredGroupPropertiesRange: model.rangeOf(groupProperties) } : {}),
		identity: identityIn(tools, [object], amplitudeIdentityKeys),
	};
}

/**
 * Raw HTTP API payload literals not already read as a recognised call's argument: V2 / batch
 * events carrying `groups` (or `$groupidentify`), and Group Identify API bodies
 * `{ group_type, group_value, group_properties }`.
 */
export function recogniseHttpPayloads(tools: ScanTools): CallFact[] {
	const facts: CallFact[] = [];
	for (const object of tools.model.objectLiterals) {
		// (Most object literals have neither key: one pass over their names before anything else.)
		if (!hasPayloadKey(object) || isConsumed(tools, object)) continue;
		const fact = eventPayloadFact(tools, object) ?? groupIdentifyBodyFact(tools, object);
		if (fact) facts.push(fact);
	}
	return facts;
}

function eventPayloadFact(tools: ScanTools, object: ts.ObjectLiteralExpression): CallFact | undefined {
	const reading = readEventPayload(tools, object);
	if (!reading || (!reading.hasGroups && reading.kind !== 'group-identify')) return undefined;
	const method = reading.kind === 'group-identify' ? '$groupidentify' : reading.kind === 'user-level-group' ? '$identify' : 'event';
	const { eventTypeRange, hasGroups: _hasGroups, identity, ...fields } = reading;
	return { sdk: 'http-api', range: tools.model.rangeOf(object), calleeRange: eventTypeRange, method, ...fields, userIdentity: identity };
}

function groupIdentifyBodyFact(tools: ScanTools, object: ts.ObjectLiteralExpression): CallFact | undefined {
	const typeProperty = objectProperty(object, 'group_type');
	const type = typeProperty && propertyValue(typeProperty);
	const valueProperty = objectProperty(object, 'group_value');
	const value = valueProperty && propertyValue(valueProperty);
	const propertiesProperty = objectProperty(object, 'group_properties');
	const propertiesValue = propertiesProperty && propertyValue(propertiesProperty);
	if (!typeProperty || !type || !valueProperty || !value || !propertiesValue) return undefined;
	const { model, constants } = tools;
	const properties = readPropertyObject(model, constants, propertiesValue, '$set');
	return {
		sdk: 'http-api',
		kind: 'group-identify',
		range: model.rangeOf(object),
		calleeRange: model.rangeOf(typeProperty),
		method: 'groupidentify',
		groups: [{ type: constants.name(type), value: constants.value(value), range: { start: typeProperty.getStart(model.sourceFile), end: valueProperty.getEnd() } }],
		groupsPartlyUnknown: false,
		properties: properties.properties,
		propertiesPartlyUnknown: properties.partlyUnknown,
		userIdentity: 'not-required',
	};
}

/** Whether an object literal has an `event_type` or a `group_type` key (every payload shape read here has one). */
function hasPayloadKey(object: ts.ObjectLiteralExpression): boolean {
	for (const property of object.properties) {
		const name = property.name && staticPropertyName(property.name);
		if (name === 'event_type' || name === 'group_type') return true;
	}
	return false;
}

/** Inside a recognised call (or read by one through a const): already reported. */
function isConsumed(tools: ScanTools, object: ts.Node): boolean {
	for (let current: ts.Node | undefined = object; current; current = current.parent) {
		if (tools.consumed.has(current)) return true;
		if (ts.isStatement(current) && !ts.isVariableStatement(current) && !ts.isExpressionStatement(current)) return false;
	}
	return false;
}
