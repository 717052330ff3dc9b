import { createHash } from 'node:crypto';
import { LineIndex } from '../../core/src/index';
import type { ReportedDiagnostic } from './checkReport';

/**
 * A fingerprint per diagnostic that survives unrelated edits, so code scanning keeps one alert per
 * problem across runs: a hash of the rule code, the file, the flagged text (whitespace collapsed)
 * and which occurrence of that same text in that file it is. Line numbers are left out on purpose.
 * `textOf` gives a file's text by its reported path (undefined when it cannot be read).
 */
export function fingerprintDiagnostics(diagnostics: readonly ReportedDiagnostic[], textOf: (file: string) => string | undefined): string[] {
	const lineIndexes = new Map<string, { text: string; lines: LineIndex } | undefined>();
	const occurrences = new Map<string, number>();
	return diagnostics.map((diagnostic) => {
		if (!lineIndexes.has(diagnostic.file)) {
			const text = textOf(diagnostic.file);
			lineIndexes.set(diagnostic.file, text === undefined ? undefined : { text, lines: new LineIndex(text) });
		}
		const source = lineIndexes.get(diagnostic.file);
		const flagged = source ? source.text.slice(source.lines.offsetAt(diagnostic.range.start), source.lines.offsetAt(diagnostic.range.end)) : '';
		const key = [diagnostic.code, diagnostic.file, flagged.replace(/\s+/g, ' ').trim()].join('\u0000');
		const occurrence = (occurrences.get(key) ?? 0) + 1;
		occurrences.set(key, occurrence);
		return createHash('sha256').update(`${key}\u0000${occurrence}`).digest('hex').slice(0, 32);
	});
}
