import * as fc from 'fast-check';
import { yamlSignificant } from './planInputs';

/**
 * Plans written in random YAML styles (issue 13): the same plan data as block or flow mappings
 * (flow ones over one line or several, with comments inside), plain, single- and double-quoted,
 * tagged (`!!str`) and explicit (`? key`) keys, compact explicit values (`: level: user`), anchors (on mappings and scalars),
 * aliases and merge keys (`<<: *base`), null maps (`key:`, `~`, `null`, `!!null`), block scalars
 * with every chomping and indentation indicator, comments and blank lines between entries at any
 * indentation YAML allows, tabs as separators, indentation steps of 1 to 4, BOM, `%YAML` directives,
 * `---` / `...` markers, LF / CRLF / CR / mixed line endings, with or without a final line break.
 *
 * The plan is a small model (`PlanNode`); `renderPlan` writes it, drawing every style decision
 * from a list of numbers, so fast-check shrinks a failure towards the plainest style (all zeros:
 * block mappings, plain keys, two-space indentation, LF, final newline).
 */

export type PlanNode = MapNode | { readonly kind: 'null' } | { readonly kind: 'text'; readonly value: string; readonly block?: boolean } | { readonly kind: 'list'; readonly items: readonly string[] } | AliasNode;
export interface MapNode {
	readonly kind: 'map';
	readonly entries: readonly Entry[];
	/** Set when an alias or a merge key elsewhere refers to this mapping. */
	anchor?: string;
}
export interface AliasNode {
	readonly kind: 'alias';
	readonly target: MapNode;
}
export interface Entry {
	readonly key: string;
	readonly value: PlanNode;
	/** A merge entry: `<<: *anchor`, its value an alias. */
	readonly merge?: boolean;
}

/** Names YAML must quote, or reads as something else when plain: the generator writes them as their style allows. */
export const trickyNames = ['company', 'team', 'org id', 'Account Name', "it's", 'say "hi"', 'yes', 'on', 'No', 'null', '~', '007', '1e3', '.inf', 'a: b', 'x #y', '- lead', '? q', '[x]', '{y}', '*z', '&w', '!t', '%p', '@q', '`r', '<<', ',', 'ä', '🙂', '', ' ', 'tab\there', 'line\nbreak', '\\', 'trailing ', '__proto__', 'constructor'];

const text = (value: string, block = false): PlanNode => ({ kind: 'text', value, ...(block ? { block } : {}) });
const map = (entries: Entry[]): MapNode => ({ kind: 'map', entries });
const nullNode: PlanNode = { kind: 'null' };

/** What a group type's own fields are; the generator leaves properties out or empty at times ("missing parents"). */
const property = fc.record({ type: fc.constantFrom('string', 'number', 'boolean'), description: fc.option(fc.constantFrom('Seats bought', 'a: b # not a comment', 'Two\nlines'), { nil: undefined }) });
const groupType = fc.record({
	shape: fc.constantFrom('entries', 'entries', 'entries', 'empty', 'flow-empty'),
	level: fc.option(fc.constantFrom('user', 'event', 'any'), { nil: undefined }),
	description: fc.option(fc.constantFrom('The paying customer.', 'Line one\nline two', 'Ends with a blank line\n'), { nil: undefined }),
	descriptionLast: fc.boolean(),
	properties: fc.oneof(fc.constant('absent' as const), fc.constant('null' as const), fc.uniqueArray(fc.tuple(fc.constantFrom(...trickyNames), property), { maxLength: 3, selector: ([name]) => name })),
});

/** Group types (unique names), events, sharing by alias or merge, and the top-level extras, as a model. */
export const planModel = fc
	.record({
		groupTypes: fc.oneof({ arbitrary: fc.constant('absent' as const), weight: 1 }, { arbitrary: fc.constant('null' as const), weight: 1 }, { arbitrary: fc.uniqueArray(fc.tuple(fc.constantFrom(...trickyNames), groupType), { maxLength: 4, selector: ([name]) => name }), weight: 6 }),
		events: fc.oneof(fc.constant('absent' as const), fc.constant('null' as const), fc.uniqueArray(fc.tuple(fc.constantFrom('Report Exported', 'Team Joined', 'yes', "it's"), fc.nat()), { maxLength: 2, selector: ([name]) => name })),
		project: fc.boolean(),
		/** 0: nothing shared; 1: one group type's properties aliased by another; 2: a group type aliased whole; 3: merged into another (`<<`). */
		sharing: fc.nat({ max: 3 }),
		order: fc.nat(),
	})
	.map(buildModel);

export interface PlanCase {
	readonly root: MapNode;
	/** The group types the plan declares, and which cannot take a property without changing what an alias or merge shares. */
	readonly groupTypes: readonly { readonly name: string; readonly shared: boolean }[];
	readonly hasGroupTypes: boolean;
}

type GroupTypeSpec = typeof groupType extends fc.Arbitrary<infer T> ? T : never;

function buildModel(input: { groupTypes: 'absent' | 'null' | [string, GroupTypeSpec][]; events: 'absent' | 'null' | [string, number][]; project: boolean; sharing: number; order: number }): PlanCase {
	const entries: Entry[] = [];
	const declared: { name: string; shared: boolean; node: PlanNode }[] = [];
	if (input.project) entries.push({ key: 'project', value: text('Acme') });
	if (input.groupTypes === 'null') entries.push({ key: 'groupTypes', value: nullNode });
	if (Array.isArray(input.groupTypes)) {
		const types: Entry[] = input.groupTypes.map(([name, spec]) => {
			if (spec.shape === 'empty') return { key: name, value: nullNode };
			if (spec.shape === 'flow-empty') return { key: name, value: map([]) };
			const fields: Entry[] = [];
			if (spec.level) fields.push({ key: 'level', value: text(spec.level) });
			if (spec.properties === 'null') fields.push({ key: 'properties', value: nullNode });
			else if (Array.isArray(spec.properties)) {
				fields.push({ key: 'properties', value: map(spec.properties.map(([p, s]) => ({ key: p, value: map([{ key: 'type', value: text(s.type) }, ...(s.description ? [{ key: 'description', value: text(s.description, true) }] : [])]) }))) });
			}
			if (spec.description) fields[spec.descriptionLast ? 'push' : 'unshift']({ key: 'description', value: text(spec.description, true) });
			return { key: name, value: map(fields) };
		});
		for (const t of types) declared.push({ name: t.key, shared: false, node: t.value });
		share(types, declared, input.sharing);
		entries.push({ key: 'groupTypes', value: map(types) });
	}
	if (input.events === 'null') entries.push({ key: 'events', value: nullNode });
	if (Array.isArray(input.events)) {
		const names = declared.map((d) => d.name);
		entries.push({ key: 'events', value: map(input.events.map(([name, pick]) => ({ key: name, value: map([{ key: 'groups', value: { kind: 'list', items: names.filter((_, i) => (pick >> i) & 1) } }]) }))) });
	}
	// Top-level keys in a random order: the insertion point moves (after a block scalar, at the end of the file, …).
	const rotated = entries.length > 0 ? [...entries.slice(input.order % entries.length), ...entries.slice(0, input.order % entries.length)] : entries;
	return { root: map(rotated), groupTypes: declared.map(({ name, shared }) => ({ name, shared })), hasGroupTypes: Array.isArray(input.groupTypes) || input.groupTypes === 'null' };
}

/** Makes the last group type share with the first: its properties (alias), the whole entry (alias) or a merge of it. */
function share(types: Entry[], declared: { name: string; shared: boolean; node: PlanNode }[], sharing: number): void {
	const first = types[0];
	const last = types.at(-1);
	if (sharing === 0 || !first || !last || first === last || first.value.kind !== 'map' || last.value.kind !== 'map') return;
	const source = first.value;
	if (sharing === 1) {
		const properties = source.entries.find((e) => e.key === 'properties' && e.value.kind === 'map');
		if (!properties) return;
		const target = properties.value as MapNode;
		target.anchor = 'props';
		const rest = last.value.entries.filter((e) => e.key !== 'properties');
		types[types.length - 1] = { key: last.key, value: map([...rest, { key: 'properties', value: { kind: 'alias', target } }]) };
		declared[0]!.shared = true;
		declared[declared.length - 1]!.shared = true;
		return;
	}
	source.anchor = 'base';
	declared[0]!.shared = true;
	if (sharing === 2) {
		types[types.length - 1] = { key: last.key, value: { kind: 'alias', target: source } };
		declared[declared.length - 1]!.shared = true;
		return;
	}
	// A merge: the last group type takes the first's entries it does not have. A property added to it is safe only when
	// it has its own properties or the first has none to merge (else its new `properties` would hide the merged ones).
	const own = last.value.entries.filter((e) => e.key !== 'level');
	types[types.length - 1] = { key: last.key, value: map([{ key: '<<', value: { kind: 'alias', target: source }, merge: true }, ...own]) };
	const mergedProperties = source.entries.some((e) => e.key === 'properties' && e.value.kind === 'map' && e.value.entries.length > 0) && !own.some((e) => e.key === 'properties');
	declared[declared.length - 1]!.shared = mergedProperties;
}

/** The data a model stands for, as yaml reads it without merge keys (`<<` is a key like any other). */
export function modelData(node: PlanNode): unknown {
	switch (node.kind) {
		case 'null':
			return null;
		case 'text':
			return node.value;
		case 'list':
			return [...node.items];
		case 'alias':
			return modelData(node.target);
		case 'map': {
			const result: Record<string, unknown> = {};
			for (const entry of node.entries) Object.defineProperty(result, entry.key, { value: modelData(entry.value), writable: true, enumerable: true, configurable: true });
			return result;
		}
	}
}

/** Names for the new entries: YAML's indicators, words YAML 1.1 reads as booleans or numbers, any text at all. */
export const newName = fc.oneof(
	{ arbitrary: fc.constantFrom(...trickyNames, 'y', 'Yes', 'OFF', 'True', '0x1F', '0o7', '1_000', '-1', '.nan', '12:30', '2026-12-03', '=', 'a\u2028b', '\u0085', '\ufeffx', '\u007f', 'x'.repeat(40)), weight: 3 },
	{ arbitrary: fc.string({ unit: fc.constantFrom(...yamlSignificant, 'a', 'Z', '0', ' '), maxLength: 8 }), weight: 2 },
	{ arbitrary: fc.string({ unit: 'binary', maxLength: 8 }), weight: 1 },
	{ arbitrary: fc.string({ unit: fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code)), minLength: 1, maxLength: 2 }), weight: 1 },
);

/** A plan model, the style choices that write it, and four names for new entries. */
export const styledPlan = fc.record({ model: planModel, choices: fc.array(fc.nat({ max: 1023 }), { minLength: 1, maxLength: 96 }), names: fc.array(newName, { minLength: 4, maxLength: 4 }) });

