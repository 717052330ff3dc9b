import { ConfigurationError } from '../../core/src/index';
import { streamWriter, type CliIo } from './cliIo';
import { parseArguments, usage, UsageError } from './parseArguments';
import { runCheck } from './runCheck';
import { runInit } from './runInit';
import { runReport } from './runReport';
import { trackplanVersion } from './version';

export type { CliIo } from './cliIo';

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
	try {
		switch (args.command) {
			case 'help':
				io.stdout(`${usage}\n`);
				return 0;
			case 'version':
				io.stdout(`${trackplanVersion()}\n`);
				return 0;
			case 'init':
				return await runInit(args, io);
			case 'report':
				return await runReport(args, io);
			case 'check':
				return await runCheck(args, io);
		}
	} catch (error) {
		if (!(error instanceof ConfigurationError)) throw error;
		io.stderr(`trackplan: ${error.message}\n`);
		return 2;
	}
}

if (require.main === module) {
	const stdout = streamWriter(process.stdout);
	const stderr = streamWriter(process.stderr);
	// Output that could not be written (not a reader that left: see streamWriter) fails the run: CI must not take a truncated report for a clean one.
	let told = false;
	const exitCode = (code: number) => {
		const failure = stdout.failure();
		if (failure === undefined) return code;
		if (!told) stderr.write(`trackplan: cannot write the output: ${failure.message}\n`);
		told = true;
		return 2;
	};
	runCli(process.argv.slice(2), { cwd: process.cwd(), stdout: stdout.write, stderr: stderr.write }).then(
		(code) => {
			process.exitCode = exitCode(code);
			// A write still pending may fail after the run ended.
			process.once('beforeExit', () => (process.exitCode = exitCode(code)));
		},
		(error: unknown) => {
			stderr.write(`trackplan: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
			process.exitCode = 2;
		},
	);
}
