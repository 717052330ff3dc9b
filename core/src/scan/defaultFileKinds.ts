import { javaScriptFileKinds } from './javascript/javaScriptFileKinds';
import { pythonFileKinds } from './python/pythonFileKinds';
import type { SourceFileKinds } from './sourceFileKinds';

/**
 * The files of `defaultFrontEnds` (./frontEnds.ts), front end by front end, without their parsers:
 * for the VS Code client, which must not bundle them. A test checks that both lists agree.
 */
export const defaultFileKinds: readonly SourceFileKinds[] = [javaScriptFileKinds, pythonFileKinds];
