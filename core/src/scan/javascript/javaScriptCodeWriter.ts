import type { TextEdit } from '../../edits/textEdit';
import type { TextRange } from '../../text/textRange';
import type { GroupsInsertion } from '../callFacts';
import type { CodeWriter } from '../codeWriter';
import { extractEmbeddedScripts } from './embeddedScripts';
import { sourceKindOf } from './fileKinds';

/**
 * Writing names and groups into JavaScript/TypeScript (rename, "Change to", the missing-groups fix,
 * completion), so the code still parses and still means that name, whatever characters it has.
 */
export const javaScriptCodeWriter: CodeWriter = {
	writeName: writeNameInCode,
	whyNameCannotBeWritten: whyNameCannotBeWrittenInCode,
	nameSpan,
	insertGroups: (insertion, groupTypes) => insertionEdit(insertion, groupTypes.map((type) => `${objectKey(type)}: ${placeholderValue(type)}`)),
	insertTraits: (insertion, traits) => traitsEdit(insertion, traits),
	groupKey: (name) => `${objectKey(name)}: `,
};

/** A placeholder value the user fills in: an empty string, marked so it is easy to spot. */
function placeholderValue(what: string): string {
	return `'' /* TODO: ${what.replace(/\*\//g, '')} value */`;
}

/** A name as an object literal's key: an identifier if it is one, else a single-quoted key. */
function objectKey(name: string): string {
	return /^[A-Za-z_$][\w$]*$/.test(name) ? name : `'${escapedFor("'", name)}'`;
}

/** The text that adds `entries` (already `key: value` strings) to a call at a recorded insertion point. */
function insertionEdit(insertion: GroupsInsertion, entries: readonly string[]): TextEdit {
	const body = entries.join(', ');
	const comma = insertion.needsComma ? ', ' : '';
	const skipped = 'undefined, '.repeat(insertion.placeholders);
	let text: string;
	switch (insertion.form) {
		case 'groups-entry':
			text = `${comma}${body}`;
			break;
		case 'object-entry':
			text = `${comma}groups: { ${body} }`;
			break;
		case 'argument':
			text = `${comma}${skipped}{ groups: { ${body} } }`;
			break;
		case 'segment-options':
			text = `${comma}${skipped}{ integrations: { Amplitude: { groups: { ${body} } } } }`;
			break;
	}
	return { range: { start: insertion.offset, end: insertion.offset }, newText: text };
}

/** Segment traits: entries of the traits object, or a traits argument of their own. */
function traitsEdit(insertion: GroupsInsertion, traits: readonly string[]): TextEdit {
	const entries = traits.map((trait) => `${objectKey(trait)}: '' /* TODO: ${trait.replace(/\*\//g, '')} */`);
	const comma = insertion.needsComma ? ', ' : '';
	const newText = insertion.form === 'argument' ? `${comma}${'undefined, '.repeat(insertion.placeholders)}{ ${entries.join(', ')} }` : `${comma}${entries.join(', ')}`;
	return { range: { start: insertion.offset, end: insertion.offset }, newText };
}

/**
 * The edit that writes `name` where code wrote another name at `range` (a literal's text without
 * its quotes, or an object key), valid where it stands: inside a string or template literal, escaped
 * for its quotes; as an object key, an identifier if it is one, else a quoted key; a shorthand key
 * (`{ company }`) keeps its value (`'new name': company`); inside an HTML event-handler attribute,
 * the attribute's quote and `&` as character references.
 */
function writeNameInCode(uri: string, text: string, range: TextRange, name: string): TextEdit {
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
function whyNameCannotBeWrittenInCode(uri: string, text: string, range: TextRange, name: string): string | undefined {
	const quote = attributeQuote(uri, text, range.start);
	if (!quote) return undefined;
	const bad = [...name].find((c) => c === '&' || c === quote);
	return bad === undefined ? undefined : `it is inside an HTML attribute quoted with ${quote}, where ${JSON.stringify(bad)} must be written as a character reference that Trackplan does not read back`;
}

/** Where exactly `name` is written in `range`: the range itself, or inside it when it spans the quotes too; undefined when it is written otherwise. */
function nameSpan(text: string, range: TextRange, name: string): TextRange | undefined {
	const written = text.slice(range.start, range.end);
	if (written === name) return range;
	const quote = written[0];
	if (written.length === name.length + 2 && (quote === "'" || quote === '"' || quote === '`') && written.endsWith(quote) && written.slice(1, -1) === name) return { start: range.start + 1, end: range.end - 1 };
	return undefined;
}

function codeEdit(text: string, range: TextRange, name: string): TextEdit {
	const quote = text[range.start - 1];
	// A literal's content; or, while completion types it, a string not closed yet (nothing after the name on its line).
	const closed = text[range.end] === quote || /^[ \t]*(?:[\r\n]|$)/.test(text.slice(range.end, range.end + 200));
	if ((quote === "'" || quote === '"' || quote === '`') && closed) return { range, newText: escapedFor(quote, name) };
	const key = objectKey(name);
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
