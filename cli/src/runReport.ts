import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import {
	buildWorkbook,
	checkWorkspace,
	ConfigurationError,
	defaultFrontEnds,
	displayUri,
	encodeUriComponentBytes,
	neverCancelled,
	renderWorkbookCsv,
	renderWorkbookHtml,
	renderWorkbookMarkdown,
	type Workbook,
} from '../../core/src/index';
import { NodeFileSystem, toPath, toUri } from '../../node/src/nodeFileSystem';
import { nodeWasmAssets } from '../../node/src/nodeWasmAssets';
import type { CliIo } from './cliIo';
import type { ReportArguments, ReportFormat } from './parseArguments';

const renderers: Readonly<Record<ReportFormat, (workbook: Workbook) => string>> = {
	md: renderWorkbookMarkdown,
	csv: renderWorkbookCsv,
	html: renderWorkbookHtml,
};

/** `trackplan report`: the Accounts implementation workbook, to stdout or --output. Findings never fail it. */
export async function runReport(args: ReportArguments, io: CliIo): Promise<number> {
	const absolute = (p: string) => path.resolve(io.cwd, p);
	const result = await checkWorkspace(
		io.files ?? new NodeFileSystem(),
		{
			roots: [toUri(absolute(args.folder))],
			...(args.plan ? { plan: toUri(absolute(args.plan)) } : {}),
			...(args.maxFileSize !== undefined ? { maxFileSize: args.maxFileSize } : {}),
			severities: args.severities,
			frontEnds: defaultFrontEnds,
			wasmAssets: nodeWasmAssets(),
			onUnreadable: (uri, error) => io.stderr(`trackplan: skipped ${displayUri(uri)}: ${error instanceof Error ? error.message : String(error)}\n`),
		},
		neverCancelled,
	);
	const output = args.output !== undefined ? absolute(args.output) : undefined;
	// Links are relative to where the report is read: the output file's folder, or the working directory.
	const linkBase = output ? path.dirname(output) : io.cwd;
	const workbook = buildWorkbook(result.index, result.findings, {
		linkFor: (uri) => relativeLink(linkBase, toPath(uri)),
		displayPath: (uri) => slashes(path.relative(io.cwd, toPath(uri))),
	});
	const text = renderers[args.format](workbook);
	if (!output) {
		io.stdout(text);
		return 0;
	}
	try {
		await fs.mkdir(path.dirname(output), { recursive: true });
		await fs.writeFile(output, text, 'utf8');
	} catch (error) {
		throw new ConfigurationError(`Cannot write ${args.output}: ${error instanceof Error ? error.message : String(error)}`);
	}
	const groupTypes = workbook.projects.reduce((sum, p) => sum + p.groupTypes.length, 0);
	const findings = workbook.projects.reduce((sum, p) => sum + p.findings.length, 0);
	io.stderr(`Wrote ${slashes(path.relative(io.cwd, output))}: the workbook of ${groupTypes} group type${groupTypes === 1 ? '' : 's'}, with ${findings} finding${findings === 1 ? '' : 's'}.\n`);
	return 0;
}

/** A relative URL from `base` to `file`: `/` separators, each segment percent-encoded (parentheses too, for Markdown). */
function relativeLink(base: string, file: string): string {
	return path
		.relative(base, file)
		.split(path.sep)
		.map((segment) => encodeUriComponentBytes(segment).replace(/\(/g, '%28').replace(/\)/g, '%29'))
		.join('/');
}

function slashes(p: string): string {
	return p.split(path.sep).join('/');
}
