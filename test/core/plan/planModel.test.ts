import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parsePlan } from '../../../core/src/index';
import { lines } from '../../support/markedText';
import { planUri } from '../../support/planFindings';

describe('plan model', () => {
	const text = lines(
		'project: Acme Web (test)',
		'limits: { groupTypes: 4 }',
		'segment: { groupValueTrait: account_id }',
		'groupTypes:',
		'  company:',
		'    description: A paying customer organisation',
		'    level: user',
		'    value: numeric',
		'    displayProperty: Account Name',
		'    properties:',
		'      Account Name: { type: string }',
		'      Monthly Active Users: { type: number, dynamic: true }',
		'      csm_owner: { type: string, source: salesforce }',
		'      health: { source: dynamic }',
		'    salesforce: { syncEveryDays: 7 }',
		'  team:',
		'events:',
		'  Report Exported:',
		'    groups: [company]',
		'    properties:',
		'      format: { type: string, enum: [csv, pdf] }',
	);
	const { model } = parsePlan(planUri, text);

	it('reads names with their ranges, in plan order', () => {
		assert.deepEqual(
			model.groupTypes.map((t) => t.name),
			['company', 'team'],
		);
		const company = model.groupTypes[0]!;
		assert.equal(text.slice(company.range.start, company.range.end), 'company');
		assert.equal(text.slice(company.displayProperty!.range.start, company.displayProperty!.range.end), 'Account Name');
	});

	it('fills defaults and honours overrides', () => {
		assert.equal(model.project, 'Acme Web (test)');
		assert.equal(model.limits.groupTypes.value, 4);
		assert.ok(model.limits.groupTypes.range);
		assert.equal(model.limits.groupProperties.value, 1000);
		assert.equal(model.limits.groupProperties.range, undefined);
		assert.deepEqual(model.segment, { destination: 'classic', groupTypeTrait: 'group_type', groupValueTrait: 'account_id' });
		assert.deepEqual(model.sources, { include: ['**/*'], exclude: [] });
		const team = model.groupTypes[1]!;
		assert.equal(team.level, 'any');
		assert.equal(team.value, 'string');
		assert.deepEqual(team.properties, []);
	});

	it('knows which properties code may write', () => {
		const byName = Object.fromEntries(model.groupTypes[0]!.properties.map((p) => [p.name, p]));
		assert.equal(byName['Account Name']!.source, 'code');
		assert.equal(byName['Account Name']!.dynamic, false);
		assert.equal(byName['Monthly Active Users']!.dynamic, true);
		assert.equal(byName['Monthly Active Users']!.source, 'dynamic');
		assert.equal(byName['csm_owner']!.source, 'salesforce');
		assert.equal(byName['health']!.dynamic, true);
		assert.equal(byName['csm_owner']!.groupType, 'company');
		assert.deepEqual(model.groupTypes[0]!.salesforce, { syncEveryDays: 7 });
	});

	it('reads events with their groups and properties', () => {
		const event = model.events[0]!;
		assert.equal(event.name, 'Report Exported');
		assert.deepEqual(
			event.groups.map((g) => g.name),
			['company'],
		);
		assert.deepEqual(event.properties[0]!.enum, ['csv', 'pdf']);
	});
});
