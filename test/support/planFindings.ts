import { checkPlan, neverCancelled, parsePlan, type Finding, type RuleSeverities } from '../../core/src/index';

export const planUri = 'file:///workspace/tracking-plan.yaml';

/** Runs every plan rule over an in-memory plan. */
export function planFindings(text: string, severities: RuleSeverities = {}): Finding[] {
	return checkPlan(parsePlan(planUri, text), severities, neverCancelled);
}

/** The findings as `code severity start-end` lines, easy to compare and to read in a failure. */
export function summarise(findings: readonly Finding[]): string[] {
	return findings.map((f) => `${f.code} ${f.severity} ${f.range.start}-${f.range.end}`);
}

export function expectedSummary(code: string, severity: string, ranges: readonly { start: number; end: number }[]): string[] {
	return ranges.map((r) => `${code} ${severity} ${r.start}-${r.end}`);
}
