import type { TextEdit } from '../../edits/textEdit';
import type { TextRange } from '../../text/textRange';
import type { GroupsInsertion } from '../callFacts';
import type { CodeWriter } from '../codeWriter';
import { kindOf, literalAt, literalValue, openingBefore, stringLiteral, writtenContent, type PythonStringLiteral } from './pythonStringLiterals';

/**
 * Writing names and groups into Python (rename, "Change to", the missing-groups fix, completion),
 * so the code still parses and still means that name: every string literal form (`'…'`, `"…"`,
 * triple quotes, `r`/`u`/`f` prefixes), dict keys (always quoted strings in Python), and the
 * keyword arguments the SDKs take (`groups=`, `traits=`, `integrations=`).
 */
export const pythonCodeWriter: CodeWriter = {
	writeName,
	whyNameCannotBeWritten,
	nameSpan,
	insertGroups: (insertion, groupTypes, text) => groupsEdit(insertion, groupTypes, quoteCharNear(text, insertion.offset)),
	insertTraits: (insertion, traits, text) => traitsEdit(insertion, traits, quoteCharNear(text, insertion.offset)),
	groupKey: (name) => `${stringLiteral(name, '"')}: `,
};

/**
 * The placeholder value of an inserted group or trait: a name nobody defined (`TODO_company`).
 * Python has no inline comment (`""  # TODO` would comment out the rest of the call), and an
 * empty string or `...` would parse, run and send a wrong or unserialisable value from the SDK's
 * background worker, where nobody sees it. An undefined name is valid syntax, says what to fill in,
 * is flagged in the editor by every Python linter and type checker (pyflakes F821, Pylance), and
 * raises NameError at the call itself the first time it runs: it cannot ship silently.
 */
function placeholderValue(what: string): string {
	return `TODO_${what.replace(/[^A-Za-z0-9_]+/g, '_').replace(/^_+|_+$/g, '') || 'value'}`;
}

function entries(names: readonly string[], quoteChar: string): string {
	return names.map((name) => `${stringLiteral(name, quoteChar)}: ${placeholderValue(name)}`).join(', ');
}

/**
 * The groups at a recorded insertion point, as keyword arguments where a call takes them (so
 * positional arguments the call leaves out need no filler: `placeholders` plays no part), in the
 * file's quote style; dicts without inner spaces, as black and ruff format them.
 */
function groupsEdit(insertion: GroupsInsertion, groupTypes: readonly string[], q: string): TextEdit {
	const body = entries(groupTypes, q);
	const comma = insertion.needsComma ? ', ' : '';
	let newText: string;
	switch (insertion.form) {
		case 'groups-entry':
			newText = `${comma}${body}`;
			break;
		case 'object-entry':
			newText = `${comma}${q}groups${q}: {${body}}`;
			break;
		case 'argument':
			newText = `${comma}groups={${body}}`;
			break;
		case 'segment-options':
			newText = `${comma}integrations={${q}Amplitude${q}: {${q}groups${q}: {${body}}}}`;
			break;
	}
	return { range: { start: insertion.offset, end: insertion.offset }, newText };
}

/** Segment traits: entries of the traits dict, or a `traits=` keyword argument of their own (Segment's Python `group` names it so). */
function traitsEdit(insertion: GroupsInsertion, traits: readonly string[], q: string): TextEdit {
	const comma = insertion.needsComma ? ', ' : '';
	const body = entries(traits, q);
	const newText = insertion.form === 'argument' ? `${comma}traits={${body}}` : `${comma}${body}`;
	return { range: { start: insertion.offset, end: insertion.offset }, newText };
}

/**
 * The quote the code around `offset` uses: the nearest quote character before it, most often the
 * closing quote of the call's last string. Double quotes (black's and ruff's default) when none is near.
 */
function quoteCharNear(text: string, offset: number): string {
	for (let i = Math.min(offset, text.length) - 1; i >= Math.max(0, offset - 2000); i--) {
		const c = text[i];
		if (c === '"' || c === "'") return c;
		if (c === '\n' && /^\s*(?:def|class|@)/.test(text.slice(i + 1, i + 20))) break;
	}
	return '"';
}

/**
 * The edit that writes `name` where code wrote another name at `range`: inside a string literal,
 * written for its quotes and prefix (escaped, braces doubled in an f-string); a raw string that
 * cannot hold the name becomes the plain string of the same quotes (`r"a"` → `"it\"s"`); a keyword
 * argument used as a key (`dict(company=…)`) takes the name as written (whyNameCannotBeWritten
 * refuses names that are not identifiers there).
 */
function writeName(_uri: string, text: string, range: TextRange, name: string): TextEdit {
	const literal = literalAt(text, range);
	if (!literal) return { range, newText: writtenOutsideLiteral(text, range, name) };
	const written = writtenContent(kindOf(literal), name);
	if (written !== undefined) return { range: literal.content, newText: written };
	const prefix = literal.prefix.replace(/r/gi, '');
	const unraw = writtenContent(kindOf({ prefix, quote: literal.quote }), name)!;
	return { range: literal.range, newText: `${prefix}${literal.quote}${unraw}${literal.quote}` };
}

/** A keyword argument's name as it is; in a string not closed yet, escaped for its opening quote; anywhere else a new str literal. */
function writtenOutsideLiteral(text: string, range: TextRange, name: string): string {
	if (keywordArgumentAt(text, range)) return name;
	const opening = openingBefore(text, range.start);
	return opening ? (writtenContent(kindOf(opening), name) ?? name) : stringLiteral(name, '"');
}

function whyNameCannotBeWritten(_uri: string, text: string, range: TextRange, name: string): string | undefined {
	const literal = literalAt(text, range);
	if (literal && kindOf(literal).bytes) return 'it is a bytes literal (b"…"), and Amplitude names are str: make it a str literal first';
	if (literal || !keywordArgumentAt(text, range) || isPythonIdentifier(name)) return undefined;
	const keyword = text.slice(range.start, range.end);
	return `it is the keyword argument ${keyword}=, and ${JSON.stringify(name)} is not a Python identifier: write that mapping with string keys first`;
}

/**
 * Where exactly `name` is written in `range`: the content of the string literal `range` is (or
 * spans, prefix and quotes included) when that literal reads as `name` once its escapes are
 * decoded; a keyword argument named `name`; undefined otherwise (a constant's identifier, another name).
 */
function nameSpan(text: string, range: TextRange, name: string): TextRange | undefined {
	const literal = literalAt(text, range);
	if (literal) return holds(text, literal, name) ? literal.content : undefined;
	return text.slice(range.start, range.end) === name && keywordArgumentAt(text, range) ? range : undefined;
}

/** Whether the literal reads as `name` once Python has read its escapes and doubled braces (the name a scan reports is that value). */
function holds(text: string, literal: PythonStringLiteral, name: string): boolean {
	return literalValue(text, literal) === name;
}

/** Whether `range` is an identifier followed by `=` (a keyword argument, not a comparison). */
function keywordArgumentAt(text: string, range: TextRange): boolean {
	return /^[A-Za-z_]\w*$/.test(text.slice(range.start, range.end)) && /^\s*=(?!=)/.test(text.slice(range.end, range.end + 40));
}

const keywords = new Set(
	[
		...['False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del', 'elif', 'else', 'except'],
		...['finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise', 'return', 'try'],
		...['while', 'with', 'yield'],
	],
);

/** An ASCII Python identifier that is not a keyword (non-ASCII identifiers are NFKC-normalised by Python, so a key could change: not written). */
function isPythonIdentifier(name: string): boolean {
	return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !keywords.has(name);
}
