import type { CallFact, CandidateCallFact, ExportFact, FileFacts, GroupFact, ImportRef, NameFact, PropertyWriteFact, SdkId, ValueFact } from '../scan/callFacts';
import { isSegmentSdk, isServerSideSdk } from '../scan/sdks';

/**
 * Finds what an import names: the exporting file's export fact, with that file's URI for further
 * hops, and the members still to read (`import * as C` + `C.GROUPS.COMPANY` reads `GROUPS`, leaving `COMPANY`).
 */
export type ExportLookup = (fromUri: string, ref: ImportRef) => FoundExport | undefined;

export interface FoundExport {
	readonly uri: string;
	readonly fact: ExportFact;
	readonly members: readonly string[];
}

const maxHops = 16;

/**
 * The file's calls with every imported name resolved through the exporting files (or marked
 * unresolved, never guessed), plus the candidate calls whose imported receiver is an SDK instance.
 */
export function resolveFileCalls(facts: FileFacts, lookup: ExportLookup, isServerSideFile: (uri: string) => boolean): CallFact[] {
	if (facts.generated) return [];
	const resolver = new ImportResolver(facts.uri, lookup);
	const calls = facts.calls.map((call) => resolver.call(call));
	for (const candidate of facts.candidateCalls) {
		const receiver = resolver.receiver(candidate);
		if (receiver) calls.push(resolver.call(settle(candidate, receiver.sdk, isServerSideSdk(receiver.sdk) || (receiver.uri !== undefined && isServerSideFile(receiver.uri)))));
	}
	return calls.sort((a, b) => a.range.start - b.range.start);
}

/** A candidate as the call of the SDK its receiver resolved to; user ids are only required server-side. */
function settle(candidate: CandidateCallFact, sdk: SdkId, serverSide: boolean): CallFact {
	const { receiver: _receiver, ...call } = candidate;
	return { ...call, sdk, userIdentity: serverSide && call.userIdentity !== 'not-required' ? call.userIdentity : 'not-required' };
}

class ImportResolver {
	constructor(
		private readonly uri: string,
		private readonly lookup: ExportLookup,
	) {}

	call(call: CallFact): CallFact {
		return {
			...call,
			...(call.event ? { event: { ...this.name(call.event), ...(call.event.matchBy ? { matchBy: call.event.matchBy } : {}), ...(call.event.methodNaming ? { methodNaming: call.event.methodNaming } : {}) } } : {}),
			groups: call.groups.map((group): GroupFact => ({ ...group, type: this.name(group.type), value: this.value(group.value) })),
			properties: call.properties.map((p): PropertyWriteFact => ({ ...p, name: this.name(p.name), ...(p.value ? { value: this.value(p.value) } : {}) })),
			...(call.segmentTraits
				? {
						segmentTraits: {
							...call.segmentTraits,
							entries: call.segmentTraits.entries.map((entry) => ({ ...entry, value: this.value(entry.value) })),
						},
					}
				: {}),
		};
	}

	/**
	 * The SDK a candidate's receiver turns out to be, with the file that exports it; undefined when it
	 * is not an SDK (the call is dropped).
	 */
	receiver(candidate: CandidateCallFact): { sdk: SdkId; uri?: string } | undefined {
		const found = this.follow(this.uri, candidate.receiver.ref, 0);
		let sdk: SdkId | undefined;
		if (found) {
			const { fact } = found;
			if (candidate.receiver.via === 'value' && fact.kind === 'sdk-instance') sdk = fact.sdk;
			if (candidate.receiver.via === 'call-result' && fact.kind === 'sdk-factory') sdk = fact.sdk;
		} else if (candidate.receiver.ref.exportName === 'ampli' && !candidate.receiver.ref.module.startsWith('.')) {
			// An `ampli` imported through a path alias or package we cannot open: Ampli's own convention.
			sdk = 'ampli';
		}
		if (!sdk || isSegmentSdk(sdk) !== isSegmentSdk(candidate.sdk)) return undefined;
		return found ? { sdk, uri: found.uri } : { sdk };
	}

	name(fact: NameFact): NameFact {
		if (fact.kind !== 'import') return fact;
		const value = this.constant(fact.ref);
		if (value && (value.kind === 'string' || value.kind === 'number')) return { kind: 'resolved', name: String(value.value), range: fact.range };
		if (value && value.kind === 'resolved') return { kind: 'resolved', name: value.name, range: fact.range };
		return { kind: 'unresolved', range: fact.range, text: fact.text };
	}

	value(fact: ValueFact): ValueFact {
		if (fact.kind === 'array') return { ...fact, items: fact.items.map((item) => this.value(item)) };
		if (fact.kind !== 'import') return fact;
		const value = this.constant(fact.ref);
		if (!value || value.kind === 'import' || value.kind === 'unresolved') return { kind: 'unknown', range: fact.range };
		if (value.kind === 'resolved') return { kind: 'string', value: value.name, range: fact.range };
		return { ...value, range: fact.range } as ValueFact;
	}

	/** The constant an import names, following re-exports and imported constants. */
	private constant(ref: ImportRef): ValueFact | NameFact | undefined {
		let from = this.uri;
		let current: ImportRef = ref;
		for (let hop = 0; hop < maxHops; hop++) {
			const found = this.follow(from, current, 0);
			if (!found) return undefined;
			const { fact } = found;
			let value: ValueFact | NameFact | undefined;
			if (fact.kind === 'constant' && found.members.length === 0) value = fact.value;
			else if (fact.kind === 'object' && found.members.length === 1) value = fact.members[found.members[0]!];
			if (!value || value.kind !== 'import') return value;
			from = found.uri;
			current = value.ref;
		}
		return undefined;
	}

	/** The export fact an import ref reaches, through `export … from` chains. */
	private follow(from: string, ref: ImportRef, depth: number): FoundExport | undefined {
		if (depth > maxHops) return undefined;
		const found = this.lookup(from, ref);
		if (found?.fact.kind === 're-export') {
			const next = found.fact.ref;
			return this.follow(found.uri, { ...next, members: [...(next.members ?? []), ...found.members] }, depth + 1);
		}
		return found;
	}
}

/** Every import a file's facts depend on (module specifiers), so the index can load those files first. */
export function importedModules(facts: FileFacts): string[] {
	const modules = new Set<string>(facts.imports);
	const visit = (value: unknown): void => {
		if (Array.isArray(value)) {
			for (const item of value) visit(item);
		} else if (value && typeof value === 'object') {
			const ref = (value as { ref?: ImportRef }).ref;
			if (ref && typeof ref.module === 'string') modules.add(ref.module);
			for (const child of Object.values(value)) if (child && typeof child === 'object') visit(child);
		}
	};
	visit(facts.calls);
	visit(facts.candidateCalls);
	visit(facts.exports);
	return [...modules];
}
