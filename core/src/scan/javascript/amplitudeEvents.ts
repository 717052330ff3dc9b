import * as ts from 'typescript';
import type { CallFact, GroupsInsertion } from '../callFacts';
import { argumentInsertion, inlineObject, type CallFields, type CallSite, type EventContentsReading, identityIn, type ScanTools } from './callSite';
import { objectEntryInsertion, readGroupsObject, readPropertyObject } from './propertyObjects';
import { isNullish, objectProperty, propertyValue, spreadMaySupply, unwrapExpression } from './syntaxWalk';

export const amplitudeIdentityKeys: readonly string[] = ['user_id', 'device_id'];

export type EventName = NonNullable<CallFact['event']>;

/** What an Amplitude event call (`track`, `logEvent`, Ampli's `track`) carries, after options replace the event's groups. */
export interface AmplitudeEventReading extends EventContentsReading {
	readonly event?: EventName;
}

export interface EventArguments {
	/** Where the event (name or `BaseEvent` object) sits; undefined for Ampli's typed methods. */
	readonly eventIndex: number | undefined;
	readonly optionsIndex: number;
	/** Ampli: `new ReportExported(props)` (also spread into an object) names the event by its class. */
	readonly ampliEventClasses?: boolean;
}

/**
 * Reads `track(eventInput, eventProperties?, eventOptions?)` where `eventInput` is a name or a
 * `BaseEvent` object: the groups come from `options.groups` when the options carry it (they
 * REPLACE the event's groups, §1.2), else from `event.groups`.
 */
export function readAmplitudeEvent(tools: ScanTools, site: CallSite, where: EventArguments): AmplitudeEventReading {
	const { constants, model } = tools;
	const eventArg = where.eventIndex === undefined ? undefined : site.args[where.eventIndex];
	const optionsArg = site.args[where.optionsIndex];
	const eventObject = eventArg ? constants.objectLiteral(eventArg) : undefined;
	const optionsObject = optionsArg ? constants.objectLiteral(optionsArg) : undefined;
	for (const object of [eventObject, optionsObject]) if (object) tools.consumed.add(object);

	let event: EventName | undefined;
	let eventUnknown = false;
	if (eventObject) {
		event = eventNameInObject(tools, eventObject, where.ampliEventClasses === true);
	} else if (eventArg) {
		event = (where.ampliEventClasses ? ampliClassEventName(tools, eventArg) : undefined) ?? constants.name(eventArg);
		eventUnknown = event.kind === 'unresolved' && !ts.isNewExpression(unwrapExpression(eventArg));
	}

	const optionsUnreadable = optionsArg !== undefined && !optionsObject && !isNullish(optionsArg);
	const optionsGroups = optionsObject && valueOf(optionsObject, 'groups');
	const eventGroups = eventObject && valueOf(eventObject, 'groups');
	const effective = optionsGroups ?? eventGroups;
	const reading = effective ? readGroupsObject(model, constants, effective) : undefined;
	const optionsMayReplace = optionsUnreadable || Boolean(optionsObject && spreadMaySupply(optionsObject, 'groups'));
	const eventMaySupply = eventUnknown || Boolean(eventObject && spreadMaySupply(eventObject, 'groups'));
	const groupsPartlyUnknown = Boolean(reading?.partlyUnknown) || optionsMayReplace || (!optionsGroups && eventMaySupply);

	const groupProperties = [eventObject, optionsObject].map((object) => object && objectProperty(object, 'group_properties')).find((property) => property !== undefined);
	const groupPropertiesValue = groupProperties && propertyValue(groupProperties);
	const properties = groupPropertiesValue ? readPropertyObject(model, constants, groupPropertiesValue, '$set') : undefined;
	const insertion = eventsInsertion(tools, site, { effective, groupsLiteral: reading?.literal, eventArg, optionsArg, optionsIndex: where.optionsIndex });

	return {
		...(event ? { event } : {}),
		hasGroups: effective !== undefined,
		groups: reading?.groups ?? [],
		groupsPartlyUnknown,
		...(reading?.literal ? { groupsRange: model.rangeOf(reading.literal) } : {}),
		...(insertion ? { groupsInsertion: insertion } : {}),
		properties: properties?.properties ?? [],
		propertiesPartlyUnknown: properties?.partlyUnknown ?? false,
		...(groupProperties ? { ignoredGroupPropertiesRange: model.rangeOf(groupProperties) } : {}),
		identity: identityIn(tools, [eventObject ? eventArg : undefined, optionsArg], amplitudeIdentityKeys),
	};
}

/** `{ event_type: 'X', … }`; or `{ ...new PageViewed(p), groups }` (Ampli); or `{ ...event, groups }` (unresolved). */
function eventNameInObject(tools: ScanTools, object: ts.ObjectLiteralExpression, ampliEventClasses: boolean): EventName | undefined {
	const typeValue = valueOf(object, 'event_type');
	if (typeValue && !spreadMaySupply(object, 'event_type')) return tools.constants.name(typeValue);
	const spreads = object.properties.filter(ts.isSpreadAssignment);
	const last = spreads[spreads.length - 1];
	if (!last) return typeValue ? tools.constants.name(typeValue) : undefined;
	return (ampliEventClasses ? ampliClassEventName(tools, last.expression) : undefined) ?? { kind: 'unresolved', range: tools.model.rangeOf(last.expression), text: tools.model.textOf(last.expression) };
}

/** `new ReportExported(…)` from an Ampli wrapper: the event's method name (`reportExported`), matched as Ampli does. */
export function ampliClassEventName(tools: ScanTools, expression: ts.Expression): EventName | undefined {
	const node = unwrapExpression(expression);
	if (!ts.isNewExpression(node) || !ts.isIdentifier(node.expression)) return undefined;
	const className = node.expression.text;
	return { kind: 'resolved', name: className.charAt(0).toLowerCase() + className.slice(1), range: tools.model.rangeOf(node.expression), matchBy: 'ampli-method' };
}

function valueOf(object: ts.ObjectLiteralExpression, key: string): ts.Expression | undefined {
	const property = objectProperty(object, key);
	return property && propertyValue(property);
}

interface InsertionInputs {
	readonly effective: ts.Expression | undefined;
	readonly groupsLiteral: ts.ObjectLiteralExpression | undefined;
	readonly eventArg: ts.Expression | undefined;
	readonly optionsArg: ts.Expression | undefined;
	readonly optionsIndex: number;
}

/** Where a quick fix adds missing groups: inside the groups object, as an entry of the options or event object, or as a new options argument. */
function eventsInsertion(tools: ScanTools, site: CallSite, inputs: InsertionInputs): GroupsInsertion | undefined {
	const { effective, groupsLiteral, eventArg, optionsArg, optionsIndex } = inputs;
	if (effective) {
		const inline = inlineObject(effective);
		return inline && inline === groupsLiteral ? { ...objectEntryInsertion(inline), form: 'groups-entry', placeholders: 0 } : undefined;
	}
	const options = inlineObject(optionsArg);
	if (options) return { ...objectEntryInsertion(options), form: 'object-entry', placeholders: 0 };
	if (optionsArg) return undefined;
	const eventObject = inlineObject(eventArg);
	if (eventObject) return { ...objectEntryInsertion(eventObject), form: 'object-entry', placeholders: 0 };
	if (eventArg && tools.constants.objectLiteral(eventArg)) return undefined;
	return argumentInsertion(tools, site, optionsIndex, 'argument');
}

/** The CallFact fields of an event reading (kind `event-level-groups` when a `groups` key is there, else `track`). */
export function eventCallFields(reading: AmplitudeEventReading, readsIdentity: boolean): CallFields {
	return {
		kind: reading.hasGroups ? 'event-level-groups' : 'track',
		...(reading.event ? { event: reading.event } : {}),
		groups: [...reading.groups],
		groupsPartlyUnknown: reading.groupsPartlyUnknown,
		...(reading.groupsRange ? { groupsRange: reading.groupsRange } : {}),
		...(reading.groupsInsertion ? { groupsInsertion: reading.groupsInsertion } : {}),
		properties: [...reading.properties],
		propertiesPartlyUnknown: reading.propertiesPartlyUnknown,
		...(reading.ignoredGroupPropertiesRange ? { ignoredGroupPropertiesRange: reading.ignoredGroupPropertiesRange } : {}),
		...(readsIdentity ? { userIdentity: reading.identity } : {}),
	};
}
