import type { Severity } from '../../core/src/index';
import { printableText } from '../../core/src/text/printableText';
import type { CheckReport } from './checkReport';

const command: Readonly<Record<Severity, 'error' | 'warning' | 'notice'>> = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' };

/**
 * GitHub Actions workflow commands, one a finding, which the runner turns into annotations on the
 * pull request: `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message` (1-based).
 * Names are shown as printableText shows them (one line, no control character), then escaped as
 * the runner's toolkit escapes a command (escapeData, escapeProperty).
 */
export function formatGithub(report: CheckReport): string {
	return report.diagnostics
		.map((d) => {
			const properties = [
				['file', d.file],
				['line', String(d.range.start.line + 1)],
				['col', String(d.range.start.character + 1)],
				['endLine', String(d.range.end.line + 1)],
				['endColumn', String(d.range.end.character + 1)],
				['title', `Trackplan ${d.code}`],
			]
				.map(([name, value]) => `${name}=${escapeProperty(value!)}`)
				.join(',');
			return `::${command[d.severity]} ${properties}::${escapeData(printableText(d.message))}\n`;
		})
		.join('');
}

/** A workflow command's message: `%`, CR and LF are encoded (as the runner's toolkit does). */
export function escapeData(text: string): string {
	return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A workflow command's property value: also `:` and `,`, which separate properties. */
export function escapeProperty(text: string): string {
	return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
