import type { PlanModel } from '../plan/planModel';
import type { CallFact } from '../scan/callFacts';

/**
 * What one file's resolved calls add to the usage: the group types in the order they first appear
 * in it, with their number of uses, and the group properties (keyed `type\u0000property`) in the
 * order they first appear. Small, and the same object as long as the file's calls are: a keystroke
 * recounts the workspace from these instead of from every call of every file.
 */
export interface FileUsage {
	readonly groupTypeUses: ReadonlyMap<string, number>;
	readonly groupPropertyKeys: readonly string[];
}

export function fileUsage(calls: readonly CallFact[]): FileUsage {
	const uses = new Map<string, number>();
	const properties = new Set<string>();
	for (const call of calls) {
		for (const group of call.groups) {
			if (group.type.kind === 'resolved') uses.set(group.type.name, (uses.get(group.type.name) ?? 0) + 1);
		}
		const groupType = call.kind === 'group-identify' ? call.groups[0]?.type : undefined;
		if (groupType?.kind !== 'resolved') continue;
		for (const property of call.properties) {
			if (property.name.kind === 'resolved') properties.add(propertyKey(groupType.name, property.name.name));
		}
	}
	return { groupTypeUses: uses, groupPropertyKeys: [...properties] };
}

/**
 * How the workspace governed by one plan uses group types and group properties, in the order they
 * count towards Amplitude's limits: declared ones first, in plan order, then undeclared ones in order
 * of first appearance (by file path, then position).
 */
export interface WorkspaceUsage {
	/** 1-based position of each group type. */
	readonly groupTypePositions: ReadonlyMap<string, number>;
	/** 1-based position of each group property, keyed `type\u0000property`. */
	readonly groupPropertyPositions: ReadonlyMap<string, number>;
	/** Calls per group type, for hovers and code lenses. */
	readonly groupTypeUses: ReadonlyMap<string, number>;
}

export function propertyKey(groupType: string, property: string): string {
	return `${groupType}\u0000${property}`;
}

/**
 * The usage of the files a plan governs, from each file's `fileUsage`, given in the order of the
 * files' URIs (the order in which undeclared names count towards the limits).
 */
export function computeWorkspaceUsage(plan: PlanModel | undefined, filesInUriOrder: readonly FileUsage[]): WorkspaceUsage {
	const typePositions = new Map<string, number>();
	const propertyPositions = new Map<string, number>();
	const uses = new Map<string, number>();
	for (const groupType of plan?.groupTypes ?? []) {
		typePositions.set(groupType.name, typePositions.size + 1);
		for (const property of groupType.properties) propertyPositions.set(propertyKey(groupType.name, property.name), propertyPositions.size + 1);
	}
	for (const usage of filesInUriOrder) {
		for (const [name, count] of usage.groupTypeUses) {
			uses.set(name, (uses.get(name) ?? 0) + count);
			if (!typePositions.has(name)) typePositions.set(name, typePositions.size + 1);
		}
		for (const key of usage.groupPropertyKeys) {
			if (!propertyPositions.has(key)) propertyPositions.set(key, propertyPositions.size + 1);
		}
	}
	return { groupTypePositions: typePositions, groupPropertyPositions: propertyPositions, groupTypeUses: uses };
}
