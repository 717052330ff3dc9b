import { throwIfCancelled, type CancellationToken } from '../cancellation';
import type { RuleSeverities } from '../diagnostics/applySeverities';
import type { Finding } from '../diagnostics/finding';
import { countGroupProperties } from '../plan/planModel';
import { parsePlan, type ParsedPlan } from '../plan/parsePlan';
import { documentText } from '../text/documentText';
import { LineIndex } from '../text/lineIndex';
import { basenameUri } from '../workspace/uris';
import { findPlanFiles, isPlanFileName } from '../workspace/findPlanFiles';
import type { WorkspaceFileSystem } from '../workspace/workspaceFileSystem';
import { checkPlan } from './checkPlan';
import { ConfigurationError } from './configurationError';

export interface CheckOptions {
	/** Files or folders to check (URIs). */
	readonly roots: readonly string[];
	/** A plan named explicitly (`--plan`): it governs every file, and no other plan is looked for. */
	readonly plan?: string;
	readonly severities?: RuleSeverities;
}

export interface PlanSummary {
	readonly uri: string;
	readonly groupTypes: number;
	readonly groupProperties: number;
}

export interface CheckResult {
	readonly plans: readonly PlanSummary[];
	readonly findings: readonly Finding[];
	/** How many files were read and checked. */
	readonly filesChecked: number;
	/** Line tables of every file that has findings, for hosts to turn offsets into positions. */
	readonly lineIndexes: ReadonlyMap<string, LineIndex>;
}

/** The whole-workspace check the CLI runs: find the plans, read them, run every rule. */
export async function checkWorkspace(files: WorkspaceFileSystem, options: CheckOptions, token: CancellationToken): Promise<CheckResult> {
	const planUris = options.plan ? [await requirePlanFile(files, options.plan)] : await discoverPlans(files, options.roots, token);
	const plans: ParsedPlan[] = [];
	for (const uri of planUris) {
		throwIfCancelled(token);
		plans.push(parsePlan(uri, documentText(await readRequired(files, uri))));
	}

	const findings: Finding[] = [];
	const lineIndexes = new Map<string, LineIndex>();
	for (const plan of plans) {
		throwIfCancelled(token);
		const planFindings = checkPlan(plan, options.severities ?? {}, token);
		for (const finding of planFindings) findings.push(finding);
		lineIndexes.set(plan.uri, new LineIndex(plan.text));
	}
	return {
		plans: plans.map((plan) => ({ uri: plan.uri, groupTypes: plan.model.groupTypes.length, groupProperties: countGroupProperties(plan.model) })),
		findings,
		filesChecked: plans.length,
		lineIndexes,
	};
}

async function discoverPlans(files: WorkspaceFileSystem, roots: readonly string[], token: CancellationToken): Promise<string[]> {
	const found = new Set<string>();
	for (const root of roots) {
		const stat = await statRequired(files, root);
		if (stat.type === 'directory') {
			for (const uri of await findPlanFiles(files, root, token)) found.add(uri);
		} else if (stat.type === 'file' && isPlanFileName(basenameUri(root))) {
			found.add(root);
		}
	}
	if (found.size === 0) {
		throw new ConfigurationError(
			`No tracking-plan.yaml (or .yml) found under ${roots.map(displayUri).join(', ')}. Create one next to your code, or name it with --plan.`,
		);
	}
	return [...found].sort();
}

async function requirePlanFile(files: WorkspaceFileSystem, uri: string): Promise<string> {
	const stat = await statRequired(files, uri);
	if (stat.type !== 'file') throw new ConfigurationError(`The plan ${displayUri(uri)} is a ${stat.type}, not a file. Name the tracking-plan.yaml file itself.`);
	return uri;
}

async function statRequired(files: WorkspaceFileSystem, uri: string) {
	let stat;
	try {
		stat = await files.stat(uri);
	} catch (error) {
		throw new ConfigurationError(`Cannot read ${displayUri(uri)}: ${errorText(error)}`);
	}
	if (!stat) throw new ConfigurationError(`${displayUri(uri)} does not exist.`);
	return stat;
}

async function readRequired(files: WorkspaceFileSystem, uri: string): Promise<string> {
	try {
		return await files.readFile(uri);
	} catch (error) {
		throw new ConfigurationError(`Cannot read the plan ${displayUri(uri)}: ${errorText(error)}`);
	}
}

function displayUri(uri: string): string {
	return decodeURIComponent(uri.replace(/^file:\/\//, ''));
}

function errorText(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}
