import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lines, markedText } from '../../support/markedText';
import { expectedSummary, planFindings, summarise } from '../../support/planFindings';

describe('group-type-limit (plan)', () => {
	it('reports exactly one error, on the sixth group type key', () => {
		const { text, ranges } = markedText(
			lines(
				'project: Acme Web (test)',
				'groupTypes:',
				'  company: { description: A paying customer organisation }',
				'  workspace: {}',
				'  team:',
				'  project:',
				'  region:',
				'  «billing_account»:',
				'    description: One more than Amplitude allows',
			),
		);
		const findings = planFindings(text).filter((f) => f.code === 'group-type-limit');
		assert.deepEqual(summarise(findings), expectedSummary('group-type-limit', 'error', ranges));
		assert.match(findings[0]!.message, /group type 6, but this project allows 5/);
		assert.match(findings[0]!.message, /retroactively/);
		assert.deepEqual(findings[0]!.data, { rule: 'group-type-limit', groupType: 'billing_account', limit: 5, position: 6 });
	});

	it('honours limits.groupTypes from the plan', () => {
		const { text, ranges } = markedText(
			lines('limits:', '  groupTypes: 2   # Segment Classic maps fewer', 'groupTypes:', '  company:', '  team:', '  «region»:', '  «plan_tier»:'),
		);
		assert.deepEqual(summarise(planFindings(text)), expectedSummary('group-type-limit', 'error', ranges));
	});

	it('is silent at exactly the limit', () => {
		const text = lines('groupTypes:', '  a:', '  b:', '  c:', '  d:', '  e:');
		assert.deepEqual(planFindings(text), []);
	});

	it('can be turned off or downgraded per rule', () => {
		const text = lines('groupTypes:', '  a:', '  b:', '  c:', '  d:', '  e:', '  f:');
		assert.deepEqual(planFindings(text, { 'group-type-limit': 'off' }), []);
		assert.equal(planFindings(text, { 'group-type-limit': 'warning' })[0]!.severity, 'warning');
	});
});

describe('group-property-limit (plan)', () => {
	it('reports each property past the limit, counted across group types in plan order', () => {
		const { text, ranges } = markedText(
			lines(
				'limits: { groupProperties: 3 }',
				'groupTypes:',
				'  company:',
				'    properties:',
				'      Account Name: { type: string }',
				'      plan: { type: string, enum: [free, pro, enterprise] }',
				'  team:',
				'    properties:',
				'      team_size: { type: integer }',
				'      «team_lead»: { type: string }',
				'      «cost_center»:',
			),
		);
		const findings = planFindings(text);
		assert.deepEqual(summarise(findings), expectedSummary('group-property-limit', 'error', ranges));
		assert.deepEqual(findings[0]!.data, { rule: 'group-property-limit', groupType: 'team', property: 'team_lead', limit: 3, position: 4 });
		assert.match(findings[1]!.message, /number 5, but this project allows 3/);
	});

	it("defaults to Amplitude's 1000", () => {
		const properties = Array.from({ length: 1001 }, (_, i) => `      p${i}: { type: string }`);
		const text = lines('groupTypes:', '  company:', '    properties:', ...properties);
		const findings = planFindings(text);
		assert.equal(findings.length, 1);
		assert.equal(text.slice(findings[0]!.range.start, findings[0]!.range.end), 'p1000');
	});
});
