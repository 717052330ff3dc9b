import type { CancellationToken } from '../cancellation';
import { readPlanText } from '../check/discoverPlans';
import { maxPlanSize } from '../plan/planSizeLimit';
import type { SourceFrontEnd } from '../scan/sourceFrontEnd';
import type { WasmAssets } from '../scan/wasmAssets';
import { documentText } from '../text/documentText';
import { findPlanFiles } from '../workspace/findPlanFiles';
import { dirnameUri, relativeUriPath } from '../workspace/uris';
import type { WorkspaceFileSystem } from '../workspace/workspaceFileSystem';
import { indexWorkspaceFiles } from '../workspaceIndex/indexWorkspaceFiles';
import { WorkspaceIndex } from '../workspaceIndex/workspaceIndex';
import type { InventoryFile } from './instrumentationInventory';

export interface InitialPlanScanOptions {
	readonly frontEnds: readonly SourceFrontEnd[];
	/** Where front ends that parse with WebAssembly read it from. */
	readonly wasmAssets?: WasmAssets;
	readonly maxFileSize?: number;
	readonly onUnreadable?: (uri: string, error: unknown) => void;
}

export interface InitialPlanScan {
	/** Files the new plan will govern that hold calls, with their calls resolved. */
	readonly files: readonly InventoryFile[];
	/** Plans in sub-folders: their files stay governed by them and are left out. */
	readonly nestedPlans: readonly string[];
}

/**
 * Scans the code a plan not yet written at `planUri` will govern, exactly as `check` will once it
 * exists: the plan is put in the index with an empty text (defaults: every file, no Segment
 * mapping of its own), plans in sub-folders keep governing their files. Nothing is written.
 */
export async function scanForInitialPlan(
	files: WorkspaceFileSystem,
	planUri: string,
	options: InitialPlanScanOptions,
	token: CancellationToken,
): Promise<InitialPlanScan> {
	const folder = dirnameUri(planUri);
	const nestedPlans = (await findPlanFiles(files, folder, token, options.onUnreadable)).filter((uri) => dirnameUri(uri) !== folder);
	const index = new WorkspaceIndex({ frontEnds: options.frontEnds, ...(options.wasmAssets ? { wasmAssets: options.wasmAssets } : {}) });
	index.setPlan(planUri, '');
	for (const uri of nestedPlans) index.setPlan(uri, documentText(await readPlanText(files, uri, maxPlanSize(options.maxFileSize))));
	await indexWorkspaceFiles(
		index,
		files,
		[folder],
		{ ...(options.maxFileSize !== undefined ? { maxFileSize: options.maxFileSize } : {}), ...(options.onUnreadable ? { onUnreadable: options.onUnreadable } : {}) },
		token,
	);
	const governed: InventoryFile[] = [];
	for (const { uri, calls } of index.allCalls()) {
		if (index.planFor(uri)?.uri !== planUri) continue;
		governed.push({ path: relativeUriPath(folder, uri) ?? uri, calls, lines: index.lineIndex(uri) });
	}
	return { files: governed, nestedPlans };
}
