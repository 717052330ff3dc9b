import type { RuleSeverities, SeveritySetting } from '../../core/src/index';
import { ArgumentReader, UsageError } from './argumentReader';

export { UsageError } from './argumentReader';
export { usage } from './usage';

export const outputFormats = ['text', 'json', 'sarif', 'junit', 'github'] as const;
export type OutputFormat = (typeof outputFormats)[number];

export const reportFormats = ['md', 'csv', 'html'] as const;
export type ReportFormat = (typeof reportFormats)[number];

export interface CheckArguments {
	readonly command: 'check';
	readonly paths: readonly string[];
	readonly plan?: string;
	readonly format: OutputFormat;
	/** Exit 1 when warnings exceed this; unlimited when undefined. */
	readonly maxWarnings?: number;
	/** Errors only, in the output and the exit code. */
	readonly quiet: boolean;
	readonly severities: RuleSeverities;
	/** Files larger than this many bytes are skipped (with an information finding). */
	readonly maxFileSize?: number;
}

export interface InitArguments {
	readonly command: 'init';
	readonly folder: string;
	/** Overwrite an existing plan. */
	readonly force: boolean;
	readonly maxFileSize?: number;
}

export interface ReportArguments {
	readonly command: 'report';
	readonly folder: string;
	readonly plan?: string;
	readonly format: ReportFormat;
	/** A file to write; stdout when undefined. */
	readonly output?: string;
	readonly severities: RuleSeverities;
	readonly maxFileSize?: number;
}

export type CliArguments = CheckArguments | InitArguments | ReportArguments | { readonly command: 'help' } | { readonly command: 'version' };

export function parseArguments(argv: readonly string[]): CliArguments {
	const [command, ...rest] = argv;
	if (command === undefined || command === '--help' || command === '-h' || command === 'help') return { command: 'help' };
	if (command === '--version' || command === '-v') return { command: 'version' };
	if (rest.includes('--help') || rest.includes('-h')) return { command: 'help' };
	switch (command) {
		case 'check':
			return parseCheck(new ArgumentReader(rest));
		case 'init':
			return parseInit(new ArgumentReader(rest));
		case 'report':
			return parseReport(new ArgumentReader(rest));
		default:
			throw new UsageError(`Unknown command "${command}".`);
	}
}

function parseCheck(reader: ArgumentReader): CheckArguments {
	const paths: string[] = [];
	const severities: Record<string, SeveritySetting> = {};
	let plan: string | undefined;
	let format: OutputFormat = 'text';
	let maxWarnings: number | undefined;
	let maxFileSize: number | undefined;
	let quiet = false;
	while (reader.next()) {
		switch (reader.current) {
			case '--plan':
				plan = reader.value();
				break;
			case '--format':
				format = reader.oneOf(outputFormats);
				break;
			case '--max-warnings':
				maxWarnings = reader.wholeNumber();
				break;
			case '--quiet':
			case '-q':
				quiet = true;
				break;
			case '--max-file-size':
				maxFileSize = reader.size();
				break;
			case '--rule': {
				const [code, severity] = reader.ruleSeverity();
				severities[code] = severity;
				break;
			}
			default:
				if (reader.isOption) throw reader.unknownOption();
				paths.push(reader.current);
		}
	}
	return {
		command: 'check',
		paths: paths.length > 0 ? paths : ['.'],
		...(plan !== undefined ? { plan } : {}),
		format,
		...(maxWarnings !== undefined ? { maxWarnings } : {}),
		quiet,
		...(maxFileSize !== undefined ? { maxFileSize } : {}),
		severities,
	};
}

function parseInit(reader: ArgumentReader): InitArguments {
	const folders: string[] = [];
	let force = false;
	let maxFileSize: number | undefined;
	while (reader.next()) {
		switch (reader.current) {
			case '--force':
			case '-f':
				force = true;
				break;
			case '--max-file-size':
				maxFileSize = reader.size();
				break;
			default:
				if (reader.isOption) throw reader.unknownOption();
				folders.push(reader.current);
		}
	}
	if (folders.length > 1) throw new UsageError(`init takes one folder; got ${folders.length}.`);
	return { command: 'init', folder: folders[0] ?? '.', force, ...(maxFileSize !== undefined ? { maxFileSize } : {}) };
}

function parseReport(reader: ArgumentReader): ReportArguments {
	const folders: string[] = [];
	const severities: Record<string, SeveritySetting> = {};
	let plan: string | undefined;
	let format: ReportFormat | undefined;
	let output: string | undefined;
	let maxFileSize: number | undefined;
	while (reader.next()) {
		switch (reader.current) {
			case '--plan':
				plan = reader.value();
				break;
			case '--format':
				format = reader.oneOf(reportFormats);
				break;
			case '--output':
			case '-o':
				output = reader.value();
				break;
			case '--max-file-size':
				maxFileSize = reader.size();
				break;
			case '--rule': {
				const [code, severity] = reader.ruleSeverity();
				severities[code] = severity;
				break;
			}
			default:
				if (reader.isOption) throw reader.unknownOption();
				folders.push(reader.current);
		}
	}
	if (folders.length > 1) throw new UsageError(`report takes one folder; got ${folders.length}.`);
	return {
		command: 'report',
		folder: folders[0] ?? '.',
		...(plan !== undefined ? { plan } : {}),
		format: format ?? formatFromFileName(output) ?? 'md',
		...(output !== undefined ? { output } : {}),
		severities,
		...(maxFileSize !== undefined ? { maxFileSize } : {}),
	};
}

/** `workbook.html` → html, `accounts.csv` → csv, `WORKBOOK.md` → md. */
function formatFromFileName(file: string | undefined): ReportFormat | undefined {
	const extension = file?.toLowerCase().match(/\.(md|markdown|csv|html?)$/)?.[1];
	if (!extension) return undefined;
	return extension.startsWith('htm') ? 'html' : extension === 'csv' ? 'csv' : 'md';
}
