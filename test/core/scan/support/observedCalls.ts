import type { CallFact, NameFact } from '../../../../core/src/scan/callFacts';

/** A call as the fixture annotations describe it. */
export interface ObservedCall {
	readonly sdk: string;
	readonly kind: string;
	readonly types: readonly string[];
	readonly props: readonly string[];
	readonly event: readonly string[];
	readonly resolved: readonly string[];
	readonly traits: readonly string[];
	readonly user: readonly string[];
}

export function nameText(name: NameFact): string {
	return name.kind === 'resolved' ? name.name : name.text;
}

/**
 * Group types and properties by name (source text when not resolved); `resolved` is yes when every
 * group type is resolved in this file and nothing about the groups is unreadable (for Segment
 * `group` calls: the traits are all readable).
 */
export function observe(call: CallFact): ObservedCall {
	const resolved =
		call.kind === 'segment-group'
			? !(call.segmentTraits?.partlyUnknown ?? true)
			: call.groups.every((group) => group.type.kind === 'resolved') && !call.groupsPartlyUnknown;
	return {
		sdk: call.sdk,
		kind: call.kind,
		types: call.groups.map((group) => nameText(group.type)),
		props: call.properties.map((property) => nameText(property.name)),
		event: call.event ? [nameText(call.event)] : [],
		resolved: [resolved ? 'yes' : 'no'],
		traits: call.segmentTraits?.entries.map((entry) => entry.key) ?? [],
		user: [call.userIdentity],
	};
}

/** Whether any name of the call comes from another file (the workspace index resolves it). */
export function hasImportedName(call: CallFact): boolean {
	const names: NameFact[] = [...call.groups.map((group) => group.type), ...call.properties.map((property) => property.name), ...(call.event ? [call.event] : [])];
	return names.some((name) => name.kind === 'import');
}
