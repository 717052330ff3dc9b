import { throwIfCancelled, type CancellationToken } from '../cancellation';
import { applySeverities, compareFindings, type RuleSeverities } from '../diagnostics/applySeverities';
import type { Finding, FindingDraft } from '../diagnostics/finding';
import { parsePlan, type ParsedPlan } from '../plan/parsePlan';
import type { PlanTooLarge } from '../plan/planSizeLimit';
import { checkPlan } from '../rules/plan/checkPlan';
import { codeRules } from '../rules/code/codeRules';
import type { CodeRule } from '../rules/codeRule';
import { OperationCancelled } from '../cancellation';
import type { CallFact, FileFacts } from '../scan/callFacts';
import type { SourceFrontEnd } from '../scan/sourceFrontEnd';
import type { WasmAssets } from '../scan/wasmAssets';
import { prepareFrontEnds } from './prepareFrontEnds';
import { LineIndex } from '../text/lineIndex';
import { addTo } from '../util/multiMap';
import { applySegmentSettings } from './applySegmentSettings';
import { EditStates } from './editStates';
import { GoverningPlans } from './governingPlan';
import { looksBinary, skippedFinding, type SkippedFile } from './skippedFiles';

export type { SkippedFile } from './skippedFiles';
import { type ExportSources, lookUpExport } from './exportLookup';
import { importedModules, resolveFileCalls, type FoundExport } from './resolveImports';
import { computeWorkspaceUsage, fileUsage, type FileUsage, type WorkspaceUsage } from './workspaceUsage';
import type { ImportRef } from '../scan/callFacts';

export interface WorkspaceIndexOptions {
	readonly frontEnds: readonly SourceFrontEnd[];
	/** The code rules to run (all of them by default; tests inject faulty ones). */
	readonly codeRules?: readonly CodeRule[];
	/**
	 * Told when a rule or a front end throws. The failure is contained: that rule's findings for that
	 * file are missing, everything else is reported as usual.
	 */
	readonly onInternalError?: (context: string, error: unknown) => void;
	/** A plan that governs every file (`--plan`, `trackplan.plan`), instead of the nearest one. */
	readonly explicitPlan?: string;
	/** Where front ends that parse with WebAssembly read it from (see `prepareFrontEnds`). */
	readonly wasmAssets?: WasmAssets;
}

interface SourceEntry {
	readonly uri: string;
	readonly frontEnd: SourceFrontEnd;
	version: number;
	/** Scanned facts: for files that may hold calls, and for files other files import names from. */
	facts?: FileFacts;
	lines?: LineIndex;
	skipped?: SkippedFile;
	/** Governed by a plan but excluded by its `sources` globs: read for imports only, never reported. */
	excluded: boolean;
	/** Set when another file imports from this one, so its facts are kept up to date. */
	importedFrom: boolean;
	/** The module specifiers its facts import from, gathered once per scan. */
	modules?: readonly string[];
	resolved?: ResolvedCalls;
}

/** A file's calls with imports resolved and Segment settings applied, and what they depend on. */
interface ResolvedCalls {
	readonly calls: CallFact[];
	readonly dependencies: Map<string, number>;
	readonly fileSetVersion: number;
	readonly segment: string;
	/** The plans' version the governing plan and its Segment settings were last looked up at. */
	planVersion: number;
	/** What the calls add to the usage, computed when first asked. */
	usage?: FileUsage;
}

/**
 * The workspace's facts, kept per file and updated per file: a source edit re-scans that file only
 * (files that import from it are re-resolved, not re-parsed); a plan edit re-runs the rules over the
 * stored facts. Reading files is the host's job; the index asks for text it lacks via `loadText`.
 */
export class WorkspaceIndex {
	private readonly plans = new Map<string, ParsedPlan>();
	private readonly sources = new Map<string, SourceEntry>();
	private readonly governing = new GoverningPlans();
	private fileSetVersion = 0;
	private changeVersion = 0;
	/** Bumped by every plan added, edited or removed. */
	private planVersion = 0;
	private usageCache = new Map<string, { version: number; usage: WorkspaceUsage }>();
	private sortedUris: { version: number; uris: string[] } | undefined;
	/** Bumped when a file gains or loses facts, a file is removed, or a plan is added or removed. */
	private facetedSetVersion = 0;
	private facetedByPlan: { version: number; byPlan: Map<string | undefined, SourceEntry[]> } | undefined;
	/** How many times a front end parsed a file (tests assert incremental behaviour with it). */
	parseCount = 0;
	/** What front ends keep of the files edited last, most recent last (see `SourceFrontEnd.scanEdited`). */
	private readonly editStates = new EditStates();

	constructor(private readonly options: WorkspaceIndexOptions) {}

	// ---- plans

	/** Records a plan's text; `tooLarge`: a plan not read for its size (see parsePlan), which governs its files but checks none. */
	setPlan(uri: string, text: string, tooLarge?: PlanTooLarge): ParsedPlan {
		const plan = parsePlan(uri, text, tooLarge);
		if (!this.plans.has(uri)) {
			this.governing.add(uri);
			this.facetedSetVersion++;
		}
		this.plans.set(uri, plan);
		this.changeVersion++;
		this.planVersion++;
		return plan;
	}

	removePlan(uri: string): void {
		if (!this.plans.delete(uri)) return;
		this.governing.remove(uri);
		this.facetedSetVersion++;
		this.changeVersion++;
		this.planVersion++;
	}

	plan(uri: string): ParsedPlan | undefined {
		return this.plans.get(uri);
	}

	allPlans(): ParsedPlan[] {
		return [...this.plans.values()].sort((a, b) => (a.uri < b.uri ? -1 : 1));
	}

	/** The plan governing a source file. */
	planFor(uri: string): ParsedPlan | undefined {
		const planUri = this.options.explicitPlan ?? this.governing.planFor(uri);
		return planUri ? this.plans.get(planUri) : undefined;
	}

	// ---- sources

	frontEndFor(uri: string): SourceFrontEnd | undefined {
		return this.options.frontEnds.find((frontEnd) => frontEnd.handles(uri));
	}

	/** Readies the front ends of these files for a scan; hosts await it before `setSource` (see prepareFrontEnds.ts). */
	prepareFrontEnds(uris: Iterable<string>): Promise<void> {
		return prepareFrontEnds(this.options.frontEnds, uris, this.options.wasmAssets, this.options.onInternalError);
	}

	/** Records a source file's text (from disk or an open editor). Scans it only if it may hold calls or is imported. */
	setSource(uri: string, text: string, options: { excluded?: boolean } = {}): void {
		const frontEnd = this.frontEndFor(uri);
		if (!frontEnd) return;
		const entry = this.entry(uri, frontEnd);
		entry.excluded = options.excluded ?? entry.excluded;
		entry.version++;
		entry.skipped = undefined;
		entry.resolved = undefined;
		this.changeVersion++;
		if (looksBinary(text)) {
			this.dropFacts(entry);
			entry.skipped = { reason: 'binary', detail: 'it contains NUL bytes, so it is not source text' };
		} else if (entry.importedFrom || (!entry.excluded && frontEnd.mayContainGroupCalls(text))) {
			this.scan(entry, text);
		} else {
			this.dropFacts(entry);
		}
	}

	/** Records a file that was not read (too large, unreadable): reported once, as information. */
	skipSource(uri: string, skipped: SkippedFile, options: { excluded?: boolean } = {}): void {
		const frontEnd = this.frontEndFor(uri);
		if (!frontEnd) return;
		const entry = this.entry(uri, frontEnd);
		entry.excluded = options.excluded ?? entry.excluded;
		entry.version++;
		this.dropFacts(entry);
		entry.skipped = skipped;
		this.changeVersion++;
	}

	removeSource(uri: string): void {
		this.editStates.drop(uri);
		if (this.sources.get(uri)?.facts) this.facetedSetVersion++;
		if (!this.sources.delete(uri)) return;
		this.fileSetVersion++;
		this.changeVersion++;
	}

	/** A file's raw facts (exports included), when it was scanned. */
	facts(uri: string): FileFacts | undefined {
		return this.sources.get(uri)?.facts;
	}

	hasSource(uri: string): boolean {
		return this.sources.has(uri);
	}

	/** Every source file's URI, sorted (cached until a file is added or removed; do not mutate). */
	sourceUris(): readonly string[] {
		if (this.sortedUris?.version !== this.fileSetVersion) this.sortedUris = { version: this.fileSetVersion, uris: [...this.sources.keys()].sort() };
		return this.sortedUris.uris;
	}

	/**
	 * Scans the files that scanned files import names from and that were not scanned (no trigger
	 * words), until every import in the workspace can be followed. `loadText` reads a file.
	 */
	async loadImportedFiles(loadText: (uri: string) => Promise<string | undefined>, token: CancellationToken, from?: readonly string[]): Promise<void> {
		// After a one-file edit only that file's imports can be new: start from it, not from every file.
		// Unless it was not scanned (new, or no trigger words): files that already import it may need it now.
		const fromEntries = from?.map((uri) => this.sources.get(uri)).filter((entry): entry is SourceEntry => entry !== undefined);
		const start = fromEntries?.every((entry) => entry.facts !== undefined || entry.skipped !== undefined) ? fromEntries : undefined;
		let pending = this.unloadedImports(start);
		while (pending.length > 0) {
			for (const entry of pending) {
				throwIfCancelled(token);
				entry.importedFrom = true;
				const text = await loadText(entry.uri);
				if (text === undefined || looksBinary(text)) {
					entry.importedFrom = false;
					continue;
				}
				entry.version++;
				this.scan(entry, text);
				this.changeVersion++;
			}
			pending = this.unloadedImports(start ? pending : undefined);
		}
	}

	// ---- results

	/** A source file's calls, imports resolved and the governing plan's Segment settings applied. */
	calls(uri: string): readonly CallFact[] {
		const entry = this.sources.get(uri);
		return entry ? (this.resolvedCalls(entry)?.calls ?? []) : [];
	}

	private resolvedCalls(entry: SourceEntry): ResolvedCalls | undefined {
		if (!entry.facts || entry.excluded) return undefined;
		const uri = entry.uri;
		const cached = entry.resolved;
		const current = cached !== undefined && cached.fileSetVersion === this.fileSetVersion && this.dependenciesUnchanged(cached.dependencies);
		// (Without a plan change, nothing more to check: usage asks this of every scanned file on every keystroke.)
		if (current && cached.planVersion === this.planVersion) return cached;
		// The governing plan's Segment settings shape the calls too: a plan edit that changes them invalidates the cache.
		const segment = this.planFor(uri)?.model.segment;
		const segmentKey = segment ? `${segment.destination}\u0000${segment.groupTypeTrait}\u0000${segment.groupValueTrait}` : '';
		if (current && cached.segment === segmentKey) {
			cached.planVersion = this.planVersion;
			return cached;
		}
		const dependencies = new Map<string, number>();
		const sources: ExportSources = {
			resolveModule: (fromUri, module) => this.resolveModule(fromUri, module),
			exportsOf: (target) => {
				const targetEntry = this.sources.get(target);
				if (targetEntry) dependencies.set(target, targetEntry.version);
				return targetEntry?.facts?.exports;
			},
		};
		const lookup = (fromUri: string, ref: ImportRef): FoundExport | undefined => lookUpExport(sources, fromUri, ref);
		const resolved = resolveFileCalls(entry.facts, lookup, (exporter) => this.sources.get(exporter)?.facts?.serverSide === true);
		const calls = segment ? resolved.map((call) => applySegmentSettings(call, segment)) : resolved;
		entry.resolved = { calls, dependencies, fileSetVersion: this.fileSetVersion, segment: segmentKey, planVersion: this.planVersion };
		return entry.resolved;
	}

	/** The files a source file's calls read names from (through imports), as last resolved: its findings depend on them. */
	importedFiles(uri: string): string[] {
		const entry = this.sources.get(uri);
		const resolved = entry ? this.resolvedCalls(entry) : undefined;
		return resolved ? [...resolved.dependencies.keys()] : [];
	}

	/** Every reported call in the workspace, by file. */
	allCalls(): { uri: string; calls: readonly CallFact[] }[] {
		return this.sourceUris()
			.map((uri) => ({ uri, calls: this.calls(uri) }))
			.filter((file) => file.calls.length > 0);
	}

	/** Line table of a file with findings (files without calls only have findings at offset 0). */
	lineIndex(uri: string): LineIndex {
		const plan = this.plans.get(uri);
		if (plan) return new LineIndex(plan.text);
		return this.sources.get(uri)?.lines ?? emptyLines;
	}

	/** How the files governed by a plan use group types and properties (cached until anything changes). */
	usage(planUri: string): WorkspaceUsage {
		const cached = this.usageCache.get(planUri);
		if (cached && cached.version === this.changeVersion) return cached.usage;
		const plan = this.plans.get(planUri);
		// (The plan's scanned files come sorted by URI, the order the usage counts them in.)
		const usage = computeWorkspaceUsage(plan?.model, this.facetedEntries(planUri).map((entry) => this.fileUsage(entry)));
		this.usageCache.set(planUri, { version: this.changeVersion, usage });
		return usage;
	}

	/** What a file's calls add to its plan's usage, computed once per version of its resolved calls. */
	private fileUsage(entry: SourceEntry): FileUsage {
		const resolved = this.resolvedCalls(entry);
		return resolved ? (resolved.usage ??= fileUsage(resolved.calls)) : noUsage;
	}

	/**
	 * The scanned files a plan governs, sorted (cached until a file gains or loses facts, or the files
	 * or plans change): a keystroke recomputes usage from these, never by looking at every file.
	 */
	private facetedEntries(planUri: string): readonly SourceEntry[] {
		if (this.facetedByPlan?.version !== this.facetedSetVersion) {
			const byPlan = new Map<string | undefined, SourceEntry[]>();
			for (const uri of this.sourceUris()) {
				const entry = this.sources.get(uri)!;
				if (entry.facts) addTo(byPlan, this.planFor(uri)?.uri, entry);
			}
			this.facetedByPlan = { version: this.facetedSetVersion, byPlan };
		}
		return this.facetedByPlan.byPlan.get(planUri) ?? [];
	}

	/** The findings of one file: a plan (plan rules) or a source file (code rules, or why it was skipped). */
	findings(uri: string, severities: RuleSeverities, token: CancellationToken): Finding[] {
		const plan = this.plans.get(uri);
		if (plan) return checkPlan(plan, severities, token, this.options.onInternalError);
		const entry = this.sources.get(uri);
		const governing = this.planFor(uri);
		// Under a plan too large to read, nothing is checked (the plan's own finding says so).
		if (!entry || entry.excluded || !governing || governing.tooLarge) return [];
		if (entry.skipped) return applySeverities([skippedFinding(uri, entry.skipped)], severities);
		const calls = this.calls(uri);
		if (calls.length === 0) return [];
		const context = { uri, calls, plan: governing.model, usage: this.usage(governing.uri) };
		const drafts: FindingDraft[] = [];
		for (const rule of this.options.codeRules ?? codeRules) {
			throwIfCancelled(token);
			try {
				for (const finding of rule.check(context)) drafts.push(finding);
			} catch (error) {
				if (error instanceof OperationCancelled) throw error;
				this.options.onInternalError?.(`rule ${rule.codes.join('/')} on ${uri}`, error);
			}
		}
		return applySeverities(drafts, severities).sort(compareFindings);
	}

	/** Findings of every plan and source file. */
	allFindings(severities: RuleSeverities, token: CancellationToken): Finding[] {
		const findings: Finding[] = [];
		for (const uri of this.urisWithPossibleFindings()) {
			for (const finding of this.findings(uri, severities, token)) findings.push(finding);
		}
		return findings;
	}

	/**
	 * The plans and the source files that can have findings (scanned, or skipped), sorted: a file
	 * that was never scanned has none, so a workspace report does not look at it.
	 */
	urisWithPossibleFindings(): string[] {
		const sources = this.sourceUris().filter((uri) => {
			const entry = this.sources.get(uri)!;
			return entry.facts !== undefined || entry.skipped !== undefined;
		});
		return [...this.plans.keys(), ...sources].sort();
	}

	// ---- internals

	/** The workspace file an import of `fromUri` names, as the importing file's language resolves it. */
	private resolveModule(fromUri: string, module: string): string | undefined {
		const frontEnd = this.sources.get(fromUri)?.frontEnd ?? this.frontEndFor(fromUri);
		return frontEnd?.resolveModule(fromUri, module, (candidate) => this.sources.has(candidate));
	}

	private entry(uri: string, frontEnd: SourceFrontEnd): SourceEntry {
		let entry = this.sources.get(uri);
		if (!entry) {
			entry = { uri, frontEnd, version: 0, excluded: false, importedFrom: false };
			this.sources.set(uri, entry);
			this.fileSetVersion++;
		}
		return entry;
	}

	private scan(entry: SourceEntry, text: string): void {
		this.parseCount++;
		const rescan = entry.facts !== undefined;
		if (!rescan) this.facetedSetVersion++;
		try {
			if (!entry.frontEnd.isReady()) throw new Error(`the ${entry.frontEnd.language} parser was not prepared before the scan`);
			entry.facts = rescan ? this.scanEdited(entry, text) : entry.frontEnd.scan(entry.uri, text);
			// The front end gave up on the file (e.g. nested too deeply for its parser): say so once, as for a skipped file.
			if (entry.facts.scanError) entry.skipped = { reason: 'unparsable', detail: `it could not be parsed (${entry.facts.scanError.replace(/^Could not scan the file: /, '')})` };
		} catch (error) {
			this.options.onInternalError?.(`${entry.frontEnd.language} front end on ${entry.uri}`, error);
			entry.facts = { uri: entry.uri, calls: [], candidateCalls: [], exports: {}, imports: [], scanError: String(error) };
		}
		entry.lines = entry.facts.calls.length > 0 || entry.facts.candidateCalls.length > 0 ? new LineIndex(text) : undefined;
		entry.modules = importedModules(entry.facts);
		entry.resolved = undefined;
	}

	/**
	 * A file scanned again has been edited (a keystroke, a save, a change on disk): the front end may
	 * keep state to re-parse only what the next edit changes. Kept for the last few such files only, so
	 * a workspace load never holds syntax trees.
	 */
	private scanEdited(entry: SourceEntry, text: string): FileFacts {
		const frontEnd = entry.frontEnd;
		if (!frontEnd.scanEdited) return frontEnd.scan(entry.uri, text);
		const { facts, state } = frontEnd.scanEdited(entry.uri, text, this.editStates.take(entry.uri));
		if (state !== undefined) this.editStates.keep(entry.uri, frontEnd, state);
		return facts;
	}

	private dropFacts(entry: SourceEntry): void {
		this.editStates.drop(entry.uri);
		if (entry.facts) this.facetedSetVersion++;
		entry.facts = undefined;
		entry.lines = undefined;
		entry.resolved = undefined;
	}

	private dependenciesUnchanged(dependencies: Map<string, number>): boolean {
		for (const [uri, version] of dependencies) if (this.sources.get(uri)?.version !== version) return false;
		return true;
	}

	/** Files imported (by `from`, or by any scanned file) that have not been scanned yet. */
	private unloadedImports(from?: Iterable<SourceEntry>): SourceEntry[] {
		const pending = new Set<SourceEntry>();
		for (const entry of from ?? this.sources.values()) {
			if (!entry.facts) continue;
			for (const module of entry.modules ?? []) {
				const target = this.resolveModule(entry.uri, module);
				const targetEntry = target ? this.sources.get(target) : undefined;
				if (targetEntry && !targetEntry.facts && !targetEntry.skipped && !targetEntry.importedFrom) pending.add(targetEntry);
			}
		}
		return [...pending];
	}
}

const noUsage: FileUsage = { groupTypeUses: new Map(), groupPropertyKeys: [] };
const emptyLines = new LineIndex('');

