import { throwIfCancelled, type CancellationToken } from '../cancellation';
import type { TextRange } from '../text/textRange';
import type { WorkspaceIndex } from '../workspaceIndex/workspaceIndex';
import { codeUsesByKey, planOccurrences, symbolKey, type PlanSymbol } from './symbols';

export interface PlanCodeLens {
	readonly range: TextRange;
	readonly title: string;
	readonly symbol: PlanSymbol;
	/** Where the symbol is used in code (for "show references"). */
	readonly uses: readonly { readonly uri: string; readonly range: TextRange }[];
}

/** "used in N places" above each group type, group property and event of a plan. */
export function codeLenses(index: WorkspaceIndex, planUri: string, token: CancellationToken): PlanCodeLens[] {
	const plan = index.plan(planUri);
	if (!plan) return [];
	const lenses: PlanCodeLens[] = [];
	const usesByKey = codeUsesByKey(index, plan);
	throwIfCancelled(token);
	for (const declaration of planOccurrences(plan)) {
		if (declaration.role !== 'declaration') continue;
		const uses = (usesByKey.get(symbolKey(declaration.symbol)) ?? []).map(({ uri, range }) => ({ uri, range }));
		lenses.push({
			range: declaration.range,
			title: uses.length === 0 ? 'not used in code' : `used in ${uses.length} place${uses.length === 1 ? '' : 's'}`,
			symbol: declaration.symbol,
			uses,
		});
	}
	return lenses;
}
