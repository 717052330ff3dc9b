/**
 * The Python front end of the scanner: tree-sitter-python (WebAssembly, loaded by `prepare`) in,
 * language-neutral call facts out (see ../callFacts.ts).
 */
import type { SourceFrontEnd } from '../sourceFrontEnd';
import type { WasmAssets } from '../wasmAssets';
import { treeSitterRuntimeWasm } from '../treeSitter/treeSitterRuntime';
import { mayContainPythonGroupCalls } from './prefilter';
import { pythonCodeWriter } from './pythonCodeWriter';
import { pythonCompletionContext } from './pythonCompletionContexts';
import { isPythonFile, pythonFileKinds } from './pythonFileKinds';
import { resolvePythonModule } from './pythonModules';
import { disposePythonState, pythonGrammar, scanEditedPythonFile, scanPythonFile } from './scanPythonFile';

export { scanPythonFile, scanEditedPythonFile, disposePythonState } from './scanPythonFile';

export const pythonFrontEnd: SourceFrontEnd = {
	language: 'python',
	files: pythonFileKinds,
	handles: isPythonFile,
	mayContainGroupCalls: mayContainPythonGroupCalls,
	scan: scanPythonFile,
	scanEdited: scanEditedPythonFile,
	disposeState: disposePythonState,
	wasmFiles: [treeSitterRuntimeWasm, pythonGrammar.file],
	prepare: (assets: WasmAssets) => pythonGrammar.load(assets),
	isReady: () => pythonGrammar.isLoaded,
	resolveModule: resolvePythonModule,
	code: pythonCodeWriter,
	completionContext: pythonCompletionContext,
};
