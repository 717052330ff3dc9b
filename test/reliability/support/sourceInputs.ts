import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as fc from 'fast-check';
import * as ts from 'typescript';
import { defaultFrontEnds, documentText } from '../../../core/src/index';
import { toUri } from '../../../node/src/nodeFileSystem';
import { fuzzedWorkspaces } from './fixtureWorkspaces';

export interface SourceFixture {
	/** Path relative to the repository's workspace folder it belongs to. */
	readonly name: string;
	readonly uri: string;
	readonly text: string;
	/** The text cut into TypeScript scanner tokens, trivia (whitespace, comments) included: joined, they give `text` back. */
	readonly tokens: readonly string[];
}

/** The JS/TS (and .vue/.svelte/.html) fixtures of the call fixtures and the example workspace. */
export function sourceFixtures(): SourceFixture[] {
	const fixtures: SourceFixture[] = [];
	for (const workspace of fuzzedWorkspaces) {
		const files = readdirSync(workspace.folder, { recursive: true, withFileTypes: true })
			.filter((entry) => entry.isFile())
			.map((entry) => path.join(entry.parentPath, entry.name))
			.filter((file) => defaultFrontEnds.some((frontEnd) => frontEnd.handles(toUri(file))))
			.sort();
		for (const file of files) {
			const text = documentText(readFileSync(file, 'utf8'));
			fixtures.push({ name: path.join(workspace.name, path.relative(workspace.folder, file)), uri: toUri(file), text, tokens: tokenise(text, file) });
		}
	}
	return fixtures;
}

/**
 * Cuts text into tokens with TypeScript's scanner (JSX-aware for .jsx/.tsx), keeping trivia as
 * tokens so that joining them restores the text exactly. Without the parser's context the scanner
 * reads some template and regex continuations as ordinary tokens; that only changes where the cuts
 * fall, never what the joined text is.
 */
export function tokenise(text: string, fileName: string): string[] {
	const variant = /\.(jsx|tsx)$/.test(fileName) ? ts.LanguageVariant.JSX : ts.LanguageVariant.Standard;
	const scanner = ts.createScanner(ts.ScriptTarget.Latest, false, variant, text);
	const tokens: string[] = [];
	let position = 0;
	while (scanner.scan() !== ts.SyntaxKind.EndOfFileToken) {
		const end = scanner.getTokenEnd();
		if (end <= position) break;
		tokens.push(text.slice(position, end));
		position = end;
	}
	if (position < text.length) tokens.push(text.slice(position));
	if (tokens.join('') !== text) throw new Error(`tokenise lost text of ${fileName}`);
	return tokens;
}

/** Token-level edits. Indexes are naturals taken modulo the token count, so they shrink well. */
export type TokenMutation =
	| { readonly kind: 'drop'; readonly at: number; readonly count: number }
	| { readonly kind: 'duplicate'; readonly at: number; readonly count: number }
	| { readonly kind: 'swap'; readonly at: number; readonly other: number }
	| { readonly kind: 'replace'; readonly at: number; readonly token: string }
	| { readonly kind: 'copy'; readonly at: number; readonly from: number }
	| { readonly kind: 'insert'; readonly at: number; readonly token: string }
	| { readonly kind: 'truncate'; readonly at: number };

/** Tokens that change how the rest of a file reads: brackets, quotes, comment and template openers, JSX, line breaks. */
export const disruptiveTokens = [
	'(', ')', '{', '}', '[', ']', '<', '>', '</', '/>', "'", '"', '`', '${', '/*', '*/', '//', '/', '\\', ',', ';', '.', '?.', '...', '=>', '=', ':', '?',
	'\n', '\r', '\r\n', '\u2028', '\t', ' ', '#', '@', '!', '<script>', '</script>', '<!--', '-->', '\ufeff', '\u0000',
];

/** Tokens of group calls, so mutations also build (half-)calls the recogniser looks at. */
export const callTokens = [
	'amplitude', 'setGroup', 'groupIdentify', 'track', 'logEvent', 'identify', 'Identify', 'new', 'groups', 'group_properties', 'group_type', 'group',
	'analytics', 'ampli', 'client', 'window', 'require', 'import', 'export', 'from', 'const', 'let', 'enum', 'function', 'return', 'await', 'as', 'default',
	"'company'", "'company_id'", "'workspace_id'", "'@amplitude/analytics-browser'", "'@amplitude/analytics-node'", "'@segment/analytics-next'",
	"'./groups'", "'$groupidentify'", '`company`', '`${x}`', '0', '42', 'null', 'undefined', 'true', 'id', 'Groups', 'COMPANY',
];

const token = fc.oneof({ arbitrary: fc.constantFrom(...disruptiveTokens), weight: 3 }, { arbitrary: fc.constantFrom(...callTokens), weight: 2 }, { arbitrary: fc.string({ maxLength: 3 }), weight: 1 });
const index = fc.nat({ max: 1_000_000 });

export const tokenMutation: fc.Arbitrary<TokenMutation> = fc.oneof(
	{ arbitrary: fc.record({ kind: fc.constant('drop' as const), at: index, count: fc.integer({ min: 1, max: 6 }) }), weight: 3 },
	fc.record({ kind: fc.constant('duplicate' as const), at: index, count: fc.integer({ min: 1, max: 12 }) }),
	fc.record({ kind: fc.constant('swap' as const), at: index, other: index }),
	fc.record({ kind: fc.constant('replace' as const), at: index, token }),
	fc.record({ kind: fc.constant('copy' as const), at: index, from: index }),
	{ arbitrary: fc.record({ kind: fc.constant('insert' as const), at: index, token }), weight: 2 },
	{ arbitrary: fc.record({ kind: fc.constant('truncate' as const), at: index }), weight: 1 },
);

export function mutateTokens(tokens: readonly string[], mutations: readonly TokenMutation[]): string {
	const current = [...tokens];
	for (const mutation of mutations) {
		const n = current.length;
		const at = n === 0 ? 0 : mutation.at % n;
		switch (mutation.kind) {
			case 'drop':
				current.splice(at, mutation.count);
				break;
			case 'duplicate':
				current.splice(at, 0, ...current.slice(at, at + mutation.count));
				break;
			case 'swap': {
				if (n === 0) break;
				const other = mutation.other % n;
				[current[at], current[other]] = [current[other]!, current[at]!];
				break;
			}
			case 'replace':
				current.splice(at, n === 0 ? 0 : 1, mutation.token);
				break;
			case 'copy':
				if (n > 0) current.splice(at, 0, current[mutation.from % n]!);
				break;
			case 'insert':
				current.splice(mutation.at % (n + 1), 0, mutation.token);
				break;
			case 'truncate':
				current.splice(mutation.at % (n + 1));
				break;
		}
	}
	return current.join('');
}

/** A fixture source and the token edits that break it. */
export function mutatedSource(fixtures: readonly SourceFixture[]): fc.Arbitrary<{ fixture: number; mutations: TokenMutation[]; text: string }> {
	return fc
		.record({ fixture: fc.integer({ min: 0, max: fixtures.length - 1 }), mutations: fc.array(tokenMutation, { minLength: 1, maxLength: 6 }) })
		.map(({ fixture, mutations }) => ({ fixture, mutations, text: mutateTokens(fixtures[fixture]!.tokens, mutations) }));
}

/** SDK imports, so that the soup after them holds calls the recogniser follows. */
const importHeaders = [
	"import * as amplitude from '@amplitude/analytics-browser';\n",
	"import { setGroup, groupIdentify, track, Identify } from '@amplitude/analytics-browser';\n",
	"import { createInstance, Identify } from '@amplitude/analytics-node';\nconst amplitude = createInstance();\n",
	"const amplitude = require('amplitude-js');\n",
	"import { AnalyticsBrowser } from '@segment/analytics-next';\nconst analytics = AnalyticsBrowser.load({ writeKey: 'k' });\n",
	"import { ampli } from './ampli';\n",
	'',
];

/** Well-formed call openings the soup continues: the recogniser reads arguments made of noise. */
const callOpenings = ["amplitude.setGroup('company', ", 'setGroup(', "amplitude.groupIdentify('company', '1', ", "amplitude.track('Report Exported', ", 'track({ event_type: ', "analytics.group('1', { ", 'ampli.client.setGroup(', 'groups: { ', 'new Identify().set('];

/** Random token soup after an SDK import: call openings, call tokens and disruptive tokens in any order. */
export const randomSource: fc.Arbitrary<string> = fc
	.tuple(
		fc.constantFrom(...importHeaders),
		fc.array(fc.oneof({ arbitrary: token, weight: 6 }, { arbitrary: fc.constantFrom(...callOpenings), weight: 1 }), { maxLength: 200 }),
	)
	.map(([header, tokens]) => header + tokens.join(''));
