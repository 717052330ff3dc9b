import type { SourceFrontEnd } from '../scan/sourceFrontEnd';
import type { WasmAssets } from '../scan/wasmAssets';

/**
 * Awaits the set-up (`SourceFrontEnd.prepare`) of each front end that reads one of `uris` and is not
 * ready yet, so that scanning them can stay synchronous. Front ends no file needs are left alone: a
 * workspace without Python files never loads the Python parser. A set-up that fails is told to
 * `onError`; that front end's files are then reported as not parsed, the others are checked as usual.
 */
export async function prepareFrontEnds(
	frontEnds: readonly SourceFrontEnd[],
	uris: Iterable<string>,
	assets: WasmAssets | undefined,
	onError?: (context: string, error: unknown) => void,
): Promise<void> {
	// Usually none is left to prepare (every keystroke asks): then no file is looked at.
	const unprepared = frontEnds.filter((frontEnd) => frontEnd.prepare && !frontEnd.isReady());
	if (unprepared.length === 0) return;
	const pending = new Set<SourceFrontEnd>();
	for (const uri of uris) {
		const frontEnd = frontEnds.find((candidate) => candidate.handles(uri));
		if (frontEnd && unprepared.includes(frontEnd)) pending.add(frontEnd);
		if (pending.size === unprepared.length) break;
	}
	await Promise.all(
		[...pending].map(async (frontEnd) => {
			try {
				if (!assets) throw new Error('the host gave no WebAssembly files');
				await frontEnd.prepare!(assets);
			} catch (error) {
				onError?.(`${frontEnd.language} parser set-up`, error);
			}
		}),
	);
}
