import { oneLine, printableText } from '../text/printableText';
import type { Workbook, WorkbookProject } from './workbookModel';
import { cellLabel, gaugePercent, levelsSeenText } from './workbookWording';

/**
 * The workbook as CSV (RFC 4180, CRLF) for a spreadsheet: per project, titled sections (limits,
 * group types, group properties, where each group type is sent, events × group types, findings),
 * each a title row, a header row and its rows, separated by an empty line.
 */
export function renderWorkbookCsv(workbook: Workbook): string {
	const rows: (readonly (string | number | boolean)[])[] = [];
	for (const project of workbook.projects) {
		if (rows.length > 0) rows.push([]);
		rows.push(...projectRows(project));
	}
	return rows.map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';
}

function projectRows(project: WorkbookProject): (readonly (string | number | boolean)[])[] {
	const rows: (readonly (string | number | boolean)[])[] = [['Accounts implementation workbook', project.title, project.plan.file]];
	const section = (title: string, header: readonly string[], body: readonly (readonly (string | number | boolean)[])[]) => {
		rows.push([], [title], header, ...body);
	};
	section(
		'Limits',
		['limit', 'used', 'of', 'percent', 'detail'],
		project.gauges.map((g) => [g.label, g.used, g.limit, gaugePercent(g), oneLine(g.detail)]),
	);
	section(
		'Group types',
		['position', 'group type', 'in plan', 'level in plan', 'used at', 'value', 'display property', 'salesforce sync days', 'properties', 'calls', 'events', 'description'],
		project.groupTypes.map((t) => [
			t.position,
			t.name,
			t.declared ? 'yes' : 'no',
			t.level ?? '',
			levelsSeenText(t),
			t.value ?? '',
			t.displayProperty ?? '',
			t.salesforceSyncDays ?? '',
			t.properties.length,
			t.uses.length,
			t.events.join('; '),
			oneLine(t.description ?? ''),
		]),
	);
	section(
		'Group properties',
		['group type', 'property', 'in plan', 'type', 'enum', 'source', 'dynamic', 'display property', 'set at', 'description'],
		project.groupTypes.flatMap((t) =>
			t.properties.map((p) => [
				t.name,
				p.name,
				p.declared ? 'yes' : 'no',
				p.type ?? '',
				(p.enum ?? []).join('; '),
				p.source,
				p.dynamic ? 'yes' : 'no',
				p.isDisplayProperty ? 'yes' : 'no',
				p.setAt.map((at) => `${at.file}:${at.line}`).join('; '),
				oneLine(p.description ?? ''),
			]),
		),
	);
	section(
		'Where group types are sent',
		['group type', 'file', 'line', 'how', 'event', 'level allowed by plan'],
		project.groupTypes.flatMap((t) => t.uses.map((use) => [t.name, use.file, use.line, use.kind, use.event ?? '', use.levelMismatch ? 'no' : 'yes'])),
	);
	section(
		'Events x group types',
		['event', 'in plan', ...project.groupTypes.map((t) => t.name), 'sent at'],
		project.events.map((e) => [e.name, e.declared ? 'yes' : 'no', ...e.cells.map((c) => cellLabel[c]), e.sentAt.map((at) => `${at.file}:${at.line}`).join('; ')]),
	);
	section(
		'Findings',
		['file', 'line', 'column', 'severity', 'rule', 'message'],
		project.findings.map((f) => [f.file, f.line, f.column, f.severity, f.code, f.message]),
	);
	return rows;
}

/**
 * One CSV field (RFC 4180): the text as printableText shows it (one line, no control character), quoted
 * when it holds `"`, `,` or a line break. Text a spreadsheet would run as a formula (it starts with `=`,
 * `+`, `-`, `@`, a tab or CR: OWASP's "CSV injection" list) gets a leading `'`, as OWASP advises: Excel and
 * LibreOffice take it for "this is text" (and hide it), so `=HYPERLINK(…)` and `=cmd|…` stay text.
 */
function field(value: string | number | boolean): string {
	if (typeof value !== 'string') return String(value);
	const shown = printableText(value);
	const safe = /^[=+\-@\t\r]/.test(shown) ? `'${shown}` : shown;
	return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
