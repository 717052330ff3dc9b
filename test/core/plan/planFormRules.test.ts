import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lines, markedText } from '../../support/markedText';
import { expectedSummary, planFindings, summarise } from '../../support/planFindings';

describe('plan-syntax', () => {
	it('reports YAML errors at their position', () => {
		const text = lines('groupTypes:', '  company: { description: "unterminated }', 'events:');
		const findings = planFindings(text);
		assert.ok(findings.length > 0);
		assert.ok(findings.every((f) => f.code === 'plan-syntax' && f.severity === 'error'));
		assert.ok(findings.every((f) => f.range.start >= 0 && f.range.end <= text.length));
	});

	it('reports a second document', () => {
		const { text, ranges } = markedText(lines('groupTypes:', '  company:', '«---»', 'events:'));
		const findings = planFindings(text).filter((f) => f.code === 'plan-syntax');
		assert.equal(findings.length, 1);
		assert.equal(findings[0]!.range.start, ranges[0]!.start);
	});

	it('reports an alias to no anchor', () => {
		const { text, ranges } = markedText(lines('groupTypes:', '  company: «*base»'));
		assert.deepEqual(
			summarise(planFindings(text)).filter((s) => s.startsWith('plan-syntax')),
			expectedSummary('plan-syntax', 'error', ranges),
		);
	});
});

describe('plan-schema', () => {
	it('flags an unknown key with "did you mean"', () => {
		const { text, ranges } = markedText(lines('groupTypes:', '  company:', '    «descripton»: A paying customer', '    level: user'));
		const findings = planFindings(text);
		assert.deepEqual(summarise(findings), expectedSummary('plan-schema', 'error', ranges));
		assert.match(findings[0]!.message, /Unknown key "descripton".*Did you mean "description"\?/);
		assert.deepEqual(findings[0]!.data, {
			rule: 'plan-schema',
			problem: 'unknown-key',
			path: ['groupTypes', 'company', 'descripton'],
			suggestion: 'description',
		});
	});

	it('lists the allowed keys when nothing is close', () => {
		const { text } = markedText(lines('groupTypes:', '  company:', '    owner_team: growth'));
		assert.match(planFindings(text)[0]!.message, /Allowed here: description, level, value, displayProperty, properties, salesforce\./);
	});

	it('flags a bad enum value with a suggestion', () => {
		const { text, ranges } = markedText(lines('groupTypes:', '  company:', '    level: «users»', '    properties:', '      seats: { type: «int» }'));
		const findings = planFindings(text);
		assert.deepEqual(summarise(findings), expectedSummary('plan-schema', 'error', ranges));
		assert.match(findings[0]!.message, /"users" is not a valid "groupTypes\.company\.level"\. Did you mean "user"\?/);
		assert.equal((findings[1]!.data as { suggestion?: string }).suggestion, undefined);
		assert.match(findings[1]!.message, /Use one of: string, number, integer, boolean, array, object\./);
	});

	it('flags wrong types', () => {
		const { text, ranges } = markedText(
			lines(
				'limits:',
				'  groupTypes: «five»',
				'  groupProperties: «0»',
				'sources:',
				'  include: «src/**»',
				'groupTypes:',
				'  company:',
				'    properties:',
				'      Monthly Active Users: { type: number, dynamic: «yes please» }',
				'events:',
				'  Report Exported:',
				'    groups: [«{ company: 1 }»]',
			),
		);
		const findings = planFindings(text);
		assert.deepEqual(summarise(findings), expectedSummary('plan-schema', 'error', ranges));
		assert.deepEqual(
			findings.map((f) => (f.data as { problem: string }).problem),
			['wrong-type', 'out-of-range', 'wrong-type', 'wrong-type', 'wrong-type'],
		);
	});

	it('accepts a complete plan as in the specification', () => {
		const text = lines(
			'project: Acme Web (test)',
			'limits:',
			'  groupTypes: 5',
			'  groupProperties: 1000',
			'  groupTypesPerEvent: 5',
			'  groupValuesPerEvent: 10',
			'sources:',
			'  include: ["**/*"]',
			'  exclude: ["**/node_modules/**", "**/dist/**", "**/build/**"]',
			'segment:',
			'  destination: classic',
			'  groupTypeTrait: group_type',
			'  groupValueTrait: name',
			'groupTypes:',
			'  company:',
			'    description: A paying customer organisation',
			'    level: user',
			'    value: numeric',
			'    displayProperty: Account Name',
			'    properties:',
			'      Account Name: { type: string, description: Human-readable account name }',
			'      plan:         { type: string, enum: [free, pro, enterprise] }',
			'      seats:        { type: integer }',
			'      Monthly Active Users: { type: number, dynamic: true }',
			'      csm_owner:    { type: string, source: salesforce }',
			'    salesforce: { syncEveryDays: 7 }',
			'events:',
			'  Report Exported:',
			'    description: A report was downloaded',
			'    groups: [company]',
			'    properties:',
			'      format: { type: string, enum: [csv, pdf] }',
		);
		assert.deepEqual(planFindings(text), []);
	});
});

describe('duplicate-key', () => {
	it('flags the second declaration of a key, pointing at the first', () => {
		const { text, ranges } = markedText(
			lines('groupTypes:', '  «company»:', '    description: first', '  team:', '  «company»:', '    description: second'),
		);
		const findings = planFindings(text);
		assert.deepEqual(summarise(findings), expectedSummary('duplicate-key', 'error', [ranges[1]!]));
		assert.deepEqual(findings[0]!.data, { rule: 'duplicate-key', key: 'company', firstOccurrence: ranges[0] });
	});

	it('flags duplicates in nested and flow mappings', () => {
		const { text, ranges } = markedText(lines('groupTypes:', '  company:', '    properties:', '      plan: { type: string, «type»: integer }'));
		assert.deepEqual(summarise(planFindings(text)), expectedSummary('duplicate-key', 'error', ranges));
	});
});
