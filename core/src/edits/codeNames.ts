import { extractEmbeddedScripts } from '../scan/javascript/embeddedScripts';
import { sourceKindOf } from '../scan/javascript/fileKinds';
import type { TextRange } from '../text/textRange';
import type { TextEdit } from './textEdit';

/**
 * Writing a group type, property or event name back into source code (rename, "Change to"), so the
 * code still parses and still means that name, whatever characters it has.
 */

/**
 * The edit that writes `name` where code wrote another name at `range` (a literal's text without
 * its quotes, or an object key), valid where it stands: inside a string or template literal, escaped
 * for its quotes; as an object key, an identifier if it is one, else a quoted key; a shorthand key
 * (`{ company }`) keeps its value (`'new name': company`); inside an HTML event-handler attribute,
 * the attribute's quote and `&` as character references.
 */
export function writeNameInCode(uri: string, text: string, range: TextRange, name: string): TextEdit {
	const edit = codeEdit(text, range, name);
	const quote = attributeQuote(uri, text, range.start);
	if (!quote) return edit;
	return { range: edit.range, newText: edit.newText.replace(/&/g, '&amp;').replace(quote === '"' ? /"/g : /'/g, quote === '"' ? '&quot;' : '&#39;') };
}

/**
 * Why `name` cannot be written where code wrote another name at `range` so that the code still reads
 * that very name; undefined when it can. Inside an HTML event-handler attribute, the attribute's quote
 * and `&` must become character references (`&quot;`, `&amp;`): the browser decodes them, but the
 * scanner reads the attribute as written, so the code would no longer be checked under the new name.
 */
export function whyNameCannotBeWrittenInCode(uri: string, text: string, range: TextRange, name: string): string | undefined {
	const quote = attributeQuote(uri, text, range.start);
	if (!quote) return undefined;
	const bad = [...name].find((c) => c === '&' || c === quote);
	return bad === undefined ? undefined : `it is inside an HTML attribute quoted with ${quote}, where ${JSON.stringify(bad)} must be written as a character reference that Trackplan does not read back`;
}

/** Where exactly `name` is written in `range`: the range itself, or inside it when it spans the quotes too; undefined when it is written otherwise. */
export function nameSpan(text: string, range: TextRange, name: string): TextRange | undefined {
	const written = text.slice(range.start, range.end);
	if (written === name) return range;
	const quote = written[0];
	if (written.length === name.length + 2 && (quote === "'" || quote === '"' || quote === '`') && written.endsWith(quote) && written.slice(1, -1) === name) return { start: range.start + 1, end: range.end - 1 };
	return undefined;
}

function codeEdit(text: string, range: TextRange, name: string): TextEdit {
	const quote = text[range.start - 1];
	if ((quote === "'" || quote === '"' || quote === '`') && text[range.end] === quote) return { range, newText: escapedFor(quote, name) };
	const key = /^[A-Za-z_$][\w$]*$/.test(name) ? name : `'${escapedFor("'", name)}'`;
	const next = /^\s*(\S)/.exec(text.slice(range.end, range.end + 200))?.[1];
	if (next === ',' || next === '}') return { range, newText: `${key}: ${text.slice(range.start, range.end)}` };
	return { range, newText: key };
}

/** `name` as the inside of a literal quoted with `quote` (a template literal's `$` escaped too). */
function escapedFor(quote: string, name: string): string {
	let escaped = '';
	for (const c of name) {
		if (c === '\\' || c === quote || (quote === '`' && c === '$')) escaped += `\\${c}`;
		else if (c === '\n') escaped += '\\n';
		else if (c === '\r') escaped += '\\r';
		else if (c === '\u2028' || c === '\u2029') escaped += `\\u${c.charCodeAt(0).toString(16)}`;
		else escaped += c;
	}
	return escaped;
}

/** In a markup file, the quote of the event-handler attribute (`@click="…"`) that holds `offset`, if one does. */
function attributeQuote(uri: string, text: string, offset: number): string | undefined {
	const kind = sourceKindOf(uri);
	if (kind.kind !== 'markup') return undefined;
	const region = extractEmbeddedScripts(text, kind.dialect).regions.find(([start, end]) => offset >= start && offset < end);
	const quote = region ? text[region[0] - 1] : undefined;
	return quote === '"' || quote === "'" ? quote : undefined;
}
