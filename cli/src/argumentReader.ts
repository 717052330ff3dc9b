import { isRuleCode, type RuleCode, type SeveritySetting } from '../../core/src/index';

/** A usage mistake: the CLI prints it with the usage and exits 2. */
export class UsageError extends Error {}

const severitySettings: readonly SeveritySetting[] = ['off', 'hint', 'information', 'warning', 'error'];

/** Walks a command's arguments: `--flag value`, `--flag=value`, bare flags and positional arguments. */
export class ArgumentReader {
	private index = -1;
	private inline: string | undefined;
	/** The current flag (without an inline `=value`), or the positional argument. */
	current = '';

	constructor(private readonly args: readonly string[]) {}

	next(): boolean {
		this.index++;
		if (this.index >= this.args.length) return false;
		const arg = this.args[this.index]!;
		const equals = arg.startsWith('--') ? arg.indexOf('=') : -1;
		this.current = equals > 0 ? arg.slice(0, equals) : arg;
		this.inline = equals > 0 ? arg.slice(equals + 1) : undefined;
		return true;
	}

	get isOption(): boolean {
		return this.current.startsWith('-');
	}

	value(): string {
		const value = this.inline ?? this.args[++this.index];
		this.inline = undefined;
		if (value === undefined || value === '') throw new UsageError(`${this.current} needs a value.`);
		return value;
	}

	oneOf<T extends string>(choices: readonly T[]): T {
		const value = this.value();
		if (!(choices as readonly string[]).includes(value)) throw new UsageError(`${this.current} must be one of ${choices.join(', ')}; got "${value}".`);
		return value as T;
	}

	wholeNumber(): number {
		const value = this.value();
		if (!/^\d+$/.test(value)) throw new UsageError(`${this.current} needs a whole number; got "${value}".`);
		return Number(value);
	}

	/** `1048576`, `512kb`, `2mb`. */
	size(): number {
		const value = this.value();
		const match = /^(\d+)(k|kb|m|mb)?$/i.exec(value);
		if (!match) throw new UsageError(`${this.current} needs a size like 1048576, 512kb or 2mb; got "${value}".`);
		const unit = match[2]?.toLowerCase().startsWith('m') ? 1024 * 1024 : match[2] ? 1024 : 1;
		return Number(match[1]) * unit;
	}

	/** `CODE=LEVEL`. */
	ruleSeverity(): [RuleCode, SeveritySetting] {
		const value = this.value();
		const [code, severity] = value.split('=');
		if (!code || !isRuleCode(code)) throw new UsageError(`${this.current}: unknown rule code "${code ?? ''}".`);
		if (!severity || !(severitySettings as readonly string[]).includes(severity)) {
			throw new UsageError(`${this.current} ${code}=…: severity must be one of ${severitySettings.join(', ')}.`);
		}
		return [code, severity as SeveritySetting];
	}

	unknownOption(): UsageError {
		return new UsageError(`Unknown option "${this.args[this.index]}".`);
	}
}
