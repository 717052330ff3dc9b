import type { TextRange } from '../text/textRange';
import type { WorkspaceIndex } from '../workspaceIndex/workspaceIndex';
import { planOccurrences, type PlanSymbol } from './symbols';

export interface WorkspaceSymbol {
	readonly name: string;
	readonly symbol: PlanSymbol;
	readonly uri: string;
	readonly range: TextRange;
	/** The plan's project name, or the group type for a property. */
	readonly container: string;
}

/** Group types, group properties and events of every plan whose name contains the query's characters in order. */
export function workspaceSymbols(index: WorkspaceIndex, query: string): WorkspaceSymbol[] {
	const wanted = query.toLowerCase();
	const result: WorkspaceSymbol[] = [];
	for (const plan of index.allPlans()) {
		for (const occurrence of planOccurrences(plan)) {
			if (occurrence.role !== 'declaration' || !fuzzyContains(occurrence.symbol.name.toLowerCase(), wanted)) continue;
			const container = occurrence.symbol.kind === 'groupProperty' ? occurrence.symbol.groupType : (plan.model.project ?? 'tracking plan');
			result.push({ name: occurrence.symbol.name, symbol: occurrence.symbol, uri: plan.uri, range: occurrence.range, container });
		}
	}
	return result;
}

function fuzzyContains(name: string, query: string): boolean {
	let at = 0;
	for (const ch of query) {
		at = name.indexOf(ch, at);
		if (at === -1) return false;
		at++;
	}
	return true;
}
