import type { CheckReport } from './checkReport';

/**
 * The JSON contract of product.md §5 (version 1). `file` is the exact relative path, which JSON can
 * carry whatever characters it holds; only a name with bytes that are not UTF-8 (no JSON string can
 * hold those) is given as the other formats show it, with `\\xff` for such a byte.
 */
export function formatJson(report: CheckReport): string {
	const file = (shown: string) => {
		const exact = report.exactPaths.get(shown) ?? shown;
		return /\p{Cs}/u.test(exact) ? shown : exact;
	};
	const diagnostics = report.diagnostics.map((d) => ({ ...d, file: file(d.file) }));
	const calls = report.calls.map((c) => ({ ...c, file: file(c.file) }));
	return `${JSON.stringify({ version: 1, plans: report.plans, diagnostics, calls, summary: report.summary }, null, 2)}\n`;
}
