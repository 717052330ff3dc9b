import { severityRank, type Finding, type Severity } from '../diagnostics/finding';
import type { RuleCode } from '../diagnostics/ruleCodes';
import type { ParsedPlan } from '../plan/parsePlan';
import { findEvent } from '../rules/code/planLookup';
import type { ProjectContext, ProjectFile } from './projectContext';
import { basenameUri, dirnameUri, relativeUriPath } from '../workspace/uris';
import type { WorkspaceIndex } from '../workspaceIndex/workspaceIndex';
import { eventsOfProject } from './workbookEvents';
import { groupTypesOfProject } from './workbookGroupTypes';
import type { Workbook, WorkbookFinding, WorkbookProject } from './workbookModel';
import { limitGauges } from './workbookGauges';

export interface WorkbookOptions {
	/** The link to a file from where the report will be read (a relative path or a URL), without a line anchor. */
	readonly linkFor: (uri: string) => string;
	/** How the report names a plan file (default: its file name). */
	readonly displayPath?: (uri: string) => string;
}

/** Builds the workbook of every plan in the index from its calls and the check's findings. Deterministic. */
export function buildWorkbook(index: WorkspaceIndex, findings: readonly Finding[], options: WorkbookOptions): Workbook {
	return { projects: index.allPlans().map((plan) => buildProject(index, plan, findings, options)) };
}

function buildProject(index: WorkspaceIndex, plan: ParsedPlan, allFindings: readonly Finding[], options: WorkbookOptions): WorkbookProject {
	const folder = dirnameUri(plan.uri);
	const files: ProjectFile[] = index
		.sourceUris()
		.filter((uri) => index.planFor(uri)?.uri === plan.uri)
		.map((uri) => ({ uri, calls: [...index.calls(uri)].sort((a, b) => a.range.start - b.range.start), lines: index.lineIndex(uri) }))
		.filter((file) => file.calls.length > 0);
	const relative = (uri: string) => relativeUriPath(folder, uri) ?? options.linkFor(uri);
	const context: ProjectContext = {
		plan: plan.model,
		files,
		calls: files.flatMap((file) => file.calls.map((call) => ({ file, call }))),
		link: (file, offset) => ({ file: relative(file.uri), line: file.lines.positionAt(offset).line + 1, href: options.linkFor(file.uri) }),
		eventName: (call) => {
			if (call.event?.kind !== 'resolved') return undefined;
			return findEvent(plan.model, call)?.name ?? call.event.name;
		},
	};
	const usage = index.usage(plan.uri);
	const groupTypes = groupTypesOfProject(context, usage);
	const findings = projectFindings(index, plan, allFindings, relative, options);
	return {
		title: plan.model.project ?? basenameUri(folder),
		plan: { file: options.displayPath?.(plan.uri) ?? basenameUri(plan.uri), line: 1, href: options.linkFor(plan.uri) },
		groupTypes,
		events: eventsOfProject(context, groupTypes.map((t) => t.name)),
		gauges: limitGauges(context, usage),
		findings,
		findingCounts: countFindings(findings),
		totals: {
			calls: context.calls.length,
			files: files.length,
			errors: findings.filter((f) => f.severity === 'error').length,
			warnings: findings.filter((f) => f.severity === 'warning').length,
		},
	};
}

function projectFindings(
	index: WorkspaceIndex,
	plan: ParsedPlan,
	findings: readonly Finding[],
	relative: (uri: string) => string,
	options: WorkbookOptions,
): WorkbookFinding[] {
	return findings
		.filter((finding) => finding.uri === plan.uri || index.planFor(finding.uri)?.uri === plan.uri)
		.map((finding) => {
			const start = index.lineIndex(finding.uri).positionAt(finding.range.start);
			const file = finding.uri === plan.uri ? (options.displayPath?.(plan.uri) ?? basenameUri(plan.uri)) : relative(finding.uri);
			return {
				file,
				line: start.line + 1,
				column: start.character + 1,
				href: options.linkFor(finding.uri),
				severity: finding.severity,
				code: finding.code,
				message: finding.message,
			};
		})
		.sort((a, b) => severityRank[a.severity] - severityRank[b.severity] || compareText(a.file, b.file) || a.line - b.line || a.column - b.column || compareText(a.code, b.code));
}

function countFindings(findings: readonly WorkbookFinding[]): { code: RuleCode; severity: Severity; count: number }[] {
	const counts = new Map<string, { code: RuleCode; severity: Severity; count: number }>();
	for (const finding of findings) {
		const key = `${finding.severity} ${finding.code}`;
		const entry = counts.get(key) ?? { code: finding.code, severity: finding.severity, count: 0 };
		entry.count++;
		counts.set(key, entry);
	}
	return [...counts.values()].sort((a, b) => severityRank[a.severity] - severityRank[b.severity] || b.count - a.count || compareText(a.code, b.code));
}

function compareText(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}
