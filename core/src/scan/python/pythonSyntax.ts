import type { TextRange } from '../../text/textRange';
import { fieldOf, type SyntaxNode } from '../treeSitter/syntaxNodes';
import { literalValue } from './pythonStringLiterals';

/** Node types of tree-sitter-python 0.25 the front end reads (see test/core/scan/python/grammarLoads.test.ts). */

/** A Python string literal's value, when it is a constant `str` (no placeholders, not bytes); with where its text is written. */
export interface StringLiteral {
	readonly value: string;
	/** The text between the quotes. */
	readonly inner: TextRange;
	readonly quote: string;
	readonly prefix: string;
}

/** `'a'`, `"a"`, `'''a'''`, `r'a'`, `f'a'` (no `{…}`), and implicit concatenations of them. */
export function stringLiteral(text: string, node: SyntaxNode): StringLiteral | undefined {
	if (node.type === 'concatenated_string') {
		const parts = node.children.map((child) => stringLiteral(text, child));
		if (parts.length === 0 || parts.some((part) => part === undefined)) return undefined;
		const first = parts[0]!;
		return { ...first, value: parts.map((part) => part!.value).join(''), inner: { start: first.inner.start, end: parts[parts.length - 1]!.inner.end } };
	}
	if (node.type !== 'string' || node.broken) return undefined;
	const start = node.children[0];
	const end = node.children[node.children.length - 1];
	if (!start || start.type !== 'string_start' || !end || end.type !== 'string_end' || start === end) return undefined;
	if (node.children.some((child) => child.type === 'interpolation' || child.broken)) return undefined;
	const opening = text.slice(start.start, start.end);
	const prefix = /^[A-Za-z]*/.exec(opening)![0].toLowerCase();
	if (prefix.includes('b')) return undefined;
	const quote = opening.slice(prefix.length);
	const inner = { start: start.end, end: end.start };
	const value = literalValue(text, { range: { start: node.start, end: node.end }, prefix, quote, content: inner });
	return value === undefined ? undefined : { value, inner, quote, prefix };
}

/** The arguments of a call: positional ones in order, keyword ones by name, and whether `*args`/`**kwargs` make the rest unknowable. */
export interface Arguments {
	readonly node: SyntaxNode | undefined;
	readonly positional: readonly SyntaxNode[];
	readonly keywords: ReadonlyMap<string, { readonly name: SyntaxNode; readonly value: SyntaxNode; readonly node: SyntaxNode }>;
	readonly splat: boolean;
	/** The last argument (positional or keyword), for appending one after it. */
	readonly last: SyntaxNode | undefined;
}

export function callArguments(text: string, call: SyntaxNode): Arguments {
	const node = fieldOf(call, 'arguments');
	const positional: SyntaxNode[] = [];
	const keywords = new Map<string, { name: SyntaxNode; value: SyntaxNode; node: SyntaxNode }>();
	let splat = false;
	let last: SyntaxNode | undefined;
	if (node?.type === 'argument_list') {
		for (const child of node.children) {
			last = child;
			if (child.type === 'keyword_argument') {
				const name = fieldOf(child, 'name');
				const value = fieldOf(child, 'value');
				if (name && value) keywords.set(text.slice(name.start, name.end), { name, value, node: child });
			} else if (child.type === 'list_splat' || child.type === 'dictionary_splat') {
				splat = true;
			} else {
				positional.push(child);
			}
		}
	} else if (node) {
		positional.push(node);
		last = node;
	}
	return { node, positional, keywords, splat, last };
}

/** A positional-or-keyword parameter: `f(a)` or `f(name=a)`. */
export function argument(args: Arguments, index: number, name: string): SyntaxNode | undefined {
	return args.keywords.get(name)?.value ?? args.positional[index];
}

/** `x`, `(x)`, `x: T` … without parentheses. */
export function unwrap(node: SyntaxNode): SyntaxNode {
	let current = node;
	while (current.type === 'parenthesized_expression' && current.children.length === 1) current = current.children[0]!;
	return current;
}

/** The dotted name of `a.b.c` when it is only identifiers and attributes. */
export function dottedName(text: string, node: SyntaxNode): string[] | undefined {
	const names: string[] = [];
	let current: SyntaxNode | undefined = unwrap(node);
	while (current?.type === 'attribute') {
		const attribute = fieldOf(current, 'attribute');
		if (!attribute) return undefined;
		names.unshift(text.slice(attribute.start, attribute.end));
		current = fieldOf(current, 'object');
		current = current && unwrap(current);
	}
	if (current?.type !== 'identifier') return undefined;
	names.unshift(text.slice(current.start, current.end));
	return names;
}

export function isNone(node: SyntaxNode | undefined): boolean {
	return node?.type === 'none';
}
