import type { ParsedPlan } from '../plan/parsePlan';
import type { CallFact } from '../scan/callFacts';
import { findEvent } from '../rules/code/planLookup';
import { rangeContains, type TextRange } from '../text/textRange';
import type { WorkspaceIndex } from '../workspaceIndex/workspaceIndex';

/** Something the plan declares that code and plan both refer to. */
export type PlanSymbol =
	| { readonly kind: 'groupType'; readonly name: string }
	| { readonly kind: 'groupProperty'; readonly groupType: string; readonly name: string }
	| { readonly kind: 'event'; readonly name: string };

/** One place a symbol is written: its declaration in the plan, a reference in the plan, or a use in code. */
export interface SymbolOccurrence {
	readonly uri: string;
	readonly range: TextRange;
	readonly role: 'declaration' | 'plan-reference' | 'code';
	/** For code uses: the call it is part of. */
	readonly call?: CallFact;
	/** For code uses of a same-file constant: where the name is written (see NameFact). */
	readonly literal?: TextRange;
}

export function sameSymbol(a: PlanSymbol, b: PlanSymbol): boolean {
	return a.kind === b.kind && a.name === b.name && (a.kind !== 'groupProperty' || a.groupType === (b as typeof a).groupType);
}

/** The symbol written at an offset of a plan or source file, with the range of that occurrence. */
export function symbolAt(index: WorkspaceIndex, uri: string, offset: number): { symbol: PlanSymbol; range: TextRange; plan: ParsedPlan } | undefined {
	const plan = index.plan(uri);
	if (plan) {
		const found = planOccurrences(plan).find((o) => rangeContains(o.range, offset));
		return found ? { symbol: found.symbol, range: found.range, plan } : undefined;
	}
	const governing = index.planFor(uri);
	if (!governing) return undefined;
	for (const call of index.calls(uri)) {
		if (!rangeContains(call.range, offset)) continue;
		const found = codeOccurrences(call, governing).find((o) => rangeContains(o.range, offset));
		if (found) return { symbol: found.symbol, range: found.range, plan: governing };
	}
	return undefined;
}

export function symbolKey(symbol: PlanSymbol): string {
	return symbol.kind === 'groupProperty' ? `${symbol.kind}\u0000${symbol.groupType}\u0000${symbol.name}` : `${symbol.kind}\u0000${symbol.name}`;
}

/** Every use in code of every symbol of a plan, keyed by `symbolKey`, in one pass over the calls. */
export function codeUsesByKey(index: WorkspaceIndex, plan: ParsedPlan): Map<string, SymbolOccurrence[]> {
	const uses = new Map<string, SymbolOccurrence[]>();
	for (const uri of index.sourceUris()) {
		if (index.planFor(uri)?.uri !== plan.uri) continue;
		for (const call of index.calls(uri)) {
			for (const occurrence of codeOccurrences(call, plan)) {
				const key = symbolKey(occurrence.symbol);
				let list = uses.get(key);
				if (!list) uses.set(key, (list = []));
				list.push({ uri, range: occurrence.range, role: 'code', call });
			}
		}
	}
	return uses;
}

/** Every occurrence of a symbol in the plan and in the code it governs. */
export function occurrencesOf(index: WorkspaceIndex, plan: ParsedPlan, symbol: PlanSymbol): SymbolOccurrence[] {
	const result: SymbolOccurrence[] = [];
	for (const occurrence of planOccurrences(plan)) {
		if (sameSymbol(occurrence.symbol, symbol)) result.push({ uri: plan.uri, range: occurrence.range, role: occurrence.role });
	}
	for (const uri of index.sourceUris()) {
		if (index.planFor(uri)?.uri !== plan.uri) continue;
		for (const call of index.calls(uri)) {
			for (const occurrence of codeOccurrences(call, plan)) {
				if (sameSymbol(occurrence.symbol, symbol)) result.push({ uri, range: occurrence.range, role: 'code', call, ...(occurrence.literal ? { literal: occurrence.literal } : {}) });
			}
		}
	}
	return result;
}

interface LocatedSymbol {
	readonly symbol: PlanSymbol;
	readonly range: TextRange;
	readonly role: 'declaration' | 'plan-reference';
}

/** Declarations and references written in the plan itself. */
export function planOccurrences(plan: ParsedPlan): LocatedSymbol[] {
	const result: LocatedSymbol[] = [];
	for (const groupType of plan.model.groupTypes) {
		result.push({ symbol: { kind: 'groupType', name: groupType.name }, range: groupType.range, role: 'declaration' });
		for (const property of groupType.properties) {
			result.push({ symbol: { kind: 'groupProperty', groupType: groupType.name, name: property.name }, range: property.range, role: 'declaration' });
		}
		if (groupType.displayProperty) {
			result.push({
				symbol: { kind: 'groupProperty', groupType: groupType.name, name: groupType.displayProperty.name },
				range: groupType.displayProperty.range,
				role: 'plan-reference',
			});
		}
	}
	for (const event of plan.model.events) {
		result.push({ symbol: { kind: 'event', name: event.name }, range: event.range, role: 'declaration' });
		for (const group of event.groups) result.push({ symbol: { kind: 'groupType', name: group.name }, range: group.range, role: 'plan-reference' });
	}
	return result;
}

/** The plan symbols one call refers to, with where each is written. */
export function codeOccurrences(call: CallFact, plan: ParsedPlan): { symbol: PlanSymbol; range: TextRange; literal?: TextRange }[] {
	const result: { symbol: PlanSymbol; range: TextRange; literal?: TextRange }[] = [];
	for (const group of call.groups) {
		if (group.type.kind === 'resolved') result.push({ symbol: { kind: 'groupType', name: group.type.name }, range: group.type.range, ...literalOf(group.type) });
	}
	const groupType = call.kind === 'group-identify' && call.groups[0]?.type.kind === 'resolved' ? call.groups[0].type.name : undefined;
	if (groupType) {
		for (const property of call.properties) {
			if (property.name.kind === 'resolved') result.push({ symbol: { kind: 'groupProperty', groupType, name: property.name.name }, range: property.name.range, ...literalOf(property.name) });
		}
	}
	if (call.event?.kind === 'resolved') {
		const event = findEvent(plan.model, call);
		result.push({ symbol: { kind: 'event', name: event?.name ?? call.event.name }, range: call.event.range });
	}
	return result;
}

function literalOf(name: { readonly literal?: TextRange }): { literal?: TextRange } {
	return name.literal ? { literal: name.literal } : {};
}
