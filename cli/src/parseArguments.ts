import { isRuleCode, type RuleSeverities, type SeveritySetting } from '../../core/src/index';

export const outputFormats = ['text', 'json'] as const;
export type OutputFormat = (typeof outputFormats)[number];

export interface CheckArguments {
	readonly command: 'check';
	readonly paths: readonly string[];
	readonly plan?: string;
	readonly format: OutputFormat;
	/** Exit 1 when warnings exceed this; unlimited when undefined. */
	readonly maxWarnings?: number;
	readonly severities: RuleSeverities;
	/** Files larger than this many bytes are skipped (with an information finding). */
	readonly maxFileSize?: number;
}

export type CliArguments = CheckArguments | { readonly command: 'help' } | { readonly command: 'version' };

/** A usage mistake: the CLI prints it with the usage and exits 2. */
export class UsageError extends Error {}

const severitySettings: readonly SeveritySetting[] = ['off', 'hint', 'information', 'warning', 'error'];

export function parseArguments(argv: readonly string[]): CliArguments {
	const [command, ...rest] = argv;
	if (command === undefined || command === '--help' || command === '-h' || command === 'help') return { command: 'help' };
	if (command === '--version' || command === '-v') return { command: 'version' };
	if (command !== 'check') throw new UsageError(`Unknown command "${command}".`);

	const paths: string[] = [];
	const severities: Record<string, SeveritySetting> = {};
	let plan: string | undefined;
	let format: OutputFormat = 'text';
	let maxWarnings: number | undefined;
	let maxFileSize: number | undefined;
	for (let i = 0; i < rest.length; i++) {
		const arg = rest[i]!;
		const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
		const value = (): string => {
			const v = inline ?? rest[++i];
			if (v === undefined || v === '') throw new UsageError(`${flag} needs a value.`);
			return v;
		};
		switch (flag) {
			case '--help':
			case '-h':
				return { command: 'help' };
			case '--plan':
				plan = value();
				break;
			case '--format': {
				const v = value();
				if (!(outputFormats as readonly string[]).includes(v)) throw new UsageError(`--format must be one of ${outputFormats.join(', ')}; got "${v}".`);
				format = v as OutputFormat;
				break;
			}
			case '--max-warnings': {
				const v = value();
				if (!/^\d+$/.test(v)) throw new UsageError(`--max-warnings needs a whole number; got "${v}".`);
				maxWarnings = Number(v);
				break;
			}
			case '--max-file-size': {
				const v = value();
				const match = /^(\d+)(k|kb|m|mb)?$/i.exec(v);
				if (!match) throw new UsageError(`--max-file-size needs a size like 1048576, 512kb or 2mb; got "${v}".`);
				const unit = match[2]?.toLowerCase().startsWith('m') ? 1024 * 1024 : match[2] ? 1024 : 1;
				maxFileSize = Number(match[1]) * unit;
				break;
			}
			case '--rule': {
				const v = value();
				const [code, severity] = v.split('=');
				if (!code || !isRuleCode(code)) throw new UsageError(`--rule: unknown rule code "${code ?? ''}".`);
				if (!severity || !(severitySettings as readonly string[]).includes(severity)) {
					throw new UsageError(`--rule ${code}=…: severity must be one of ${severitySettings.join(', ')}.`);
				}
				severities[code] = severity as SeveritySetting;
				break;
			}
			default:
				if (arg.startsWith('-')) throw new UsageError(`Unknown option "${arg}".`);
				paths.push(arg);
		}
	}
	return {
		command: 'check',
		paths: paths.length > 0 ? paths : ['.'],
		...(plan !== undefined ? { plan } : {}),
		format,
		...(maxWarnings !== undefined ? { maxWarnings } : {}),
		...(maxFileSize !== undefined ? { maxFileSize } : {}),
		severities,
	};
}

export const usage = `Usage: trackplan check [paths…] [options]

Checks Amplitude Accounts (group analytics) instrumentation against tracking-plan.yaml.
Every tracking-plan.yaml / .yml under the paths (or the nearest one above them) is checked,
with every JavaScript/TypeScript source file it governs (node_modules and .git are skipped).

Options:
  --plan FILE          use this plan for everything, instead of discovering plans
  --format text|json   output format (default: text)
  --max-warnings N     exit 1 when there are more than N warnings
  --rule CODE=LEVEL    set a rule's severity: off|hint|information|warning|error
  --max-file-size SIZE skip source files larger than SIZE (default 1mb; e.g. 512kb, 4mb)
  -h, --help           show this help
  -v, --version        show the version

Exit codes: 0 no errors (and warnings within --max-warnings), 1 findings over the bar, 2 usage or configuration error.`;
