import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDocument } from 'yaml';
import { applyTextEdits } from '../../../core/src/edits/textEdit';
import { insertPlanEntry, type PlanValue } from '../../../core/src/edits/insertPlanEntry';
import { parsePlan } from '../../../core/src/index';
import { planFindings, planUri } from '../../support/planFindings';

/**
 * Applies the insertion and checks it is a pure insertion: every original byte is still there, in place,
 * but for an empty value's null token (`~`, `null`, `!!null`), which the new mapping replaces.
 */
function insert(text: string, path: string[], key: string, value: PlanValue): string {
	const edit = insertPlanEntry(parsePlan(planUri, text), path, key, value);
	assert.ok(edit, `an edit for ${JSON.stringify(text)}`);
	const result = applyTextEdits(text, [edit]);
	assert.match(text.slice(edit.range.start, edit.range.end), /^[ \t]*(!!null)?[ \t]*(~|null)?[ \t]*$/, 'an insertion, never a replacement but of a null');
	assert.equal(result.slice(0, edit.range.start), text.slice(0, edit.range.start));
	assert.equal(result.slice(edit.range.start + edit.newText.length), text.slice(edit.range.end));
	assert.deepEqual(planFindings(result), [], `the result is a valid plan:\n${result}`);
	return result;
}

describe('insertPlanEntry', () => {
	it('adds a group type after the last one in its siblings\' style, keeping comments, blank lines and quoting', () => {
		const text = [
			'# Acme plan',
			'groupTypes:',
			'  company:   # the paying customer',
			"    description: 'A customer'",
			'    level: user',
			'',
			'  # teams come from the directory',
			'  team: { level: user }',
			'',
			'# events follow',
			'events: {}',
			'',
		].join('\n');
		const result = insert(text, ['groupTypes'], 'workspace_id', { level: 'event' });
		assert.equal(
			result,
			text.replace('  team: { level: user }', '  team: { level: user }\n  workspace_id: { level: event }'),
		);
		assert.deepEqual(Object.keys(parseDocument(result).toJS().groupTypes), ['company', 'team', 'workspace_id']);
	});

	it('keeps CRLF line endings and four-space indentation', () => {
		const text = 'groupTypes:\r\n    company:\r\n        level: user\r\n';
		const result = insert(text, ['groupTypes'], 'team', null);
		assert.equal(result, 'groupTypes:\r\n    company:\r\n        level: user\r\n    team:\r\n');
	});

	it('adds a property under a group type that has none yet, and under one with a flow mapping', () => {
		const text = 'groupTypes:\n  company:\n    level: user\n  team:\n';
		const withProperty = insert(text, ['groupTypes', 'company', 'properties'], 'Account Name', { type: 'string' });
		assert.equal(withProperty, 'groupTypes:\n  company:\n    level: user\n    properties:\n      Account Name:\n        type: string\n  team:\n');
		const flow = 'groupTypes:\n  company: { properties: { plan: { type: string } } }\n';
		assert.equal(
			insert(flow, ['groupTypes', 'company', 'properties'], 'seats', { type: 'integer' }),
			'groupTypes:\n  company: { properties: { plan: { type: string }, seats: { type: integer } } }\n',
		);
	});

	it('writes under a key with nothing under it, and into an empty flow mapping', () => {
		assert.equal(insert('project: X\ngroupTypes:\nevents:\n', ['groupTypes'], 'company', null), 'project: X\ngroupTypes:\n  company:\nevents:\n');
		assert.equal(insert('groupTypes: {}\n', ['groupTypes'], 'company', null), 'groupTypes: { company: {} }\n');
	});

	it('creates missing parents at the end of the file', () => {
		assert.equal(
			insert('project: X\n', ['events'], 'Report Exported', { description: 'A report was downloaded', groups: [] }),
			'project: X\nevents:\n  Report Exported:\n    description: A report was downloaded\n    groups: []\n',
		);
		assert.equal(insert('', ['groupTypes'], 'company', null), 'groupTypes:\n  company:\n');
	});

	it('quotes keys YAML would otherwise misread', () => {
		const result = insert('groupTypes:\n  a:\n', ['groupTypes'], 'org: id', null);
		assert.equal(result, 'groupTypes:\n  a:\n  "org: id":\n');
		assert.equal(insert('groupTypes:\n  a:\n', ['groupTypes'], 'yes', null), 'groupTypes:\n  a:\n  "yes":\n');
	});

	it('quotes a key YAML 1.1 reads as a float (e0: the generator found it)', () => {
		assert.equal(insert('%YAML 1.1\n---\ngroupTypes:\n  a:\n', ['groupTypes'], 'e0', null), '%YAML 1.1\n---\ngroupTypes:\n  a:\n  "e0":\n');
	});

	it('inserts after a block scalar and a trailing comment on the last entry', () => {
		const text = 'groupTypes:\n  company:\n    description: >-\n      Long text\n      on two lines\n  team:   # last one\n\n# end\n';
		assert.equal(insert(text, ['groupTypes'], 'region', null), 'groupTypes:\n  company:\n    description: >-\n      Long text\n      on two lines\n  team:   # last one\n  region:\n\n# end\n');
	});

	it('keeps a comment inside a flow mapping written over several lines, and never writes into one', () => {
		// Empty but for a comment: the entry goes right after `{` (it used to replace everything up to `}`, comment included).
		assert.equal(insert('events: {\n  # none yet\n}\n', ['events'], 'E', { groups: [] }), 'events: { E: { groups: [] }\n  # none yet\n}\n');
		assert.equal(insert('events: { }\n', ['events'], 'E', null), 'events: { E: {} }\n');
		// A comment after the last entry: the new one goes after that entry's value (it used to land inside the comment).
		assert.equal(
			insert('groupTypes: {\n  team: { level: user }  # the only one\n  }\n', ['groupTypes'], 'company', null),
			'groupTypes: {\n  team: { level: user }, company: {}  # the only one\n  }\n',
		);
	});
});

/** The plan's data, read as parsePlan reads it (lone CRs are line breaks). */
function dataOf(text: string): unknown {
	return parseDocument(text.replace(/\r(?!\n)/g, '\n'), { uniqueKeys: false }).toJS({ maxAliasCount: -1 });
}

describe('insertPlanEntry, on YAML styles it used to get wrong (issue 13)', () => {
	it('after a |+ (keep) block scalar: the scalar keeps its trailing blank lines', () => {
		const text = 'groupTypes:\n  company:\n    description: |+\n      Pays us.\n\n\n';
		const result = insert(text, ['groupTypes'], 'team', { level: 'user' });
		assert.equal(result, `${text}  team:\n    level: user\n`);
		assert.equal((dataOf(result) as { groupTypes: { company: { description: string } } }).groupTypes.company.description, 'Pays us.\n\n\n');
	});

	it('after an explicit key (? company): at the entries\' column, not the key\'s', () => {
		const text = 'groupTypes:\n  ? company\n  : level: user\n';
		assert.equal(insert(text, ['groupTypes'], 'team', { level: 'user' }), `${text}  team:\n    level: user\n`);
	});

	it('after a tagged key (!!str company:): at the entries\' column, not the key\'s', () => {
		const text = 'groupTypes:\n  !!str company:\n    level: user\n';
		assert.equal(insert(text, ['groupTypes'], 'team', { level: 'user' }), `${text}  team:\n    level: user\n`);
	});

	it('into groupTypes: ~ (and null, !!null): the null becomes the mapping', () => {
		assert.equal(insert('groupTypes: ~\nevents: {}\n', ['groupTypes'], 'team', { level: 'user' }), 'groupTypes:\n  team:\n    level: user\nevents: {}\n');
		assert.equal(insert('groupTypes: null\n', ['groupTypes'], 'team', null), 'groupTypes:\n  team:\n');
		assert.equal(insert('groupTypes: !!null\n', ['groupTypes'], 'team', null), 'groupTypes:\n  team:\n');
		// A comment after the null stays where it is: the mapping takes the null's place, in flow style.
		assert.equal(insert('groupTypes: ~ # none yet\n', ['groupTypes'], 'team', { level: 'user' }), 'groupTypes: { team: { level: user } } # none yet\n');
	});

	it('offers nothing on a plan that does not parse (it used to insert into the wrong mapping)', () => {
		const broken = 'groupTypes:\n  company:\n    level: user\n  team: { level: user\nevents: {}\n';
		assert.ok(planFindings(broken).some((f) => f.code === 'plan-syntax'));
		assert.equal(insertPlanEntry(parsePlan(planUri, broken), ['groupTypes'], 'region', null), undefined);
	});
});

describe('insertPlanEntry, counterexamples the plan-style generator found (test/reliability/planStyleInsertion.test.ts)', () => {
	it('an empty flow value followed by a comment: the new mapping goes right after its ":", not against the comment', () => {
		assert.equal(
			insert('{  # note\n groupTypes: { company: {} },\n events:   # note\n}\n', ['events'], 'E', { groups: [] }),
			'{  # note\n groupTypes: { company: {} },\n events: { E: { groups: [] } }   # note\n}\n',
		);
	});

	it('after a last flow entry with an empty value and a comment: the new entry follows its ":"', () => {
		assert.equal(insert('{\r   "events":   # note\r}\r', ['groupTypes'], '', { level: 'user' }), '{\r   "events":, groupTypes: { "": { level: user } }   # note\r}\r');
	});
});

describe('insertPlanEntry, documents and sharing', () => {
	it('an empty or null document: before the end marker, in place of the null', () => {
		assert.equal(insert('---\n# none yet\n...\n', ['groupTypes'], 'team', null), '---\n# none yet\ngroupTypes:\n  team:\n...\n');
		assert.equal(insert('--- ~\n', ['groupTypes'], 'team', null), '---\ngroupTypes:\n  team:\n');
		assert.equal(insert('\ufeff', ['groupTypes'], 'team', null), '\ufeffgroupTypes:\n  team:\n');
	});

	it('a key with no value indicator (? groupTypes, { groupTypes }) gets one with the mapping', () => {
		assert.equal(insert('? groupTypes\n', ['groupTypes'], 'team', null), '? groupTypes\n:\n  team:\n');
		assert.equal(insert('{ groupTypes }', ['groupTypes'], 'team', null), '{ groupTypes: { team: {} } }');
	});

	it('refuses to write into a mapping an alias shares, or where a merge key would lose what it merged', () => {
		const aliased = 'groupTypes:\n  company:\n    properties: &props\n      plan: { type: string }\n  team:\n    properties: *props\n';
		assert.equal(insertPlanEntry(parsePlan(planUri, aliased), ['groupTypes', 'company', 'properties'], 'seats', { type: 'integer' }), undefined);
		assert.equal(insertPlanEntry(parsePlan(planUri, aliased), ['groupTypes', 'team', 'properties'], 'seats', { type: 'integer' }), undefined);
		const merged = 'base: &base\n  properties:\n    plan: { type: string }\ngroupTypes:\n  team:\n    <<: *base\n';
		// A `properties` of its own would hide the merged ones from every tool that reads merge keys.
		assert.equal(insertPlanEntry(parsePlan(planUri, merged), ['groupTypes', 'team', 'properties'], 'seats', { type: 'integer' }), undefined);
		// (`base` and `<<` are plan-schema findings, so not through `insert`, which wants a clean plan.)
		const edit = insertPlanEntry(parsePlan(planUri, merged), ['groupTypes'], 'company', null);
		assert.ok(edit);
		assert.equal(applyTextEdits(merged, [edit]), `${merged}  company:\n`);
	});
});

describe('insertPlanEntry refuses rather than guesses', () => {
	it('on a plan yaml reads with a warning (an unresolved tag): its reading cannot be trusted', () => {
		const text = 'groupTypes:\n  company:\n    level: !custom user\n';
		assert.equal(parsePlan(planUri, text).document.warnings.length, 1);
		assert.equal(insertPlanEntry(parsePlan(planUri, text), ['groupTypes'], 'team', null), undefined);
	});

	it('a key longer than the 1,024 characters YAML allows an implicit key: no edit, not a broken plan', () => {
		assert.equal(insertPlanEntry(parsePlan(planUri, 'groupTypes:\n  company:\n'), ['groupTypes'], 'x'.repeat(2000), null), undefined);
	});
});
