import { javaScriptFrontEnd } from './javascript/index';
import { pythonFrontEnd } from './python/index';
import type { SourceFrontEnd } from './sourceFrontEnd';

/** The scanner's language front ends, in the order they are asked whether they handle a file. */
export const defaultFrontEnds: readonly SourceFrontEnd[] = [javaScriptFrontEnd, pythonFrontEnd];
