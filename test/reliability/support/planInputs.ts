import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as fc from 'fast-check';
import { stringify } from 'yaml';
import { fixturesRoot, repoRoot } from '../../support/paths';

/**
 * Every YAML plan fixture: test/fixtures/**\/tracking-plan.y*ml, the plans of every style under
 * test/fixtures/plans (CRLF, anchors, flow, comments, …), and the example workspace's plan.
 */
export function planFixtures(): { name: string; file: string; text: string }[] {
	const plansFolder = path.join(fixturesRoot, 'plans');
	const files = readdirSync(fixturesRoot, { recursive: true, withFileTypes: true })
		.map((entry) => ({ entry, file: path.join(entry.parentPath, entry.name) }))
		.filter(({ entry, file }) => entry.isFile() && (/^tracking-plan\.ya?ml$/.test(entry.name) || (file.startsWith(plansFolder + path.sep) && /\.ya?ml$/.test(entry.name))))
		.map(({ file }) => file);
	files.push(path.join(repoRoot, 'examples/acme-saas/tracking-plan.yaml'));
	return files.sort().map((file) => ({ name: path.relative(repoRoot, file), file, text: readFileSync(file, 'utf8') }));
}

/** Characters that mean something to YAML, plus the whitespace and line breaks that trip parsers. */
export const yamlSignificant = [':', '-', '[', ']', '{', '}', '&', '*', '!', '|', '>', '#', "'", '"', '\t', '\r', '\r\n', '\n', ' ', ',', '?', '%', '@', '`', '\\', '<<', '---', '...', '\ufeff', '\u00a0', '\u2028', '😀'];

/** Edits applied to a plan's text. Positions are drawn as naturals and taken modulo the text, so they shrink well. */
export type TextMutation =
	| { readonly kind: 'delete-line'; readonly line: number }
	| { readonly kind: 'duplicate-line'; readonly line: number }
	| { readonly kind: 'swap-lines'; readonly line: number; readonly other: number }
	| { readonly kind: 'move-line'; readonly line: number; readonly to: number }
	| { readonly kind: 'insert'; readonly at: number; readonly text: string }
	| { readonly kind: 'delete-span'; readonly at: number; readonly length: number }
	| { readonly kind: 'indent'; readonly line: number; readonly delta: number; readonly tab: boolean }
	| { readonly kind: 'truncate'; readonly at: number }
	| { readonly kind: 'line-breaks'; readonly style: '\r\n' | '\r' };

const yamlWords = [
	'groupTypes:', 'events:', 'properties:', 'limits:', 'sources:', 'segment:', 'groups:', 'level:', 'value:', 'type:', 'enum:',
	'displayProperty:', 'dynamic:', 'source:', 'salesforce:', 'syncEveryDays:', 'include:', 'exclude:', 'description:', 'project:',
	'groupTypeTrait:', 'destination:', 'user', 'event', 'any', 'numeric', 'string', 'integer', 'number', 'boolean', 'array',
	'&a', '*a', '<<: *a', '!!str', '!!map', '!!binary', '!custom', '|-', '>+', '~', 'null', 'true', '0x1F', '1e309', '-1', '.nan',
	'company', 'Account Name', 'workspace_id', '[company, team]', '{ type: string }', '? complex', '"\\u0000"', "'it''s'",
];

const insertedText = fc.oneof(
	{ arbitrary: fc.constantFrom(...yamlSignificant), weight: 4 },
	{ arbitrary: fc.constantFrom(...yamlWords), weight: 2 },
	{ arbitrary: fc.string({ unit: fc.constantFrom(...yamlSignificant, 'a', 'Z', '0', ' '), maxLength: 8 }), weight: 1 },
	{ arbitrary: fc.string({ unit: 'binary', maxLength: 4 }), weight: 1 },
);

const position = fc.nat({ max: 1_000_000 });

export const textMutation: fc.Arbitrary<TextMutation> = fc.oneof(
	fc.record({ kind: fc.constant('delete-line' as const), line: position }),
	fc.record({ kind: fc.constant('duplicate-line' as const), line: position }),
	fc.record({ kind: fc.constant('swap-lines' as const), line: position, other: position }),
	fc.record({ kind: fc.constant('move-line' as const), line: position, to: position }),
	fc.record({ kind: fc.constant('insert' as const), at: position, text: insertedText }),
	fc.record({ kind: fc.constant('delete-span' as const), at: position, length: fc.integer({ min: 1, max: 40 }) }),
	fc.record({ kind: fc.constant('indent' as const), line: position, delta: fc.integer({ min: -4, max: 4 }), tab: fc.boolean() }),
	fc.record({ kind: fc.constant('truncate' as const), at: position }),
	fc.record({ kind: fc.constant('line-breaks' as const), style: fc.constantFrom('\r\n' as const, '\r' as const) }),
);

/** Applies the mutations in order. Pure, deterministic: the counterexample a failure prints replays exactly. */
export function mutateText(text: string, mutations: readonly TextMutation[]): string {
	let current = text;
	for (const mutation of mutations) current = applyMutation(current, mutation);
	return current;
}

function applyMutation(text: string, mutation: TextMutation): string {
	const lines = text.split('\n');
	const lineAt = (n: number) => n % lines.length;
	switch (mutation.kind) {
		case 'delete-line':
			lines.splice(lineAt(mutation.line), 1);
			return lines.join('\n');
		case 'duplicate-line': {
			const i = lineAt(mutation.line);
			lines.splice(i, 0, lines[i]!);
			return lines.join('\n');
		}
		case 'swap-lines': {
			const i = lineAt(mutation.line);
			const j = lineAt(mutation.other);
			[lines[i], lines[j]] = [lines[j]!, lines[i]!];
			return lines.join('\n');
		}
		case 'move-line': {
			const [moved] = lines.splice(lineAt(mutation.line), 1);
			lines.splice(mutation.to % (lines.length + 1), 0, moved!);
			return lines.join('\n');
		}
		case 'insert': {
			const at = mutation.at % (text.length + 1);
			return text.slice(0, at) + mutation.text + text.slice(at);
		}
		case 'delete-span': {
			const at = mutation.at % (text.length + 1);
			return text.slice(0, at) + text.slice(at + mutation.length);
		}
		case 'indent': {
			const i = lineAt(mutation.line);
			const line = lines[i]!;
			lines[i] = mutation.delta >= 0 ? (mutation.tab ? '\t' : ' ').repeat(mutation.delta) + line : line.replace(new RegExp(`^[ \\t]{0,${-mutation.delta}}`), '');
			return lines.join('\n');
		}
		case 'truncate':
			return text.slice(0, mutation.at % (text.length + 1));
		case 'line-breaks':
			return text.replace(/\r?\n/g, mutation.style);
	}
}

/** A fixture plan and the edits that break it. */
export function mutatedPlan(fixtures: readonly { name: string; text: string }[]): fc.Arbitrary<{ fixture: string; mutations: TextMutation[]; text: string }> {
	return fc
		.record({ fixture: fc.constantFrom(...fixtures.map((f) => f.name)), mutations: fc.array(textMutation, { minLength: 1, maxLength: 8 }) })
		.map(({ fixture, mutations }) => ({ fixture, mutations, text: mutateText(fixtures.find((f) => f.name === fixture)!.text, mutations) }));
}

// ---- plans built from scratch

const planKeys = ['groupTypes', 'events', 'properties', 'limits', 'sources', 'segment', 'groups', 'level', 'value', 'type', 'enum', 'displayProperty', 'dynamic', 'source', 'salesforce', 'syncEveryDays', 'include', 'exclude', 'description', 'project', 'groupTypes', 'groupProperties', 'groupTypesPerEvent', 'groupValuesPerEvent', 'destination', 'groupTypeTrait', 'groupValueTrait'];
const names = ['company', 'company_id', 'workspace', 'team', 'org id', 'Account Name', 'plan', 'seats', '', ' ', '__proto__', 'constructor', 'toString', 'hasOwnProperty', '0', 'ä', '🙂'];

const scalar: fc.Arbitrary<unknown> = fc.oneof(
	fc.constantFrom('user', 'event', 'any', 'numeric', 'string', 'integer', 'number', 'boolean', 'array', 'salesforce', 'classic', 'actions', '**/*', '../**', '/etc/**', '{a,b}', '[', '***'),
	fc.constantFrom(...names),
	fc.string({ maxLength: 12 }),
	fc.integer(),
	fc.constantFrom(0, -1, 1e21, Number.MAX_SAFE_INTEGER, 0.5, Number.NaN, Number.POSITIVE_INFINITY),
	fc.boolean(),
	fc.constant(null),
);

/** A YAML value shaped like a plan: plan keys and names, at any depth, with scalars of every kind. */
const planLike = fc.letrec((tie) => ({
	value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, tie('array'), tie('object')),
	array: fc.array(tie('value'), { maxLength: 4 }),
	object: fc.dictionary(fc.oneof(fc.constantFrom(...planKeys), fc.constantFrom(...names)), tie('value'), { maxKeys: 5 }),
})).object;

/** Mostly `good`, sometimes anything at all (a wrong type, a stray mapping, nothing). */
function orJunk<T>(good: fc.Arbitrary<T>): fc.Arbitrary<unknown> {
	return fc.oneof({ arbitrary: good, weight: 6 }, { arbitrary: scalar, weight: 1 }, { arbitrary: planLike, weight: 1 });
}

const someName = fc.oneof({ arbitrary: fc.constantFrom(...names), weight: 3 }, { arbitrary: fc.string({ maxLength: 10 }), weight: 1 });
const count = fc.oneof(fc.integer({ min: 0, max: 12 }), fc.constantFrom(-1, 0.5, 1e21, Number.NaN));

const propertySpec = fc.record(
	{
		type: orJunk(fc.constantFrom('string', 'number', 'integer', 'boolean', 'array', 'object', 'any', 'strings')),
		enum: orJunk(fc.array(fc.oneof(someName, fc.integer(), fc.boolean(), fc.constant(null)), { maxLength: 4 })),
		dynamic: orJunk(fc.boolean()),
		source: orJunk(fc.constantFrom('salesforce', 'code', 'hubspot')),
		description: orJunk(fc.string({ maxLength: 20 })),
	},
	{ requiredKeys: [] },
);

const groupTypeSpec = fc.record(
	{
		description: orJunk(fc.string({ maxLength: 20 })),
		level: orJunk(fc.constantFrom('user', 'event', 'any', 'both')),
		value: orJunk(fc.constantFrom('numeric', 'string', 'uuid')),
		displayProperty: orJunk(someName),
		properties: orJunk(fc.dictionary(someName, orJunk(propertySpec), { maxKeys: 5 })),
		salesforce: orJunk(fc.record({ syncEveryDays: orJunk(count) }, { requiredKeys: [] })),
	},
	{ requiredKeys: [] },
);

/** A plan written to the schema, with junk at any node: the rules see nearly-right plans, not only noise. */
const schemaPlan = fc.record(
	{
		project: orJunk(fc.string({ maxLength: 20 })),
		limits: orJunk(
			fc.record({ groupTypes: orJunk(count), groupProperties: orJunk(count), groupTypesPerEvent: orJunk(count), groupValuesPerEvent: orJunk(count) }, { requiredKeys: [] }),
		),
		sources: orJunk(fc.record({ include: orJunk(fc.array(scalar, { maxLength: 3 })), exclude: orJunk(fc.array(scalar, { maxLength: 3 })) }, { requiredKeys: [] })),
		segment: orJunk(
			fc.record(
				{ destination: orJunk(fc.constantFrom('classic', 'actions', 'none')), groupTypeTrait: orJunk(someName), groupValueTrait: orJunk(someName) },
				{ requiredKeys: [] },
			),
		),
		groupTypes: orJunk(fc.dictionary(someName, orJunk(groupTypeSpec), { maxKeys: 8 })),
		events: orJunk(
			fc.dictionary(
				someName,
				orJunk(fc.record({ description: orJunk(fc.string({ maxLength: 10 })), groups: orJunk(fc.array(someName, { maxLength: 6 })), properties: orJunk(planLike) }, { requiredKeys: [] })),
				{ maxKeys: 5 },
			),
		),
	},
	{ requiredKeys: [] },
);

/** A random plan: plan-shaped (to the schema or only by its keys) and written as YAML in a random style (block, flow, quoted, indented). */
export const randomPlan: fc.Arbitrary<string> = fc
	.record({
		root: fc.oneof({ arbitrary: schemaPlan, weight: 3 }, { arbitrary: fc.dictionary(fc.constantFrom(...planKeys), planLike, { maxKeys: 6 }), weight: 1 }),
		indent: fc.integer({ min: 1, max: 4 }),
		collectionStyle: fc.constantFrom('any' as const, 'block' as const, 'flow' as const),
		stringType: fc.constantFrom('PLAIN' as const, 'QUOTE_DOUBLE' as const, 'QUOTE_SINGLE' as const, 'BLOCK_LITERAL' as const),
	})
	.map(({ root, indent, collectionStyle, stringType }) => stringify(root, { indent, collectionStyle, defaultStringType: stringType, lineWidth: 0 }));

/** Random text made of YAML-significant pieces and plan words: mostly not YAML at all. */
export const randomYamlText: fc.Arbitrary<string> = fc
	.array(fc.oneof(fc.constantFrom(...yamlSignificant), fc.constantFrom(...yamlWords), fc.constantFrom(...names), fc.constantFrom('\n', '\n  ', '\n    ', '\n- ')), { maxLength: 120 })
	.map((pieces) => pieces.join(''));
