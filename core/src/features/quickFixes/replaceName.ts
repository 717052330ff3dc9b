import type { CodeWriter } from '../../scan/codeWriter';
import { formatKey } from '../../edits/insertPlanEntry';
import type { TextRange } from '../../text/textRange';
import type { QuickFix } from './codeAction';

/**
 * "Change to X": replaces a misspelt name, only where the name is written as a literal at that
 * range (a name that comes from a constant is changed where the constant is defined, not here).
 * In code, the language's writer says where the name is written (a literal whose escapes spell it,
 * `"compn\x61y"`, is one; a constant's identifier is not). The suggestion is written so the file
 * still reads it as that name: quoted in the plan when YAML needs it, escaped or quoted in code
 * (`{ orgId: 1 }` becomes `{ 'org id': 1 }`).
 */
/** `where`: the plan, or code written by `where.code`'s language. */
export function replaceNameFix(uri: string, text: string, range: TextRange, current: string, suggestion: string, diagnostic: number, where: 'plan' | { readonly code: CodeWriter }): QuickFix | undefined {
	const at = where === 'plan' ? (text.slice(range.start, range.end) === current ? range : undefined) : where.code.nameSpan(text, range, current);
	if (!at) return undefined;
	return {
		title: `Change to "${suggestion}"`,
		isPreferred: true,
		edits: { [uri]: [where === 'plan' ? { range: at, newText: formatKey(suggestion) } : where.code.writeName(uri, text, at, suggestion)] },
		diagnostic,
	};
}
