import * as path from 'node:path';
import { checkWorkspace, defaultFrontEnds, displayUri, documentText, neverCancelled } from '../../core/src/index';
import { NodeFileSystem, toUri } from '../../node/src/nodeFileSystem';
import { nodeWasmAssets } from '../../node/src/nodeWasmAssets';
import { onlyErrors, toCheckReport, type CheckReport } from './checkReport';
import type { CliIo } from './cliIo';
import { formatGithub } from './formatGithub';
import { formatJson } from './formatJson';
import { formatJunit } from './formatJunit';
import { formatSarif } from './formatSarif';
import { formatSummary, formatText } from './formatText';
import type { CheckArguments } from './parseArguments';
import { fingerprintDiagnostics } from './sarifFingerprints';
import { trackplanVersion } from './version';

/** `trackplan check`: exit 0 clean, 1 findings over the bar. Configuration errors are thrown. */
export async function runCheck(args: CheckArguments, io: CliIo): Promise<number> {
	const files = io.files ?? new NodeFileSystem();
	const absolute = (p: string) => toUri(path.resolve(io.cwd, p));
	let internalErrors = 0;
	const result = await checkWorkspace(
		files,
		{
			roots: args.paths.map(absolute),
			...(args.plan ? { plan: absolute(args.plan) } : {}),
			...(args.maxFileSize !== undefined ? { maxFileSize: args.maxFileSize } : {}),
			severities: args.severities,
			frontEnds: defaultFrontEnds,
			wasmAssets: nodeWasmAssets(),
			onUnreadable: (uri, error) => io.stderr(`trackplan: skipped ${displayUri(uri)}: ${error instanceof Error ? error.message : String(error)}\n`),
			onInternalError: (context, error) => {
				internalErrors++;
				io.stderr(`trackplan: internal error in ${context}; its findings are missing (please report this):\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
			},
		},
		neverCancelled,
	);
	const full = toCheckReport(result, io.cwd);
	const report = args.quiet ? onlyErrors(full) : full;
	switch (args.format) {
		case 'json':
			io.stdout(formatJson(report));
			break;
		case 'sarif': {
			const texts = new Map<string, string>();
			// Fingerprints read the flagged text; a skipped file's finding flags none, and the file may be huge or unreadable.
			for (const file of new Set(report.diagnostics.filter((d) => d.code !== 'file-skipped').map((d) => d.file))) {
				const text = await files.readFile(absolute(report.exactPaths.get(file) ?? file)).catch(() => undefined);
				if (text !== undefined) texts.set(file, documentText(text));
			}
			io.stdout(formatSarif(report, { version: trackplanVersion(), fingerprints: fingerprintDiagnostics(report.diagnostics, (file) => texts.get(file)) }));
			io.stderr(formatSummary(report));
			break;
		}
		case 'junit':
			io.stdout(formatJunit(report));
			io.stderr(formatSummary(report));
			break;
		case 'github':
			io.stdout(formatGithub(report));
			io.stderr(formatSummary(report));
			break;
		default:
			io.stdout(formatText(report));
			io.stderr(formatSummary(report));
	}
	// An internal error leaves the check incomplete: never let it pass CI.
	return overTheBar(report, args) || internalErrors > 0 ? 1 : 0;
}

function overTheBar(report: CheckReport, args: CheckArguments): boolean {
	const tooManyWarnings = !args.quiet && args.maxWarnings !== undefined && report.summary.warnings > args.maxWarnings;
	return report.summary.errors > 0 || tooManyWarnings;
}
