import type { Document } from 'yaml';
import { parsePlanYaml } from '../plan/yamlNodes';
import type { TextEdit } from './textEdit';

/** The only text an insertion may replace: an empty value's null token (`~`, `null`, `!!null`) and the spaces around it. */
const nullToken = /^[ \t]*(?:!!null)?[ \t]*(?:~|null|Null|NULL)?[ \t]*$/;

/**
 * The last line of defence of every plan insertion: applied to the text, the edit must leave a plan
 * that parses without an error or a warning to exactly the old data plus the new entry at
 * `entryPath` (deep equality, aliases expanded; for a plan with `<<` keys, with and without merge
 * keys resolved, so tools that merge see no other change either), and replace nothing but a null
 * token. When it does not hold, the caller offers no edit: refuse rather than guess.
 */
export function insertionKeepsData(document: Document.Parsed, text: string, edit: TextEdit, entryPath: readonly string[], entry: unknown): boolean {
	if (!nullToken.test(text.slice(edit.range.start, edit.range.end))) return false;
	const edited = text.slice(0, edit.range.start) + edit.newText + text.slice(edit.range.end);
	const readings = text.includes('<<') ? [false, true] : [false];
	return readings.every((merge) => {
		const before = merge ? mergedReading(document, text) : document;
		const after = parsePlanYaml(edited, { keepSourceTokens: false, ...(merge ? { merge } : {}) });
		if (before.errors.length > 0 || before.warnings.length > 0 || after.errors.length > 0 || after.warnings.length > 0) return false;
		const expected = withEntry(dataOf(before), entryPath, entry);
		return expected !== refused && sameData(expected, dataOf(after));
	});
}

const refused = Symbol('refused');
const mergedByDocument = new WeakMap<Document.Parsed, Document.Parsed>();

/** The old text read with merge keys resolved, once per parsed plan. */
function mergedReading(document: Document.Parsed, text: string): Document.Parsed {
	let merged = mergedByDocument.get(document);
	if (!merged) mergedByDocument.set(document, (merged = parsePlanYaml(text, { merge: true, keepSourceTokens: false })));
	return merged;
}
const dataByDocument = new WeakMap<Document.Parsed, unknown>();

/** The document as plain data, aliases expanded (the plan passed the alias-bomb check, or it has a plan-syntax error and no edit is offered). */
function dataOf(document: Document.Parsed): unknown {
	if (dataByDocument.has(document)) return dataByDocument.get(document);
	let data: unknown;
	try {
		data = document.toJS({ maxAliasCount: -1 });
	} catch {
		data = refused;
	}
	dataByDocument.set(document, data);
	return data;
}

/** `data` with `value` at `path`, creating missing or empty parents; `refused` when a parent is not a mapping or the key exists already. */
function withEntry(data: unknown, path: readonly string[], value: unknown): unknown {
	if (data === refused) return refused;
	if (path.length === 0) return value;
	const base = data === null || data === undefined ? {} : data;
	if (!isRecord(base)) return refused;
	const [head, ...rest] = path as [string, ...string[]];
	const present = Object.hasOwn(base, head);
	if (rest.length === 0 && present) return refused;
	const inner = withEntry(present ? base[head] : undefined, rest, value);
	if (inner === refused) return refused;
	const copy: Record<string, unknown> = { ...base };
	// defineProperty, so that a key named `__proto__` is an entry as it is in yaml's output, not the prototype.
	Object.defineProperty(copy, head, { value: inner, writable: true, enumerable: true, configurable: true });
	return copy;
}

function isRecord(value: unknown): value is Record<string, unknown> {
	if (value === null || typeof value !== 'object') return false;
	const prototype = Object.getPrototypeOf(value);
	return prototype === Object.prototype || prototype === null;
}

/** Deep equality of yaml's plain output: key order aside, every value the same (NaN equals NaN). Anything unexpected is unequal. */
export function sameData(a: unknown, b: unknown): boolean {
	if (Object.is(a, b)) return true;
	if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
	if (Array.isArray(a) || Array.isArray(b)) return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => sameData(item, b[i]));
	if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date && Object.is(a.getTime(), b.getTime());
	if (a instanceof Map || b instanceof Map || a instanceof Set || b instanceof Set) {
		return a.constructor === b.constructor && sameData([...(a as Iterable<unknown>)], [...(b as Iterable<unknown>)]);
	}
	if (ArrayBuffer.isView(a) || ArrayBuffer.isView(b)) return ArrayBuffer.isView(a) && ArrayBuffer.isView(b) && sameData([...new Uint8Array(a.buffer, a.byteOffset, a.byteLength)], [...new Uint8Array(b.buffer, b.byteOffset, b.byteLength)]);
	if (!isRecord(a) || !isRecord(b)) return false;
	const keys = Object.keys(a);
	return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && sameData(a[key], b[key]));
}
