import type { TextRange } from '../../text/textRange';
import type { QuickFix } from './codeAction';

/**
 * "Change to X": replaces a misspelt name, only where the name is written as a literal at that
 * range (a name that comes from a constant is changed where the constant is defined, not here).
 */
export function replaceNameFix(uri: string, text: string, range: TextRange, current: string, suggestion: string, diagnostic: number): QuickFix | undefined {
	if (text.slice(range.start, range.end) !== current) return undefined;
	return {
		title: `Change to "${suggestion}"`,
		isPreferred: true,
		edits: { [uri]: [{ range, newText: suggestion }] },
		diagnostic,
	};
}
