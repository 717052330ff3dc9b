import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isDeepStrictEqual } from 'node:util';
import * as fc from 'fast-check';
import { parseDocument } from 'yaml';
import { formatKey, parsePlan, type PlanValue } from '../../core/src/index';
import { addToPlanFix } from '../../core/src/features/quickFixes/addToPlan';
import { applyConfined } from './nothingLostSupport';
import { runFuzzTarget } from './support/fuzzSettings';
import { modelData, newName, styledPlan, type PlanCase } from './support/planStyles';
import { renderPlanStyle } from './support/renderPlanStyle';

/**
 * Plan insertions in every YAML style (issue 13): the same plan data written in random styles
 * (support/planStyles.ts), and every insertion the quick fixes make (a group type with a level or
 * empty, a group property under each group type, an event with its groups). Each must leave a plan
 * that reads back, with yaml's own parser and without an error or a warning, as exactly the old data
 * plus the new entry (with and without merge keys resolved), change no byte outside the inserted
 * text (but an empty value's null token), and be offered unless the parent is shared through an
 * alias or a merge. Seed and runs: support/fuzzSettings.ts.
 */
const planUri = 'file:///styles/tracking-plan.yaml';

interface Target {
	readonly what: string;
	readonly path: readonly string[];
	readonly key: string;
	readonly value: PlanValue;
	/** The parent is shared through an alias or a merge: no fix may be offered. */
	readonly refuse: boolean;
}

/** yaml's reading of a text, as an independent check (lone CRs are line breaks, as in parsePlan). */
function read(text: string, merge: boolean): unknown {
	const document = parseDocument(text.replace(/\r(?!\n)/g, '\n'), { uniqueKeys: false, strict: true, merge });
	assert.deepEqual([...document.errors, ...document.warnings].map((e) => `${e.code}: ${e.message}`), [], `yaml reads it without an error or a warning:\n${JSON.stringify(text)}`);
	return document.toJS({ maxAliasCount: -1 });
}

function withEntry(data: unknown, path: readonly string[], value: unknown): unknown {
	if (path.length === 0) return value;
	const base = (data ?? {}) as Record<string, unknown>;
	const copy = { ...base };
	Object.defineProperty(copy, path[0]!, { value: withEntry(Object.hasOwn(base, path[0]!) ? base[path[0]!] : undefined, path.slice(1), value), writable: true, enumerable: true, configurable: true });
	return copy;
}

const keysOf = (value: unknown): string[] => (value !== null && typeof value === 'object' ? Object.keys(value) : []);

/** Every insertion the quick fixes make into this plan, with names it does not have yet. */
function targetsOf(plan: PlanCase, data: unknown, names: readonly string[]): Target[] {
	const fresh = (taken: readonly string[], salt: number) => {
		const name = names[salt % names.length]!;
		return taken.includes(name) ? `${name} ${salt}` : name;
	};
	const root = (data ?? {}) as Record<string, unknown>;
	const groupTypes = (root.groupTypes ?? {}) as Record<string, unknown>;
	const declared = keysOf(groupTypes);
	const targets: Target[] = [
		{ what: 'add a group type', path: ['groupTypes'], key: fresh(declared, 0), value: { level: 'user' }, refuse: false },
		{ what: 'add an empty group type', path: ['groupTypes'], key: fresh(declared, 1), value: null, refuse: false },
		{ what: 'add an event', path: ['events'], key: fresh(keysOf(root.events), 2), value: { groups: declared.slice(0, 2) }, refuse: false },
	];
	plan.groupTypes.forEach(({ name, shared }, i) => {
		const own = (groupTypes[name] ?? {}) as Record<string, unknown>;
		targets.push({ what: `add a property to ${JSON.stringify(name)}`, path: ['groupTypes', name, 'properties'], key: fresh(keysOf(own.properties), 3 + i), value: { type: 'string' }, refuse: shared });
	});
	return targets;
}

/** One insertion: offered exactly when it should be, and if so, the old data plus the entry and nothing else. */
function checkInsertion(text: string, target: Target): void {
	const plan = parsePlan(planUri, text);
	const fix = addToPlanFix(plan, target.path, target.key, target.value, () => 'Add', 0);
	const where = `${target.what} (${JSON.stringify(target.key)}) into:\n${JSON.stringify(text)}`;
	if (target.refuse) {
		assert.equal(fix, undefined, `offered to ${where}\n(its parent is shared through an alias or a merge)`);
		return;
	}
	assert.ok(fix, `refused to ${where}`);
	const edits = fix.edits[planUri]!;
	assert.equal(edits.length, 1);
	assert.match(text.slice(edits[0]!.range.start, edits[0]!.range.end), /^[ \t]*(!!null)?[ \t]*(~|null|Null|NULL)?[ \t]*$/, `replaced more than a null: ${where}`);
	const after = applyConfined(text, edits, where);
	for (const merge of text.includes('<<') ? [false, true] : [false]) {
		const before = read(text, merge);
		const expected = [withEntry(before, [...target.path, target.key], target.value), ...(target.value === null ? [withEntry(before, [...target.path, target.key], {})] : [])];
		const actual = read(after, merge);
		assert.ok(
			expected.some((data) => isDeepStrictEqual(data, actual)),
			`${where}\ngave${merge ? ' (merge keys resolved)' : ''}:\n${JSON.stringify(after)}\nwhich reads as\n${JSON.stringify(actual)}\nnot\n${JSON.stringify(expected[0])}`,
		);
	}
	// And the fix does what it says: Trackplan reads the new name where it was added.
	const model = parsePlan(planUri, after).model;
	if (target.path.length === 1 && target.path[0] === 'groupTypes') assert.ok(model.groupTypes.some((g) => g.name === target.key), where);
	if (target.path[0] === 'events') assert.ok(model.events.some((e) => e.name === target.key), where);
	if (target.path.length === 3) assert.ok(model.groupTypes.find((g) => g.name === target.path[1])?.properties.some((p) => p.name === target.key), where);
}

/** The data with every description replaced: how a block scalar chomps its lines is yaml's business, not the generator's. */
function withoutDescriptions(data: unknown): unknown {
	if (Array.isArray(data)) return data.map(withoutDescriptions);
	if (data === null || typeof data !== 'object') return data;
	const result: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(data)) Object.defineProperty(result, key, { value: key === 'description' ? 'described' : withoutDescriptions(value), writable: true, enumerable: true, configurable: true });
	return result;
}

let insertions = 0;
let refusals = 0;

/** The generated text is valid YAML that reads as the model's data (the generator writes styles, not other data), then every target holds. */
function checkStyledPlan({ model, choices, names }: typeof styledPlan extends fc.Arbitrary<infer T> ? T : never): void {
	const text = renderPlanStyle(model.root, choices);
	const data = read(text, false);
	assert.deepEqual(parsePlan(planUri, text).formFindings.filter((f) => f.code === 'plan-syntax').map((f) => f.message), [], `the generator wrote a plan that does not parse:\n${JSON.stringify(text)}`);
	// (Under `%YAML 1.1`, yaml resolves merge keys whatever the options say: the model keeps them as keys.)
	if (model.root.entries.length > 0 && !(text.includes('%YAML 1.1') && text.includes('<<'))) assert.ok(isDeepStrictEqual(withoutDescriptions(data), withoutDescriptions(modelData(model.root))), `the generator wrote other data:\n${JSON.stringify(text)}\n${JSON.stringify(data)}`);
	for (const target of targetsOf(model, data, names)) {
		checkInsertion(text, target);
		if (target.refuse) refusals++;
		else insertions++;
	}
}

describe('plan insertions in every YAML style: the old data plus the new entry, nothing else', () => {
	it('group types, group properties and events inserted into generated plans of random styles', (t) => {
		runFuzzTarget('plan-style insertions', styledPlan, checkStyledPlan, 300, (line) => t.diagnostic(line));
		t.diagnostic(`${insertions} insertions checked, ${refusals} refusals (shared parents) checked`);
		assert.ok(insertions > 0 && refusals > 0, 'the generator reaches both insertions and shared parents');
	});

	it('formatKey: any string reads back as exactly that string, as a key and as a value, block and flow, YAML 1.2 and 1.1', (t) => {
		const key = fc.oneof(newName, fc.string({ maxLength: 20 }));
		runFuzzTarget(
			'formatKey read-back',
			key,
			(name) => {
				const written = formatKey(name);
				for (const directive of ['', '%YAML 1.1\n---\n']) {
					for (const [text, readBack] of [
						[`${written}: 1\n`, (d: Record<string, unknown>) => Object.keys(d)],
						[`{ ${written}: 1 }\n`, (d: Record<string, unknown>) => Object.keys(d)],
						[`a: [${written}]\n`, (d: Record<string, unknown>) => d.a],
						[`a: ${written}\n`, (d: Record<string, unknown>) => [d.a]],
					] as const) {
						const document = parseDocument(directive + text, { uniqueKeys: false, strict: true });
						assert.deepEqual(document.errors.map((e) => e.code), [], `${JSON.stringify(name)} written ${written}`);
						assert.deepEqual(readBack(document.toJS() as Record<string, unknown>), [name], `${JSON.stringify(name)} written ${written}${directive ? ' (YAML 1.1)' : ''}`);
					}
				}
			},
			1000,
			(line) => t.diagnostic(line),
		);
	});
});
