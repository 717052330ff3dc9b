import { throwIfCancelled, type CancellationToken } from '../cancellation';
import type { WorkspaceIndex } from '../workspaceIndex/workspaceIndex';
import { occurrencesOf, symbolAt, type SymbolOccurrence } from './symbols';

/** Find references: every place in the plan and in code that names the symbol under the cursor. */
export function references(index: WorkspaceIndex, uri: string, offset: number, includeDeclaration: boolean, token: CancellationToken): SymbolOccurrence[] {
	const found = symbolAt(index, uri, offset);
	throwIfCancelled(token);
	if (!found) return [];
	return occurrencesOf(index, found.plan, found.symbol).filter((o) => includeDeclaration || o.role !== 'declaration');
}
