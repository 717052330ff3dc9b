import type { GroupLevel } from '../plan/planModel';
import type { LimitGauge, MatrixCell, UseKind, WorkbookGroupType, WorkbookProject } from './workbookModel';

/** Words the workbook's renderers share, so Markdown, CSV and HTML say the same things. */

export const useKindLabel: Readonly<Record<UseKind, string>> = {
	'user-level': 'user level (the user joins the group)',
	'event-level': 'event level (groups on the event)',
	'group-identify': 'group identify',
	'segment-group': 'Segment group()',
};

export const levelLabel: Readonly<Record<GroupLevel, string>> = { user: 'user', event: 'event', any: 'any (user or event)' };

export const cellLabel: Readonly<Record<MatrixCell, string>> = {
	sent: 'sent as planned',
	missing: 'planned, but some calls are sent without it',
	planned: 'planned; no call of the event found',
	unplanned: 'sent, but the plan does not list it',
	none: '',
};

/** How the code uses a group type, and whether that fits the plan's level. */
export function levelsSeenText(groupType: WorkbookGroupType): string {
	if (groupType.levelsSeen.length === 0) return groupType.uses.length > 0 ? 'group identify only' : 'not sent';
	return groupType.levelsSeen.map((level) => `${level} level`).join(' and ');
}

/** True when some call uses a group type at a level its plan entry does not allow. */
export function levelMismatch(groupType: WorkbookGroupType): boolean {
	return groupType.uses.some((use) => use.levelMismatch);
}

/** 0–100 (and beyond, when over the limit). */
export function gaugePercent(gauge: LimitGauge): number {
	return gauge.limit > 0 ? Math.round((gauge.used / gauge.limit) * 100) : 0;
}

/** `ok` under 80 %, `near` from 80 % up to the limit, `over` past it. */
export function gaugeState(gauge: LimitGauge): 'ok' | 'near' | 'over' {
	if (gauge.used > gauge.limit) return 'over';
	return gauge.used >= gauge.limit * 0.8 ? 'near' : 'ok';
}

export function projectSummary(project: WorkbookProject): string {
	const { calls, files, errors, warnings } = project.totals;
	const findings = project.findings.length;
	return (
		`${plural(project.groupTypes.length, 'group type')}, ${plural(project.events.length, 'event')}; ` +
		`${plural(calls, 'call')} in ${plural(files, 'file')}; ` +
		`${plural(findings, 'finding')}${findings > 0 ? ` (${plural(errors, 'error')}, ${plural(warnings, 'warning')})` : ''}`
	);
}

export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
	return `${count} ${count === 1 ? singular : pluralForm}`;
}

export const matrixLegend: readonly MatrixCell[] = ['sent', 'missing', 'planned', 'unplanned'];
