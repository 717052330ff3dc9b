// Placeholder until the editor helper's pythonCodeWriter.ts is merged (the lead keeps theirs).
import type { CodeWriter } from '../codeWriter';
import { javaScriptCodeWriter } from '../javascript/javaScriptCodeWriter';

export const pythonCodeWriter: CodeWriter = javaScriptCodeWriter;
