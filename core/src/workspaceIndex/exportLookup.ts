import type { ExportFact, ImportRef } from '../scan/callFacts';
import type { FoundExport } from './resolveImports';

/** What a lookup reads of the workspace: module resolution, and each scanned file's exports (recording it as a dependency). */
export interface ExportSources {
	resolveModule(fromUri: string, module: string): string | undefined;
	exportsOf(uri: string): Readonly<Record<string, ExportFact>> | undefined;
}

/** How many `*` re-exports a name is looked for through (`__init__.py` star-importing a package's modules). */
const maxStarHops = 8;

/**
 * The export an import ref names in the module it imports from: the export itself, else the same
 * name in each module that module re-exports whole (`export * from './x'`, keyed `*:./x`; Python's
 * `from .x import *`), in the order they are written, through chains of them, never in a cycle.
 */
export function lookUpExport(sources: ExportSources, fromUri: string, ref: ImportRef, visited: Set<string> = new Set(), hops = 0): FoundExport | undefined {
	const target = sources.resolveModule(fromUri, ref.module);
	const exports = target ? sources.exportsOf(target) : undefined;
	if (!target || !exports || visited.has(target)) return undefined;
	const [first, ...rest] = ref.exportName === '*' ? (ref.members ?? []) : [ref.exportName, ...(ref.members ?? [])];
	if (first === undefined) return undefined;
	const fact = Object.hasOwn(exports, first) ? exports[first] : undefined;
	if (fact) return { uri: target, fact, members: rest };
	if (hops >= maxStarHops) return undefined;
	visited.add(target);
	for (const [key, starred] of Object.entries(exports)) {
		if (!key.startsWith('*:') || starred.kind !== 're-export' || starred.ref.exportName !== '*') continue;
		const found = lookUpExport(sources, target, { module: starred.ref.module, exportName: first, ...(rest.length > 0 ? { members: rest } : {}) }, visited, hops + 1);
		if (found) return found;
	}
	return undefined;
}
