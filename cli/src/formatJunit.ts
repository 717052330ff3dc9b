import { printableText } from '../../core/src/text/printableText';
import type { CheckReport, ReportedDiagnostic } from './checkReport';

/**
 * JUnit XML for CI test reports: one test case per checked file, one failure per error in it.
 * Warnings and lesser findings go to the test case's system-out, so they show without failing it.
 * Paths and messages are shown as printableText shows them, then escaped for XML.
 */
export function formatJunit(report: CheckReport): string {
	const byFile = new Map<string, ReportedDiagnostic[]>();
	for (const file of report.files) byFile.set(file, []);
	for (const diagnostic of report.diagnostics) byFile.set(diagnostic.file, [...(byFile.get(diagnostic.file) ?? []), diagnostic]);
	const files = [...byFile.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
	const failing = files.filter((file) => byFile.get(file)!.some((d) => d.severity === 'error')).length;
	const lines = [
		'<?xml version="1.0" encoding="UTF-8"?>',
		`<testsuites name="trackplan" tests="${files.length}" failures="${failing}" errors="0">`,
		`  <testsuite name="trackplan check" tests="${files.length}" failures="${failing}" errors="0" skipped="0">`,
	];
	for (const file of files) {
		const diagnostics = byFile.get(file)!;
		const errors = diagnostics.filter((d) => d.severity === 'error');
		const others = diagnostics.filter((d) => d.severity !== 'error');
		const open = `    <testcase classname="trackplan" name="${escapeXmlAttribute(file)}" file="${escapeXmlAttribute(file)}"`;
		if (diagnostics.length === 0) {
			lines.push(`${open}/>`);
			continue;
		}
		lines.push(`${open}>`);
		for (const error of errors) {
			lines.push(`      <failure type="${error.code}" message="${escapeXmlAttribute(printableText(error.message))}">${escapeXml(describe(error))}</failure>`);
		}
		if (others.length > 0) lines.push(`      <system-out>${escapeXml(others.map(describe).join('\n'))}</system-out>`);
		lines.push('    </testcase>');
	}
	lines.push('  </testsuite>', '</testsuites>');
	return `${lines.join('\n')}\n`;
}

function describe(d: ReportedDiagnostic): string {
	return `${d.file}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.code} ${printableText(d.message)}`;
}

/** Text safe in XML content; characters XML 1.0 forbids are dropped. */
export function escapeXml(text: string): string {
	return text
		.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;');
}

/** Text safe in a double-quoted XML attribute, line breaks and tabs kept (parsers normalise them otherwise). */
export function escapeXmlAttribute(text: string): string {
	return escapeXml(text).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}
