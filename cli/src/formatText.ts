import { printableText } from '../../core/src/text/printableText';
import type { CheckReport } from './checkReport';

/** `path:line:col severity code message`, 1-based, one finding a line: the path and the names in the message as printableText shows them, so none breaks the line or reaches the terminal raw. */
export function formatText(report: CheckReport): string {
	return report.diagnostics
		.map((d) => `${d.file}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.code} ${printableText(d.message)}\n`)
		.join('');
}

/** The closing line, for people (written to stderr so stdout stays machine-readable). */
export function formatSummary(report: CheckReport): string {
	const { errors, warnings, files } = report.summary;
	const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
	return `${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${plural(files, 'file')} checked (${plural(report.plans.length, 'plan')}).\n`;
}
