import * as path from 'node:path';
import { checkWorkspace, ConfigurationError, defaultFrontEnds, displayUri, neverCancelled, type WorkspaceFileSystem } from '../../core/src/index';
import { NodeFileSystem, toUri } from '../../node/src/nodeFileSystem';
import { toCheckReport } from './checkReport';
import { formatJson } from './formatJson';
import { formatSummary, formatText } from './formatText';
import { parseArguments, usage, UsageError, type CheckArguments } from './parseArguments';

declare const TRACKPLAN_VERSION: string | undefined;

export interface CliIo {
	readonly cwd: string;
	readonly stdout: (text: string) => void;
	readonly stderr: (text: string) => void;
	/** The file system to read; Node's by default (tests inject failures). */
	readonly files?: WorkspaceFileSystem;
}

/** Runs the CLI and returns its exit code: 0 clean, 1 findings over the bar, 2 usage or configuration error. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
	let args;
	try {
		args = parseArguments(argv);
	} catch (error) {
		if (!(error instanceof UsageError)) throw error;
		io.stderr(`trackplan: ${error.message}\n\n${usage}\n`);
		return 2;
	}
	if (args.command === 'help') {
		io.stdout(`${usage}\n`);
		return 0;
	}
	if (args.command === 'version') {
		io.stdout(`${typeof TRACKPLAN_VERSION === 'string' ? TRACKPLAN_VERSION : 'dev'}\n`);
		return 0;
	}
	try {
		return await runCheck(args, io);
	} catch (error) {
		if (!(error instanceof ConfigurationError)) throw error;
		io.stderr(`trackplan: ${error.message}\n`);
		return 2;
	}
}

async function runCheck(args: CheckArguments, io: CliIo): Promise<number> {
	const absolute = (p: string) => toUri(path.resolve(io.cwd, p));
	const result = await checkWorkspace(
		io.files ?? new NodeFileSystem(),
		{
			roots: args.paths.map(absolute),
			...(args.plan ? { plan: absolute(args.plan) } : {}),
			...(args.maxFileSize !== undefined ? { maxFileSize: args.maxFileSize } : {}),
			severities: args.severities,
			frontEnds: defaultFrontEnds,
			onUnreadable: (uri, error) => io.stderr(`trackplan: skipped ${displayUri(uri)}: ${error instanceof Error ? error.message : String(error)}\n`),
		},
		neverCancelled,
	);
	const report = toCheckReport(result, io.cwd);
	if (args.format === 'json') {
		io.stdout(formatJson(report));
	} else {
		io.stdout(formatText(report));
		io.stderr(formatSummary(report));
	}
	const tooManyWarnings = args.maxWarnings !== undefined && report.summary.warnings > args.maxWarnings;
	return report.summary.errors > 0 || tooManyWarnings ? 1 : 0;
}

if (require.main === module) {
	runCli(process.argv.slice(2), {
		cwd: process.cwd(),
		stdout: (text) => process.stdout.write(text),
		stderr: (text) => process.stderr.write(text),
	}).then(
		(code) => {
			process.exitCode = code;
		},
		(error: unknown) => {
			process.stderr.write(`trackplan: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
			process.exitCode = 2;
		},
	);
}
