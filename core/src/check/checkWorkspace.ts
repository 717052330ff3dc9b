import { throwIfCancelled, type CancellationToken } from '../cancellation';
import type { RuleSeverities } from '../diagnostics/applySeverities';
import type { Finding } from '../diagnostics/finding';
import { countGroupProperties } from '../plan/planModel';
import type { CallFact } from '../scan/callFacts';
import type { SourceFrontEnd } from '../scan/sourceFrontEnd';
import { documentText } from '../text/documentText';
import type { LineIndex } from '../text/lineIndex';
import { collectSourceFiles } from '../workspace/collectSourceFiles';
import { SourceFilter } from '../workspace/globPattern';
import { dirnameUri, relativeUriPath } from '../workspace/uris';
import type { WorkspaceFileSystem } from '../workspace/workspaceFileSystem';
import { WorkspaceIndex } from '../workspaceIndex/workspaceIndex';

import { discoverPlans, readPlanText, requirePlanFile } from './discoverPlans';
import { mapWithConcurrency } from '../util/mapWithConcurrency';

/** Files larger than this are not scanned (an information finding says so). */
export const defaultMaxFileSize = 1024 * 1024;

export interface CheckOptions {
	/** Files or folders to check (URIs). */
	readonly roots: readonly string[];
	/** A plan named explicitly (`--plan`): it governs every file, and no other plan is looked for. */
	readonly plan?: string;
	readonly severities?: RuleSeverities;
	readonly frontEnds: readonly SourceFrontEnd[];
	readonly maxFileSize?: number;
	/** Told about folders and files that could not be read (they are skipped). */
	readonly onUnreadable?: (uri: string, error: unknown) => void;
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
}

const readConcurrency = 16;

/** The whole-workspace check the CLI runs: find the plans, scan the sources they govern, run every rule. */
export async function checkWorkspace(files: WorkspaceFileSystem, options: CheckOptions, token: CancellationToken): Promise<CheckResult> {
	const planUris = options.plan ? [await requirePlanFile(files, options.plan)] : await discoverPlans(files, options.roots, token);
	const index = new WorkspaceIndex({ frontEnds: options.frontEnds, ...(options.plan ? { explicitPlan: options.plan } : {}) });
	for (const uri of planUris) {
		throwIfCancelled(token);
		index.setPlan(uri, documentText(await readPlanText(files, uri)));
	}

	const maxFileSize = options.maxFileSize ?? defaultMaxFileSize;
	const sources = await collectSourceFiles(
		files,
		options.roots,
		{
			isSource: (uri) => index.frontEndFor(uri) !== undefined,
			filterFor: (uri) => {
				const plan = index.planFor(uri);
				if (!plan) return undefined;
				const relativePath = relativeUriPath(dirnameUri(plan.uri), uri);
				const filter = new SourceFilter(plan.model.sources.include, plan.model.sources.exclude);
				return relativePath === undefined ? { filter: everything, relativePath: '' } : { filter, relativePath };
			},
		},
		token,
		options.onUnreadable,
	);
	await mapWithConcurrency(sources, readConcurrency, async (source) => {
		throwIfCancelled(token);
		if (source.size > maxFileSize) {
			index.skipSource(source.uri, { reason: 'too-large', detail: `${formatSize(source.size)} > ${formatSize(maxFileSize)}` }, source);
			return;
		}
		try {
			index.setSource(source.uri, documentText(await files.readFile(source.uri)), source);
		} catch (error) {
			options.onUnreadable?.(source.uri, error);
			index.skipSource(source.uri, { reason: 'unreadable', detail: `it could not be read (${errorText(error)})` }, source);
		}
	});
	await index.loadImportedFiles(async (uri) => {
		try {
			return documentText(await files.readFile(uri));
		} catch {
			return undefined;
		}
	}, token);

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
	};
}

const everything = new SourceFilter(['**'], []);

function formatSize(bytes: number): string {
	return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

function errorText(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}


