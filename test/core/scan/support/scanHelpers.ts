import type { CallFact, FileFacts, NameFact } from '../../../../core/src/scan/callFacts';
import { scanJavaScriptFile } from '../../../../core/src/scan/javascript/index';

export function scan(text: string, uri = 'file:///app/src/module.ts'): FileFacts {
	return scanJavaScriptFile(uri, text);
}

/** The one call whose text starts with `prefix` (fails loudly when there is not exactly one). */
export function callStartingWith<T extends CallFact>(text: string, calls: readonly T[], prefix: string): T {
	const found = calls.filter((call) => text.slice(call.range.start, call.range.end).startsWith(prefix));
	if (found.length !== 1) throw new Error(`expected one call starting with ${prefix}, found ${found.length}: ${calls.map((c) => text.slice(c.range.start, c.range.end)).join(' | ')}`);
	return found[0]!;
}

export function names(facts: readonly NameFact[]): string[] {
	return facts.map((fact) => (fact.kind === 'resolved' ? fact.name : fact.text));
}

export function groupTypes(call: CallFact): string[] {
	return names(call.groups.map((group) => group.type));
}

export function propertyNames(call: CallFact): string[] {
	return names(call.properties.map((property) => property.name));
}

export function slice(text: string, range: { start: number; end: number }): string {
	return text.slice(range.start, range.end);
}
