import { encodeUriComponentBytes, ruleCatalog, type RuleCode, type Severity } from '../../core/src/index';
import type { CheckReport } from './checkReport';

export interface SarifOptions {
	/** Trackplan's version, for `tool.driver.version`. */
	readonly version: string;
	/** One fingerprint per diagnostic, in the report's order (see sarifFingerprints). */
	readonly fingerprints: readonly string[];
}

const sarifLevel: Readonly<Record<Severity, 'error' | 'warning' | 'note'>> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };
const ruleCodes = Object.keys(ruleCatalog).sort() as RuleCode[];

/**
 * SARIF 2.1.0 for code scanning (GitHub's upload-sarif and others): one rule per Trackplan rule
 * code with its help, one result per finding with its location (1-based, UTF-16 columns) and a
 * stable partial fingerprint. Paths are relative to the working directory (`%SRCROOT%`).
 */
export function formatSarif(report: CheckReport, options: SarifOptions): string {
	const sarif = {
		$schema: 'https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/sarif-schema-2.1.0.json',
		version: '2.1.0',
		runs: [
			{
				tool: {
					driver: {
						name: 'Trackplan',
						semanticVersion: options.version,
						version: options.version,
						rules: ruleCodes.map(ruleDescriptor),
					},
				},
				columnKind: 'utf16CodeUnits',
				results: report.diagnostics.map((d, i) => ({
					ruleId: d.code,
					ruleIndex: ruleCodes.indexOf(d.code),
					level: sarifLevel[d.severity],
					message: { text: d.message },
					locations: [
						{
							physicalLocation: {
								artifactLocation: { uri: uriReference(report.exactPaths.get(d.file) ?? d.file), uriBaseId: '%SRCROOT%' },
								region: {
									startLine: d.range.start.line + 1,
									startColumn: d.range.start.character + 1,
									endLine: d.range.end.line + 1,
									endColumn: d.range.end.character + 1,
								},
							},
						},
					],
					partialFingerprints: { 'trackplan/v1': options.fingerprints[i]! },
				})),
			},
		],
	};
	return `${JSON.stringify(sarif, null, 2)}\n`;
}

/** A relative path as a URI reference: each segment percent-encoded, a byte that is not UTF-8 as itself (`%FF`), so code scanning finds the file. */
function uriReference(relativePath: string): string {
	return relativePath.split('/').map(encodeUriComponentBytes).join('/');
}

function ruleDescriptor(code: RuleCode) {
	const { summary, defaultSeverity } = ruleCatalog[code];
	const configure = `Default severity: ${defaultSeverity}. Change it with \`--rule ${code}=warning\` (or off, hint, information, error) or the VS Code setting \`trackplan.rules.${code}\`.`;
	return {
		id: code,
		name: code.replace(/(^|-)([a-z])/g, (_, __, letter: string) => letter.toUpperCase()),
		shortDescription: { text: summary },
		fullDescription: { text: summary },
		help: { text: `${summary} ${configure.replace(/`/g, '')}`, markdown: `**${code}**: ${summary}\n\n${configure}` },
		defaultConfiguration: { level: sarifLevel[defaultSeverity] },
		properties: { tags: ['amplitude', 'analytics', 'tracking-plan'] },
	};
}
