import { ampliMethodName, knownGroups, levelOf } from '../rules/code/planLookup';
import type { MethodNaming } from '../scan/callFacts';
import { valueTypeName } from '../rules/code/valueTypes';
import type { CallFact, ValueFact } from '../scan/callFacts';
import type { LineIndex } from '../text/lineIndex';

/** One source file's calls, named by its path relative to the folder the plan is written for. */
export interface InventoryFile {
	readonly path: string;
	readonly calls: readonly CallFact[];
	readonly lines: LineIndex;
}

/** A place in code, 1-based line. */
export interface SeenAt {
	readonly file: string;
	readonly line: number;
}

export interface SeenProperty {
	readonly name: string;
	/** Plan property types of the literal values written (`string`, `integer`, …), in order of appearance. */
	readonly types: readonly string[];
	/** A few of the string literals written, for the reviewer. */
	readonly examples: readonly string[];
	readonly firstAt: SeenAt;
}

export interface SeenGroupType {
	readonly name: string;
	/** Where the code puts users in it for good (setGroup, identify groups, Segment group), first place. */
	readonly userLevelAt?: SeenAt;
	/** Where events carry it, first place. */
	readonly eventLevelAt?: SeenAt;
	/** Literal group values: how many look like IDs (numbers, digit strings) and how many are names. */
	readonly numericValues: number;
	readonly nameValues: number;
	/** Group properties set through group identify, in order of first appearance. */
	readonly properties: readonly SeenProperty[];
	readonly calls: number;
}

export interface SeenEvent {
	/** The event name, or for an Ampli typed method the method's name (`reportExported`). */
	readonly name: string;
	readonly ampliMethod: boolean;
	/** Every group type a call of the event carries, in order of first appearance. */
	readonly groups: readonly string[];
	/** Of `groups`, those some call of the event is sent without. */
	readonly notAlwaysSent: readonly string[];
	readonly calls: number;
	readonly firstAt: SeenAt;
}

/** What the code sends, as `trackplan init` writes it into a first plan. */
export interface InstrumentationInventory {
	/** In order of first appearance (files by path, then position): the order they count towards the limit. */
	readonly groupTypes: readonly SeenGroupType[];
	readonly events: readonly SeenEvent[];
	/** Calls whose group type or event name is computed at run time, so they are not in the plan. */
	readonly unresolved: readonly SeenAt[];
	readonly segmentGroupCalls: number;
	readonly calls: number;
	readonly files: number;
	readonly mostGroupTypesOnOneEvent: number;
	readonly mostGroupValuesOnOneEvent: number;
}

interface GroupTypeDraft {
	name: string;
	userLevelAt?: SeenAt;
	eventLevelAt?: SeenAt;
	numericValues: number;
	nameValues: number;
	properties: Map<string, { name: string; types: string[]; examples: string[]; firstAt: SeenAt }>;
	calls: number;
}

interface EventDraft {
	name: string;
	ampliMethod: boolean;
	methodNaming?: MethodNaming;
	groups: string[];
	/** Group sets of the calls whose groups are fully known. */
	knownSets: Set<string>[];
	calls: number;
	firstAt: SeenAt;
}

/** Collects group types, their levels and properties, and the events that carry groups, from resolved calls. */
export function collectInstrumentation(files: readonly InventoryFile[]): InstrumentationInventory {
	const groupTypes = new Map<string, GroupTypeDraft>();
	const events = new Map<string, EventDraft>();
	const unresolved: SeenAt[] = [];
	let segmentGroupCalls = 0;
	let calls = 0;
	let mostTypes = 0;
	let mostValues = 0;
	const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
	for (const file of sorted) {
		const ordered = [...file.calls].sort((a, b) => a.range.start - b.range.start);
		for (const call of ordered) {
			calls++;
			const at: SeenAt = { file: file.path, line: file.lines.positionAt(call.range.start).line + 1 };
			if (call.kind === 'segment-group') segmentGroupCalls++;
			if (call.groups.some((g) => g.type.kind !== 'resolved') || call.event?.kind === 'unresolved') unresolved.push(at);
			const level = levelOf(call);
			for (const { group, name } of knownGroups(call)) {
				const draft = groupTypeDraft(groupTypes, name);
				draft.calls++;
				if (level === 'user') draft.userLevelAt ??= at;
				if (level === 'event') draft.eventLevelAt ??= at;
				countValues(draft, group.value);
			}
			if (call.kind === 'group-identify') recordProperties(groupTypes, call, file, at);
			if (call.kind === 'event-level-groups') {
				mostTypes = Math.max(mostTypes, new Set(knownGroups(call).map((g) => g.name)).size);
				mostValues = Math.max(mostValues, call.groups.reduce((sum, g) => sum + valueCount(g.value), 0));
			}
			if ((call.kind === 'event-level-groups' || call.kind === 'track') && call.event?.kind === 'resolved') recordEvent(events, call, at);
		}
	}
	return {
		groupTypes: [...groupTypes.values()].map((draft) => ({
			name: draft.name,
			...(draft.userLevelAt ? { userLevelAt: draft.userLevelAt } : {}),
			...(draft.eventLevelAt ? { eventLevelAt: draft.eventLevelAt } : {}),
			numericValues: draft.numericValues,
			nameValues: draft.nameValues,
			properties: [...draft.properties.values()],
			calls: draft.calls,
		})),
		events: mergeAmpliMethods(events)
			.filter((event) => event.groups.length > 0)
			.map((event) => ({
				name: event.name,
				ampliMethod: event.ampliMethod,
				groups: event.groups,
				notAlwaysSent: event.groups.filter((g) => event.knownSets.some((set) => !set.has(g))),
				calls: event.calls,
				firstAt: event.firstAt,
			})),
		unresolved,
		segmentGroupCalls,
		calls,
		files: sorted.filter((file) => file.calls.length > 0).length,
		mostGroupTypesOnOneEvent: mostTypes,
		mostGroupValuesOnOneEvent: mostValues,
	};
}

function groupTypeDraft(groupTypes: Map<string, GroupTypeDraft>, name: string): GroupTypeDraft {
	let draft = groupTypes.get(name);
	if (!draft) groupTypes.set(name, (draft = { name, numericValues: 0, nameValues: 0, properties: new Map(), calls: 0 }));
	return draft;
}

function countValues(draft: GroupTypeDraft, value: ValueFact): void {
	if (value.kind === 'array') {
		for (const item of value.items) countValues(draft, item);
	} else if (value.kind === 'number' || (value.kind === 'string' && /^\d+$/.test(value.value))) {
		draft.numericValues++;
	} else if (value.kind === 'string') {
		draft.nameValues++;
	}
}

function valueCount(value: ValueFact): number {
	return value.kind === 'array' ? Math.max(1, value.items.length) : 1;
}

function recordProperties(groupTypes: Map<string, GroupTypeDraft>, call: CallFact, file: InventoryFile, callAt: SeenAt): void {
	const type = call.groups[0]?.type;
	if (type?.kind !== 'resolved') return;
	const draft = groupTypeDraft(groupTypes, type.name);
	for (const property of call.properties) {
		if (property.name.kind !== 'resolved') continue;
		let seen = draft.properties.get(property.name.name);
		if (!seen) {
			const at = { file: callAt.file, line: file.lines.positionAt(property.name.range.start).line + 1 };
			draft.properties.set(property.name.name, (seen = { name: property.name.name, types: [], examples: [], firstAt: at }));
		}
		const type = property.operation === '$add' ? 'number' : property.value ? valueTypeName(property.value) : undefined;
		if (type && !seen.types.includes(type)) seen.types.push(type);
		if (property.value?.kind === 'string' && seen.examples.length < 3 && !seen.examples.includes(property.value.value)) seen.examples.push(property.value.value);
	}
}

function recordEvent(events: Map<string, EventDraft>, call: CallFact, at: SeenAt): void {
	const fact = call.event;
	if (fact?.kind !== 'resolved') return;
	const ampliMethod = fact.matchBy === 'ampli-method';
	const key = `${ampliMethod ? 'ampli' : 'name'}:${fact.name}`;
	let draft = events.get(key);
	if (!draft) events.set(key, (draft = { name: fact.name, ampliMethod, ...(fact.methodNaming ? { methodNaming: fact.methodNaming } : {}), groups: [], knownSets: [], calls: 0, firstAt: at }));
	draft.calls++;
	const carried = knownGroups(call).map((g) => g.name);
	for (const name of carried) if (!draft.groups.includes(name)) draft.groups.push(name);
	if (!call.groupsPartlyUnknown) draft.knownSets.push(new Set(carried));
}

/** An Ampli typed method (`ampli.reportExported()`) and the event it stands for (`Report Exported`) are one event. */
function mergeAmpliMethods(events: Map<string, EventDraft>): EventDraft[] {
	const named = [...events.values()].filter((event) => !event.ampliMethod);
	const merged: EventDraft[] = [];
	for (const event of events.values()) {
		const target = event.ampliMethod ? named.find((e) => ampliMethodName(e.name, event.methodNaming) === event.name) : undefined;
		if (!target) {
			merged.push(event);
			continue;
		}
		target.calls += event.calls;
		for (const name of event.groups) if (!target.groups.includes(name)) target.groups.push(name);
		target.knownSets.push(...event.knownSets);
	}
	return merged;
}
