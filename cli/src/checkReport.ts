import * as path from 'node:path';
import type { CheckResult, Finding, LinePosition } from '../../core/src/index';
import { printableText } from '../../core/src/text/printableText';
import { toPath } from '../../node/src/nodeFileSystem';
import { checkedFileUris } from './checkedFiles';

/** A finding as the CLI prints it: a path relative to the working directory and 0-based positions. */
export interface ReportedDiagnostic {
	/** Relative to the working directory, `/`-separated, as printableText shows it (`\\` for `\`, `\n`, `\xff` for a byte that is not UTF-8). */
	readonly file: string;
	readonly range: { readonly start: LinePosition; readonly end: LinePosition };
	readonly severity: Finding['severity'];
	readonly code: Finding['code'];
	readonly message: string;
}

/** A call as `calls[]` of the JSON output lists it. */
export interface ReportedCall {
	readonly file: string;
	readonly range: { readonly start: LinePosition; readonly end: LinePosition };
	readonly sdk: string;
	readonly kind: string;
	readonly event: string | null;
	readonly groupTypes: readonly string[];
	readonly properties: readonly string[];
	readonly resolved: boolean;
}

export interface CheckReport {
	readonly plans: readonly { readonly file: string; readonly groupTypes: number; readonly groupProperties: number }[];
	readonly diagnostics: readonly ReportedDiagnostic[];
	readonly calls: readonly ReportedCall[];
	/** Every file checked (plans and governed sources), sorted: JUnit's test cases. Not in the JSON output. */
	readonly files: readonly string[];
	/** Each `file` above as the path it stands for (printableText undone: bytes that are not UTF-8 escaped, fileNameBytes.ts). Not in the JSON output. */
	readonly exactPaths: ReadonlyMap<string, string>;
	readonly summary: { readonly errors: number; readonly warnings: number; readonly files: number; readonly calls: number };
}

/** Converts the core's result (URIs, offsets) to what every output format prints (relative paths, positions), sorted. */
export function toCheckReport(result: CheckResult, cwd: string): CheckReport {
	const exactPaths = new Map<string, string>();
	const relative = (uri: string) => {
		const exact = path.relative(cwd, toPath(uri)).split(path.sep).join('/') || '.';
		const shown = printableText(exact);
		exactPaths.set(shown, exact);
		return shown;
	};
	const diagnostics = result.findings.map((finding): ReportedDiagnostic => {
		const lines = result.lineIndexes.get(finding.uri)!;
		return {
			file: relative(finding.uri),
			range: { start: lines.positionAt(finding.range.start), end: lines.positionAt(finding.range.end) },
			severity: finding.severity,
			code: finding.code,
			message: finding.message,
		};
	});
	diagnostics.sort(
		(a, b) =>
			compareText(a.file, b.file) ||
			a.range.start.line - b.range.start.line ||
			a.range.start.character - b.range.start.character ||
			compareText(a.code, b.code),
	);
	const calls = result.calls.map(({ uri, call }): ReportedCall => {
		const lines = result.lineIndexes.get(uri)!;
		return {
			file: relative(uri),
			range: { start: lines.positionAt(call.range.start), end: lines.positionAt(call.range.end) },
			sdk: call.sdk,
			kind: call.kind,
			event: call.event?.kind === 'resolved' ? call.event.name : null,
			groupTypes: call.groups.flatMap((g) => (g.type.kind === 'resolved' ? [g.type.name] : [])),
			properties: call.properties.flatMap((p) => (p.name.kind === 'resolved' ? [p.name.name] : [])),
			resolved: call.groups.every((g) => g.type.kind === 'resolved') && call.event?.kind !== 'unresolved',
		};
	});
	calls.sort((a, b) => compareText(a.file, b.file) || a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
	return {
		plans: result.plans.map((plan) => ({ file: relative(plan.uri), groupTypes: plan.groupTypes, groupProperties: plan.groupProperties })),
		diagnostics,
		calls,
		files: checkedFileUris(result).map(relative).sort(compareText),
		exactPaths,
		summary: {
			errors: diagnostics.filter((d) => d.severity === 'error').length,
			warnings: diagnostics.filter((d) => d.severity === 'warning').length,
			files: result.filesChecked,
			calls: calls.length,
		},
	};
}

/** The report with errors only (`--quiet`): warnings and the rest neither print nor count. */
export function onlyErrors(report: CheckReport): CheckReport {
	const diagnostics = report.diagnostics.filter((d) => d.severity === 'error');
	return { ...report, diagnostics, summary: { ...report.summary, errors: diagnostics.length, warnings: 0 } };
}

function compareText(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}
