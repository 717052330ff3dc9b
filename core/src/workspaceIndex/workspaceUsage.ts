import type { PlanModel } from '../plan/planModel';
import type { CallFact } from '../scan/callFacts';

/** A source file's resolved calls, as the usage count needs them. */
export interface FileCalls {
	readonly uri: string;
	readonly calls: readonly CallFact[];
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

export function computeWorkspaceUsage(plan: PlanModel | undefined, files: readonly FileCalls[]): WorkspaceUsage {
	const typePositions = new Map<string, number>();
	const propertyPositions = new Map<string, number>();
	const uses = new Map<string, number>();
	for (const groupType of plan?.groupTypes ?? []) {
		typePositions.set(groupType.name, typePositions.size + 1);
		for (const property of groupType.properties) propertyPositions.set(propertyKey(groupType.name, property.name), propertyPositions.size + 1);
	}
	const sorted = [...files].sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
	for (const file of sorted) {
		for (const call of file.calls) {
			for (const group of call.groups) {
				if (group.type.kind !== 'resolved') continue;
				const name = group.type.name;
				uses.set(name, (uses.get(name) ?? 0) + 1);
				if (!typePositions.has(name)) typePositions.set(name, typePositions.size + 1);
			}
			const groupType = call.kind === 'group-identify' ? call.groups[0]?.type : undefined;
			if (groupType?.kind !== 'resolved') continue;
			for (const property of call.properties) {
				if (property.name.kind !== 'resolved') continue;
				const key = propertyKey(groupType.name, property.name.name);
				if (!propertyPositions.has(key)) propertyPositions.set(key, propertyPositions.size + 1);
			}
		}
	}
	return { groupTypePositions: typePositions, groupPropertyPositions: propertyPositions, groupTypeUses: uses };
}
