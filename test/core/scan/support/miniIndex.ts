import * as path from 'node:path';
import type { CallFact, ExportFact, FileFacts, ImportRef, NameFact, ValueFact } from '../../../../core/src/scan/callFacts';
import { settleCandidateCall } from '../../../../core/src/scan/javascript/index';
import { lookUpExport } from '../../../../core/src/workspaceIndex/exportLookup';

/**
 * Just enough of a workspace index to finish the fixtures' cross-file lines: relative imports
 * between fixture files, re-exports (looked up as the index does: exportLookup.ts), constants and objects of constants, and candidate calls
 * settled through `settleCandidateCall`. (The real index lives in core/src/workspaceIndex.)
 */
export class MiniIndex {
	/** `files` by path; `resolve`: the front end's module resolution, on paths (default: the JS relative imports). */
	constructor(
		private readonly files: ReadonlyMap<string, FileFacts>,
		private readonly resolve?: (from: string, specifier: string, exists: (file: string) => boolean) => string | undefined,
	) {}

	/** The file's calls with imported names resolved and its candidates settled. */
	resolvedCalls(file: string): CallFact[] {
		const facts = this.files.get(file)!;
		const calls = facts.calls.map((call) => this.resolveNames(file, call));
		for (const candidate of facts.candidateCalls) {
			const found = this.follow(file, candidate.receiver.ref);
			const fact = found?.fact;
			const sdk =
				candidate.receiver.via === 'value' && fact?.kind === 'sdk-instance' ? fact.sdk : candidate.receiver.via === 'call-result' && fact?.kind === 'sdk-factory' ? fact.sdk : undefined;
			const settled = sdk && settleCandidateCall(candidate, sdk);
			if (settled) calls.push(this.resolveNames(file, settled));
		}
		return calls.sort((a, b) => a.range.start - b.range.start);
	}

	private resolveNames(file: string, call: CallFact): CallFact {
		const name = (fact: NameFact): NameFact => {
			if (fact.kind !== 'import') return fact;
			const value = this.constant(file, fact.ref);
			return value ? { kind: 'resolved', name: value, range: fact.range } : { kind: 'unresolved', range: fact.range, text: fact.text };
		};
		return {
			...call,
			...(call.event ? { event: { ...name(call.event), ...(call.event.matchBy ? { matchBy: call.event.matchBy } : {}), ...(call.event.methodNaming ? { methodNaming: call.event.methodNaming } : {}) } } : {}),
			groups: call.groups.map((group) => ({ ...group, type: name(group.type) })),
			properties: call.properties.map((property) => ({ ...property, name: name(property.name) })),
		};
	}

	private constant(file: string, ref: ImportRef): string | undefined {
		const found = this.follow(file, ref);
		if (!found) return undefined;
		let value: ValueFact | NameFact | undefined;
		if (found.fact.kind === 'constant' && found.members.length === 0) value = found.fact.value;
		if (found.fact.kind === 'object' && found.members.length === 1) value = found.fact.members[found.members[0]!];
		if (value?.kind === 'string' || value?.kind === 'number') return String(value.value);
		if (value?.kind === 'resolved') return value.name;
		return undefined;
	}

	private follow(from: string, ref: ImportRef, depth = 0): { fact: ExportFact; members: readonly string[] } | undefined {
		const found = lookUpExport({ resolveModule: (file, specifier) => this.resolveModule(file, specifier), exportsOf: (file) => this.files.get(file)?.exports }, from, ref);
		if (!found || depth > 8) return undefined;
		const { fact, uri: target } = found;
		if (fact.kind === 're-export') return this.follow(target, { ...fact.ref, members: [...(fact.ref.members ?? []), ...found.members] }, depth + 1);
		return { fact, members: found.members };
	}

	private resolveModule(from: string, specifier: string): string | undefined {
		if (this.resolve) return this.resolve(from, specifier, (file) => this.files.has(file));
		if (!specifier.startsWith('.')) return undefined;
		const base = path.resolve(path.dirname(from), specifier);
		return ['', '.ts', '.tsx', '.js', '.cjs', '/index.ts', '/index.js'].map((suffix) => base + suffix).find((candidate) => this.files.has(candidate));
	}
}
