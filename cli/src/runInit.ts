import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import {
	collectInstrumentation,
	ConfigurationError,
	defaultFrontEnds,
	displayUri,
	neverCancelled,
	planFileNames,
	renderInitialPlan,
	scanForInitialPlan,
	type WorkspaceFileSystem,
} from '../../core/src/index';
import { NodeFileSystem, toPath, toUri } from '../../node/src/nodeFileSystem';
import { nodeWasmAssets } from '../../node/src/nodeWasmAssets';
import type { CliIo } from './cliIo';
import type { InitArguments } from './parseArguments';

/** `trackplan init`: writes a first plan from what the code sends. Refuses to overwrite one without --force. */
export async function runInit(args: InitArguments, io: CliIo): Promise<number> {
	const files = io.files ?? new NodeFileSystem();
	const folder = path.resolve(io.cwd, args.folder);
	const stat = await files.stat(toUri(folder)).catch(() => undefined);
	if (stat?.type !== 'directory') throw new ConfigurationError(`${folder} is not a folder. Name the folder whose code the plan is for.`);
	const existing = await existingPlan(files, folder);
	const shown = (p: string) => path.relative(io.cwd, p).split(path.sep).join('/') || '.';
	if (existing && !args.force) {
		throw new ConfigurationError(
			`${shown(existing)} already exists, so init wrote nothing. Run \`trackplan check ${shown(folder)}\` against it, or pass --force to replace it with a plan written from the code.`,
		);
	}
	const planPath = existing ?? path.join(folder, planFileNames[0]!);
	const scan = await scanForInitialPlan(
		files,
		toUri(planPath),
		{
			frontEnds: defaultFrontEnds,
			wasmAssets: nodeWasmAssets(),
			...(args.maxFileSize !== undefined ? { maxFileSize: args.maxFileSize } : {}),
			onUnreadable: (uri, error) => io.stderr(`trackplan: skipped ${displayUri(uri)}: ${error instanceof Error ? error.message : String(error)}\n`),
		},
		neverCancelled,
	);
	const inventory = collectInstrumentation(scan.files);
	try {
		await fs.writeFile(planPath, renderInitialPlan(inventory), 'utf8');
	} catch (error) {
		throw new ConfigurationError(`Cannot write ${shown(planPath)}: ${error instanceof Error ? error.message : String(error)}`);
	}

	const properties = inventory.groupTypes.reduce((sum, t) => sum + t.properties.length, 0);
	io.stderr(
		`Wrote ${shown(planPath)}: ${plural(inventory.groupTypes.length, 'group type')}, ${plural(properties, 'group property', 'group properties')} and ${plural(inventory.events.length, 'event')}, ` +
			`from ${plural(inventory.calls, 'call')} in ${plural(inventory.files, 'file')}.\n`,
	);
	if (inventory.unresolved.length > 0) {
		io.stderr(`${plural(inventory.unresolved.length, 'call computes', 'calls compute')} a group type or event name at run time; the plan lists where. Declare those by hand.\n`);
	}
	if (scan.nestedPlans.length > 0) {
		io.stderr(`Left out the files governed by ${scan.nestedPlans.map((uri) => shown(toPath(uri))).join(', ')}.\n`);
	}
	io.stderr(`Fill in its TODOs (descriptions, levels, value formats), then run: trackplan check ${shown(folder)}\n`);
	return 0;
}

async function existingPlan(files: WorkspaceFileSystem, folder: string): Promise<string | undefined> {
	for (const name of planFileNames) {
		const candidate = path.join(folder, name);
		const stat = await files.stat(toUri(candidate)).catch(() => undefined);
		if (stat) return candidate;
	}
	return undefined;
}

function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
	return `${count} ${count === 1 ? singular : pluralForm}`;
}
