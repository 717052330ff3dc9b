import { throwIfCancelled, type CancellationToken } from '../cancellation';
import { formatKey } from '../edits/insertPlanEntry';
import type { TextEdit, WorkspaceTextEdits } from '../edits/textEdit';
import { rangeContains, type TextRange } from '../text/textRange';
import { basenameUri, dirnameUri, relativeUriPath } from '../workspace/uris';
import type { WorkspaceIndex } from '../workspaceIndex/workspaceIndex';
import type { ParsedPlan } from '../plan/parsePlan';
import { occurrencesOf, planOccurrences, sameSymbol, symbolAt, type PlanSymbol, type SymbolOccurrence } from './symbols';

/** Why a rename is refused; the message is what the user is shown. */
export interface RenameRefusal {
	readonly reason: 'event' | 'computed-name' | 'plan-syntax' | 'empty-name' | 'unwritable-name' | 'name-exists' | 'unwritable-use';
	readonly message: string;
}

/** Where a rename starts and the name it starts from, or why nothing here can be renamed. */
export type PrepareRenameResult = { readonly range: TextRange; readonly name: string } | { readonly refusal: RenameRefusal };

/**
 * A rename's outcome: the edits, a refusal, or nothing to do (the new name is the old one: like VS
 * Code's own rename, no edit and no error).
 */
export type RenameResult = { readonly edits: WorkspaceTextEdits } | { readonly refusal: RenameRefusal } | { readonly unchanged: true };

/** Where a rename starts, and the name it starts from; a refusal where the position names something that cannot be renamed; undefined where nothing is. */
export function prepareRename(index: WorkspaceIndex, uri: string, offset: number): PrepareRenameResult | undefined {
	const found = symbolAt(index, uri, offset);
	if (!found) {
		const computed = computedNameAt(index, uri, offset);
		return computed ? { refusal: computed } : undefined;
	}
	const refusal = refusalOfSymbol(found.plan, found.symbol);
	return refusal ? { refusal } : { range: found.range, name: found.symbol.name };
}

/**
 * Renames a group type or group property across the plan and the code: the plan's keys and
 * references, every call that writes the name as a literal, and, for a group type, the exported
 * constants holding the name in the files the uses import from (calls that use them follow). Refused, rather than half done, when the new
 * name is empty, cannot be written as a name, already names something (the two would merge for
 * good), or when a use in code reads the name from somewhere the rename cannot change.
 * `readText` gives each source file's current text (the edits are computed from it).
 */
export async function rename(
	index: WorkspaceIndex,
	uri: string,
	offset: number,
	newName: string,
	readText: (uri: string) => Promise<string | undefined>,
	token: CancellationToken,
): Promise<RenameResult | undefined> {
	const found = symbolAt(index, uri, offset);
	if (!found) return undefined;
	const { plan, symbol } = found;
	const refusal = refusalOfSymbol(plan, symbol) ?? refusalOfName(newName);
	if (refusal) return { refusal };
	const oldName = symbol.name;
	if (newName === oldName) return { unchanged: true };
	const alike = declaredAlike(plan, symbol);
	const taken = nameTaken(index, plan, alike, newName);
	if (taken) return { refusal: taken };

	const edits: Record<string, TextEdit[]> = {};
	const add = (target: string, edit: TextEdit) => (edits[target] ??= []).push(edit);
	const occurrences = alike.flatMap((s) => occurrencesOf(index, plan, s));
	for (const occurrence of occurrences) {
		if (occurrence.role !== 'code') add(occurrence.uri, { range: occurrence.range, newText: formatKey(newName) });
	}
	const codeUses = occurrences.filter((o) => o.role === 'code');
	const sourceUris = new Set(codeUses.map((o) => o.uri));
	// A group type's exported constants, in the files the uses read names from (not any constant that happens to hold the name).
	const exporters = new Set(symbol.kind === 'groupType' ? [...sourceUris].flatMap((use) => index.importedFiles(use)) : []);
	for (const exporter of exporters) sourceUris.add(exporter);
	/** Code uses not written where they stand nor in a same-file constant: they must read an exported constant the rename changes. */
	const readElsewhere: { use: SymbolOccurrence; text: string }[] = [];
	const constantsRenamedIn = new Set<string>();
	for (const source of [...sourceUris].sort()) {
		throwIfCancelled(token);
		const text = await readText(source);
		const writer = index.frontEndFor(source)?.code;
		if (text === undefined || !writer) continue;
		const nameSpan = writer.nameSpan;
		const write = (range: TextRange): RenameRefusal | undefined => {
			const why = writer.whyNameCannotBeWritten(source, text, range, newName);
			if (why) return unwritableUse(plan, source, text, range, newName, why);
			add(source, writer.writeName(source, text, range, newName));
			return undefined;
		};
		for (const use of codeUses) {
			if (use.uri !== source) continue;
			// The name as written at the use (a literal, or a key), else in the same-file constant the use reads.
			const at = nameSpan(text, use.range, oldName) ?? (use.literal ? nameSpan(text, use.literal, oldName) : undefined);
			if (!at) {
				readElsewhere.push({ use, text });
				continue;
			}
			const refused = write(at);
			if (refused) return { refusal: refused };
		}
		if (!exporters.has(source)) continue;
		for (const range of constantLiterals(index, source, oldName)) {
			const at = nameSpan(text, range, oldName);
			if (!at) continue;
			const refused = write(at);
			if (refused) return { refusal: refused };
			constantsRenamedIn.add(source);
		}
	}
	// A use that reads a constant the rename changes follows it; anything else would keep the old name.
	const stranded = readElsewhere.find(({ use }) => !index.importedFiles(use.uri).some((exporter) => constantsRenamedIn.has(exporter)));
	if (stranded) {
		const written = stranded.text.slice(stranded.use.range.start, stranded.use.range.end);
		return { refusal: unwritableUse(plan, stranded.use.uri, stranded.text, stranded.use.range, newName, `that use reads the name from ${JSON.stringify(written.slice(0, 60))}, which the rename cannot change there`) };
	}
	for (const list of Object.values(edits)) list.sort((a, b) => a.range.start - b.range.start);
	return { edits: dedupe(edits) };
}

/** Refusals that depend only on what is renamed: an event, or any symbol of a plan that does not parse. */
function refusalOfSymbol(plan: ParsedPlan, symbol: PlanSymbol): RenameRefusal | undefined {
	if (plan.document.errors.length > 0) {
		return { reason: 'plan-syntax', message: `${basenameUri(plan.uri)} has syntax errors: fix them first, so that the rename can find every entry it must change.` };
	}
	if (symbol.kind === 'event') {
		return {
			reason: 'event',
			message: `Trackplan renames group types and group properties, not events: Amplitude keeps an event's history under its name, so a new name starts a new event. Rename "${symbol.name}" in Amplitude first, then in the plan and the code.`,
		};
	}
	return undefined;
}

/** Refusals that depend only on the new name. */
function refusalOfName(newName: string): RenameRefusal | undefined {
	if (newName.trim() === '') return { reason: 'empty-name', message: 'The new name is empty: a group type or property needs a name.' };
	// Line breaks, C0/C1 controls, DEL, and the Unicode line and paragraph separators.
	const control = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.exec(newName);
	if (control) {
		const code = control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
		return {
			reason: 'unwritable-name',
			message: `The new name contains a line break or control character (U+${code}): Amplitude shows such names garbled, and the plan and code could not keep them readable. Choose a name without it.`,
		};
	}
	return undefined;
}

/**
 * The new name already names something: a declaration or reference in the plan, or a use in the code
 * it governs (for a property: of the same group type, or of any group type sharing its properties by
 * alias). Renaming would merge the two, and no rename could take them apart again.
 */
function nameTaken(index: WorkspaceIndex, plan: ParsedPlan, alike: readonly PlanSymbol[], newName: string): RenameRefusal | undefined {
	for (const symbol of alike) {
		const target: PlanSymbol = { ...symbol, name: newName };
		const [first] = occurrencesOf(index, plan, target).sort((a, b) => roleOrder[a.role] - roleOrder[b.role]);
		if (!first) continue;
		const what = symbol.kind === 'groupProperty' ? `a property of group type '${symbol.groupType}'` : 'a group type';
		const merged = symbol.kind === 'groupProperty' ? 'two properties' : 'two group types';
		const where =
			first.role === 'declaration'
				? `is already ${what} in ${basenameUri(plan.uri)}`
				: first.role === 'plan-reference'
					? `is already named as ${what} in ${basenameUri(plan.uri)} (${lineOf(index, first)})`
					: `is already used as ${what} in ${displayPath(plan, first.uri)}:${lineNumber(index, first)}`;
		return { reason: 'name-exists', message: `'${newName}' ${where}: renaming would merge ${merged}.` };
	}
	return undefined;
}

const roleOrder: Record<SymbolOccurrence['role'], number> = { declaration: 0, 'plan-reference': 1, code: 2 };

function lineNumber(index: WorkspaceIndex, occurrence: SymbolOccurrence): number {
	return index.lineIndex(occurrence.uri).positionAt(occurrence.range.start).line + 1;
}

function lineOf(index: WorkspaceIndex, occurrence: SymbolOccurrence): string {
	return `line ${lineNumber(index, occurrence)}`;
}

function unwritableUse(plan: ParsedPlan, uri: string, text: string, range: TextRange, newName: string, why: string): RenameRefusal {
	const line = text.slice(0, range.start).split(/\r\n|\r|\n/).length;
	return { reason: 'unwritable-use', message: `'${newName}' cannot be written at ${displayPath(plan, uri)}:${line}: ${why}. Nothing was renamed.` };
}

function displayPath(plan: ParsedPlan, uri: string): string {
	return relativeUriPath(dirnameUri(plan.uri), uri) ?? basenameUri(uri);
}

/** At `offset` of a source file, a group type or property name computed at run time (nothing to rename there). */
function computedNameAt(index: WorkspaceIndex, uri: string, offset: number): RenameRefusal | undefined {
	if (!index.planFor(uri)) return undefined;
	for (const call of index.calls(uri)) {
		if (!rangeContains(call.range, offset)) continue;
		const names = [...call.groups.map((g) => g.type), ...call.properties.map((p) => p.name)];
		const computed = names.find((name) => name.kind !== 'resolved' && rangeContains(name.range, offset));
		if (computed) {
			return {
				reason: 'computed-name',
				message: 'This name is computed at run time, so there is no name here to rename. Rename its entry in the plan, and the code that computes it by hand.',
			};
		}
	}
	return undefined;
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
