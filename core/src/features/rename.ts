import { throwIfCancelled, type CancellationToken } from '../cancellation';
import { nameSpan, writeNameInCode } from '../edits/codeNames';
import { formatKey } from '../edits/insertPlanEntry';
import type { TextEdit, WorkspaceTextEdits } from '../edits/textEdit';
import type { TextRange } from '../text/textRange';
import type { WorkspaceIndex } from '../workspaceIndex/workspaceIndex';
import type { ParsedPlan } from '../plan/parsePlan';
import { occurrencesOf, planOccurrences, sameSymbol, symbolAt, type PlanSymbol } from './symbols';

/** Where a rename starts, and the name it starts from; undefined where nothing renamable is. */
export function prepareRename(index: WorkspaceIndex, uri: string, offset: number): { range: TextRange; name: string } | undefined {
	const found = symbolAt(index, uri, offset);
	if (!found || found.symbol.kind === 'event') return undefined;
	return { range: found.range, name: found.symbol.name };
}

/**
 * Renames a group type or group property across the plan and the code: the plan's keys and
 * references, every call that writes the name as a literal, and every exported constant whose value
 * is the name (calls that use the constant follow it). Names built at run time are left alone.
 */
export async function rename(
	index: WorkspaceIndex,
	uri: string,
	offset: number,
	newName: string,
	readText: (uri: string) => Promise<string | undefined>,
	token: CancellationToken,
): Promise<WorkspaceTextEdits | undefined> {
	const found = symbolAt(index, uri, offset);
	if (!found || found.symbol.kind === 'event') return undefined;
	const symbol: PlanSymbol = found.symbol;
	const oldName = symbol.name;
	const edits: Record<string, TextEdit[]> = {};
	const add = (target: string, edit: TextEdit) => (edits[target] ??= []).push(edit);

	const occurrences = declaredAlike(found.plan, symbol).flatMap((alike) => occurrencesOf(index, found.plan, alike));
	for (const occurrence of occurrences) {
		if (occurrence.role !== 'code') {
			add(occurrence.uri, { range: occurrence.range, newText: formatKey(newName) });
		}
	}
	const codeUses = occurrences.filter((o) => o.role === 'code');
	const sourceUris = new Set(codeUses.map((o) => o.uri));
	if (symbol.kind === 'groupType') for (const source of index.sourceUris()) if (index.facts(source)?.exports) sourceUris.add(source);
	for (const source of [...sourceUris].sort()) {
		throwIfCancelled(token);
		const text = await readText(source);
		if (text === undefined) continue;
		const write = (range: TextRange) => add(source, writeNameInCode(source, text, range, newName));
		for (const use of codeUses) {
			if (use.uri !== source) continue;
			// The name as written at the use (a literal, or a key), else in the same-file constant the use reads.
			const at = nameSpan(text, use.range, oldName) ?? (use.literal ? nameSpan(text, use.literal, oldName) : undefined);
			if (at) write(at);
		}
		if (symbol.kind !== 'groupType') continue;
		for (const range of constantLiterals(index, source, oldName)) {
			const at = nameSpan(text, range, oldName);
			if (at) write(at);
		}
	}
	for (const list of Object.values(edits)) list.sort((a, b) => a.range.start - b.range.start);
	return dedupe(edits);
}

/**
 * The symbol, and every other one the plan declares with the very same text: group types sharing a
 * property map by alias (`properties: *shared`) share its properties, so renaming one renames the
 * property of each, and their code uses too.
 */
function declaredAlike(plan: ParsedPlan, symbol: PlanSymbol): PlanSymbol[] {
	const located = planOccurrences(plan).filter((o) => o.role === 'declaration');
	const declarations = new Set(located.filter((o) => sameSymbol(o.symbol, symbol)).map((o) => o.range.start));
	const alike = [symbol];
	for (const o of located) if (declarations.has(o.range.start) && !alike.some((s) => sameSymbol(s, o.symbol))) alike.push(o.symbol);
	return alike;
}

/** Ranges of exported string constants whose value is `name`. */
function constantLiterals(index: WorkspaceIndex, uri: string, name: string): TextRange[] {
	const exports = index.facts(uri)?.exports ?? {};
	const ranges: TextRange[] = [];
	const visit = (value: unknown) => {
		if (value && typeof value === 'object') {
			const fact = value as { kind?: string; value?: unknown; name?: unknown; range?: TextRange };
			if ((fact.kind === 'string' && fact.value === name) || (fact.kind === 'resolved' && fact.name === name)) {
				if (fact.range) ranges.push(fact.range);
				return;
			}
			for (const child of Object.values(value)) visit(child);
		}
	};
	visit(exports);
	return ranges;
}

function dedupe(edits: Record<string, TextEdit[]>): WorkspaceTextEdits {
	const result: Record<string, TextEdit[]> = {};
	for (const [uri, list] of Object.entries(edits)) {
		const seen = new Set<string>();
		result[uri] = list.filter((edit) => {
			const key = `${edit.range.start}:${edit.range.end}`;
			if (seen.has(key)) return false;
			seen.add(key);
			return true;
		});
	}
	return result;
}
