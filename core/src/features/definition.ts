import { throwIfCancelled, type CancellationToken } from '../cancellation';
import type { WorkspaceIndex } from '../workspaceIndex/workspaceIndex';
import { occurrencesOf, symbolAt, type SymbolOccurrence } from './symbols';

/** Go to definition: from a name in code (or a reference in the plan) to its entry in the plan. */
export function definition(index: WorkspaceIndex, uri: string, offset: number, token: CancellationToken): SymbolOccurrence[] {
	const found = symbolAt(index, uri, offset);
	throwIfCancelled(token);
	if (!found) return [];
	return occurrencesOf(index, found.plan, found.symbol).filter((o) => o.role === 'declaration');
}
