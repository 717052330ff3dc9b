import type { EventDecl, GroupPropertyDecl, GroupTypeDecl, PlanModel } from '../../plan/planModel';
import type { CallFact, GroupFact, MethodNaming, NameFact, PropertyWriteFact } from '../../scan/callFacts';

/** Name lookups in a plan, shared by the code rules. */
export function findGroupType(plan: PlanModel, name: string): GroupTypeDecl | undefined {
	return plan.groupTypes.find((t) => t.name === name);
}

export function findProperty(groupType: GroupTypeDecl, name: string): GroupPropertyDecl | undefined {
	return groupType.properties.find((p) => p.name === name);
}

/** The plan entry of a call's event: by exact name, or by an Ampli method's name in its language's convention. */
export function findEvent(plan: PlanModel, call: CallFact): EventDecl | undefined {
	const event = call.event;
	if (event?.kind !== 'resolved') return undefined;
	if (event.matchBy === 'ampli-method') return plan.events.find((e) => ampliMethodName(e.name, event.methodNaming) === event.name);
	return plan.events.find((e) => e.name === event.name);
}

/** Ampli's method name for an event: `Report Exported` → `reportExported` (camelCase) or `report_exported` (snake_case). */
export function ampliMethodName(eventName: string, naming: MethodNaming = 'camelCase'): string {
	const words = eventName.split(/[^A-Za-z0-9]+/).filter(Boolean);
	if (naming === 'snake_case') return words.map((w) => w.toLowerCase()).join('_');
	return words.map((w, i) => (i === 0 ? w[0]!.toLowerCase() + w.slice(1) : w[0]!.toUpperCase() + w.slice(1))).join('');
}

export function resolvedName(fact: NameFact | undefined): string | undefined {
	return fact?.kind === 'resolved' ? fact.name : undefined;
}

/** Group types a call carries whose names are known. */
export function knownGroups(call: CallFact): { group: GroupFact; name: string }[] {
	const result: { group: GroupFact; name: string }[] = [];
	for (const group of call.groups) if (group.type.kind === 'resolved') result.push({ group, name: group.type.name });
	return result;
}

/** Whether a call puts the user in its groups for good (user level) or only tags one event. */
export function levelOf(call: CallFact): 'user' | 'event' | undefined {
	if (call.kind === 'user-level-group' || call.kind === 'segment-group') return 'user';
	if (call.kind === 'event-level-groups') return 'event';
	return undefined;
}

export function quoteList(names: readonly string[]): string {
	return names.map((n) => `"${n}"`).join(', ');
}

/** Each property a group identify writes to a declared group type, with the property's declaration when the plan has one. */
export function* groupIdentifyWrites(
	calls: readonly CallFact[],
	plan: PlanModel,
): Generator<{ call: CallFact; groupType: GroupTypeDecl; property: PropertyWriteFact; declared: GroupPropertyDecl | undefined }> {
	for (const call of calls) {
		if (call.kind !== 'group-identify') continue;
		const groupType = findGroupType(plan, resolvedName(call.groups[0]?.type) ?? '');
		if (!groupType) continue; // an undeclared type is reported once, on the type
		for (const property of call.properties) {
			const declared = property.name.kind === 'resolved' ? findProperty(groupType, property.name.name) : undefined;
			yield { call, groupType, property, declared };
		}
	}
}
