/**
 * The JavaScript/TypeScript front end of the scanner: one file in, language-agnostic call facts
 * out (see ../callFacts.ts). Pure: imports only `typescript`.
 */
import type { SourceFrontEnd } from '../sourceFrontEnd';
import { isJavaScriptLike, mayContainGroupCalls } from './fileKinds';
import { javaScriptCodeWriter } from './javaScriptCodeWriter';
import { javaScriptCompletionContext } from './javaScriptCompletionContexts';
import { resolveJavaScriptModule } from './javaScriptModules';
import { javaScriptFileKinds } from './javaScriptFileKinds';
import { scanEditedJavaScriptFile, scanJavaScriptFile } from './scanJavaScriptFile';

export { scanJavaScriptFile } from './scanJavaScriptFile';
export { isJavaScriptLike, mayContainGroupCalls, triggerPattern } from './fileKinds';
export { settleCandidateCall } from './candidateCalls';

/** The front end, ready for `defaultFrontEnds`. */
export const javaScriptFrontEnd: SourceFrontEnd = {
	language: 'javascript',
	files: javaScriptFileKinds,
	handles: isJavaScriptLike,
	mayContainGroupCalls,
	scan: scanJavaScriptFile,
	scanEdited: scanEditedJavaScriptFile,
	isReady: () => true,
	resolveModule: resolveJavaScriptModule,
	code: javaScriptCodeWriter,
	completionContext: javaScriptCompletionContext,
};
