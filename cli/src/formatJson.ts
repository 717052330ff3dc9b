import type { CheckReport } from './checkReport';

/** The JSON contract of product.md §5 (version 1). */
export function formatJson(report: CheckReport): string {
	return `${JSON.stringify({ version: 1, plans: report.plans, diagnostics: report.diagnostics, calls: report.calls, summary: report.summary }, null, 2)}\n`;
}
