import type { Finding, FindingDraft, SeveritySetting } from './finding';
import { ruleCatalog, type RuleCode } from './ruleCodes';

/** Per-rule severity overrides (`trackplan.rules.<code>`, `--rule code=severity`). */
export type RuleSeverities = Partial<Record<RuleCode, SeveritySetting>>;

/** Gives each draft its configured severity, dropping the rules turned off. */
export function applySeverities(drafts: readonly FindingDraft[], settings: RuleSeverities = {}): Finding[] {
	const findings: Finding[] = [];
	for (const draft of drafts) {
		const severity = settings[draft.code] ?? ruleCatalog[draft.code].defaultSeverity;
		if (severity !== 'off') findings.push({ ...draft, severity });
	}
	return findings;
}

export function compareFindings(a: Finding, b: Finding): number {
	return a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : a.range.start - b.range.start || a.range.end - b.range.end || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}
