import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { nodeWasmAssets } from '../../../node/src/nodeWasmAssets';
import { checkWorkspace, defaultFrontEnds, documentText, neverCancelled, type WorkspaceIndex } from '../../../core/src/index';
import { NodeFileSystem, toPath, toUri } from '../../../node/src/nodeFileSystem';
import { fixturesRoot, repoRoot } from '../../support/paths';

/** The two workspaces whose sources the fuzzers mutate: the call fixtures and the example app, each with its own plan. */
export const fuzzedWorkspaces = [
	{ name: 'test/fixtures/calls', folder: path.join(fixturesRoot, 'calls'), plan: 'tracking-plan.yaml' },
	{ name: 'examples/acme-saas', folder: path.join(repoRoot, 'examples/acme-saas'), plan: 'tracking-plan.yaml' },
] as const;

export interface LoadedWorkspace {
	readonly name: string;
	readonly planUri: string;
	readonly planText: string;
	/** The whole-workspace index a cold check built (every source the plan governs, imports followed). */
	readonly index: WorkspaceIndex;
	/** Source texts by URI, as on disk (every file the index holds). */
	readonly sources: ReadonlyMap<string, string>;
	/** Internal errors the index reported (rules or front ends that threw); tests empty it and assert it stays empty. */
	readonly internalErrors: string[];
}

/** Checks a fixture workspace cold and keeps its index, so fuzzers can swap one file or the plan and ask again. */
export async function loadWorkspace(workspace: (typeof fuzzedWorkspaces)[number]): Promise<LoadedWorkspace> {
	const internalErrors: string[] = [];
	const result = await checkWorkspace(
		new NodeFileSystem(),
		{
			roots: [toUri(workspace.folder)],
			frontEnds: defaultFrontEnds,
			// the example workspace has Python files: their parser's WebAssembly, as the CLI reads it
			wasmAssets: nodeWasmAssets(),
			onInternalError: (context, error) => internalErrors.push(`${context}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
		},
		neverCancelled,
	);
	const planUri = toUri(path.join(workspace.folder, workspace.plan));
	const sources = new Map(result.index.sourceUris().map((uri) => [uri, documentText(readFileSync(toPath(uri), 'utf8'))]));
	return { name: workspace.name, planUri, planText: readFileSync(toPath(planUri), 'utf8'), index: result.index, sources, internalErrors };
}
