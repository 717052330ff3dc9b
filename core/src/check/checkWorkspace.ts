import { throwIfCancelled, type CancellationToken } from '../cancellation';
import type { RuleSeverities } from '../diagnostics/applySeverities';
import type { Finding } from '../diagnostics/finding';
import { countGroupProperties } from '../plan/planModel';
import type { CallFact } from '../scan/callFacts';
import type { SourceFrontEnd } from '../scan/sourceFrontEnd';
import type { WasmAssets } from '../scan/wasmAssets';
import { documentText } from '../text/documentText';
import type { LineIndex } from '../text/lineIndex';
import type { WorkspaceFileSystem } from '../workspace/workspaceFileSystem';
import { indexWorkspaceFiles } from '../workspaceIndex/indexWorkspaceFiles';
import { WorkspaceIndex } from '../workspaceIndex/workspaceIndex';
import { maxPlanSize } from '../plan/planSizeLimit';
import { discoverPlans, readPlanText, requirePlanFile } from './discoverPlans';

export interface CheckOptions {
	/** Files or folders to check (URIs). */
	readonly roots: readonly string[];
	/** A plan named explicitly (`--plan`): it governs every file, and no other plan is looked for. */
	readonly plan?: string;
	readonly severities?: RuleSeverities;
	readonly frontEnds: readonly SourceFrontEnd[];
	/** Where front ends that parse with WebAssembly read it from. */
	readonly wasmAssets?: WasmAssets;
	readonly maxFileSize?: number;
	/** Told about folders and files that could not be read (they are skipped). */
	readonly onUnreadable?: (uri: string, error: unknown) => void;
	/** Told when a rule or front end fails on a file; the check goes on without it. */
	readonly onInternalError?: (context: string, error: unknown) => void;
}

export interface PlanSummary {
	readonly uri: string;
	readonly groupTypes: number;
	readonly groupProperties: number;
}

export interface CheckResult {
	readonly plans: readonly PlanSummary[];
	readonly findings: readonly Finding[];
	readonly calls: readonly { readonly uri: string; readonly call: CallFact }[];
	/** How many files were read and checked (plans and sources). */
	readonly filesChecked: number;
	/** Line tables of every file with findings or calls, for hosts to turn offsets into positions. */
	readonly lineIndexes: ReadonlyMap<string, LineIndex>;
	/** The index the check built (for reports that need more than findings and calls). */
	readonly index: WorkspaceIndex;
}

/** The whole-workspace check the CLI runs: find the plans, scan the sources they govern, run every rule. */
export async function checkWorkspace(files: WorkspaceFileSystem, options: CheckOptions, token: CancellationToken): Promise<CheckResult> {
	const planUris = options.plan ? [await requirePlanFile(files, options.plan)] : await discoverPlans(files, options.roots, token);
	const index = new WorkspaceIndex({
		frontEnds: options.frontEnds,
		...(options.wasmAssets ? { wasmAssets: options.wasmAssets } : {}),
		...(options.plan ? { explicitPlan: options.plan } : {}),
		...(options.onInternalError ? { onInternalError: options.onInternalError } : {}),
	});
	for (const uri of planUris) {
		throwIfCancelled(token);
		index.setPlan(uri, documentText(await readPlanText(files, uri, maxPlanSize(options.maxFileSize))));
	}
	const sources = await indexWorkspaceFiles(
		index,
		files,
		options.roots,
		{ ...(options.maxFileSize !== undefined ? { maxFileSize: options.maxFileSize } : {}), ...(options.onUnreadable ? { onUnreadable: options.onUnreadable } : {}) },
		token,
	);

	const findings = index.allFindings(options.severities ?? {}, token);
	const calls = index.allCalls().flatMap((file) => file.calls.map((call) => ({ uri: file.uri, call })));
	const lineIndexes = new Map<string, LineIndex>();
	for (const { uri } of [...findings, ...calls]) if (!lineIndexes.has(uri)) lineIndexes.set(uri, index.lineIndex(uri));
	return {
		plans: index.allPlans().map((plan) => ({ uri: plan.uri, groupTypes: plan.model.groupTypes.length, groupProperties: countGroupProperties(plan.model) })),
		findings,
		calls,
		filesChecked: planUris.length + sources.filter((s) => !s.excluded).length,
		lineIndexes,
		index,
	};
}
