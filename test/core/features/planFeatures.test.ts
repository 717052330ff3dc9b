import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
	applyTextEdits,
	completion,
	documentSymbols,
	hover,
	neverCancelled,
	quickFixes,
	WorkspaceIndex,
	workspaceSymbols,
	type Finding,
} from '../../../core/src/index';
import { lines, markedText } from '../../support/markedText';
import { planUri } from '../../support/planFindings';

const plan = lines(
	'project: Acme',
	'groupTypes:',
	'  company_id:',
	'    description: The paying customer',
	'    level: user',
	'    value: numeric',
	'    displayProperty: Account Name',
	'    properties:',
	'      Account Name: { type: string, description: Legal name }',
	'      csm_owner: { type: string, source: salesforce }',
	'    salesforce: { syncEveryDays: 7 }',
	'  workspace_id: { level: event }',
	'events:',
	'  Report Exported:',
	'    groups: [company_id, workspace_id]',
	'',
);

function indexWith(text: string): WorkspaceIndex {
	const index = new WorkspaceIndex({ frontEnds: [] });
	index.setPlan(planUri, text);
	return index;
}

/** Completion labels at the `|` of a plan fixture. */
function complete(marked: string): string[] {
	const { text, cursor } = markedText(marked, { cursor: true });
	return completion(indexWith(text), planUri, text, cursor!, neverCancelled).map((c) => c.label);
}

describe('plan completion', () => {
	it('offers the keys of a group type, with their descriptions', () => {
		const { text, cursor } = markedText(plan.replace('    level: user', '    level: user\n    |'), { cursor: true });
		const items = completion(indexWith(text), planUri, text, cursor!, neverCancelled);
		assert.deepEqual(
			items.map((i) => i.label),
			['description', 'level', 'value', 'displayProperty', 'properties', 'salesforce'],
		);
		assert.match(items.find((i) => i.label === 'level')!.documentation!, /setGroup/);
	});

	it('offers top-level keys, enum values, and declared names where they are referenced', () => {
		assert.deepEqual(complete(`${plan}|`), ['project', 'limits', 'sources', 'segment', 'groupTypes', 'events']);
		assert.deepEqual(complete(plan.replace('    level: user', '    level: |')), ['user', 'event', 'any']);
		assert.deepEqual(complete(plan.replace('    groups: [company_id, workspace_id]', '    groups: [company_id, |]')), ['company_id', 'workspace_id']);
		assert.deepEqual(complete(plan.replace('    displayProperty: Account Name', '    displayProperty: Acc|')), ['Account Name', 'csm_owner']);
		assert.deepEqual(
			complete(plan.replace('Account Name: { type: string, description: Legal name }', 'Account Name:\n        type: |')),
			['string', 'number', 'integer', 'boolean', 'array', 'object'],
		);
	});

	it('offers group types in a block list of an event', () => {
		assert.deepEqual(complete(plan.replace('    groups: [company_id, workspace_id]', '    groups:\n      - |')), ['company_id', 'workspace_id']);
	});
});

describe('plan hover, symbols and fixes', () => {
	it('hovers a group type key with its description, level, properties and limits used', () => {
		const offset = plan.indexOf('company_id:') + 3;
		const result = hover(indexWith(plan), planUri, offset, new Date('2026-11-28T12:00:00Z'), neverCancelled)!;
		assert.match(result.markdown, /\*\*company_id\*\* — group type · user level/);
		assert.match(result.markdown, /The paying customer/);
		assert.match(result.markdown, /Limits used: 2 \/ 5 group types · 2 \/ 1000 group properties/);
		assert.match(result.markdown, /Synced from Salesforce every 7 days: a change made today reaches Amplitude by 2026-12-05/);
		assert.match(result.markdown, /Not used in code\./);
		assert.equal(plan.slice(result.range.start, result.range.end), 'company_id');
	});

	it('hovers a reference in an event the same way', () => {
		const offset = plan.indexOf('[company_id') + 2;
		assert.match(hover(indexWith(plan), planUri, offset, new Date(), neverCancelled)!.markdown, /\*\*company_id\*\*/);
	});

	it('outlines the plan as group types (with properties) and events', () => {
		const index = indexWith(plan);
		const outline = documentSymbols(index.plan(planUri)!);
		assert.deepEqual(
			outline.map((s) => [s.name, s.children.map((c) => [c.name, c.children.map((g) => g.name)])]),
			[
				['groupTypes', [['company_id', ['Account Name', 'csm_owner']], ['workspace_id', []]]],
				['events', [['Report Exported', []]]],
			],
		);
		assert.deepEqual(
			workspaceSymbols(index, 'acnt').map((s) => `${s.name} (${s.container})`),
			['Account Name (company_id)'],
		);
	});

	it('fixes a misspelt key and an unknown group reference from the diagnostic data alone', () => {
		const broken = plan.replace('    description: The paying customer', '    descripton: The paying customer').replace('[company_id, workspace_id]', '[company_id, workspce_id]');
		const index = indexWith(broken);
		const findings: Finding[] = index.findings(planUri, {}, neverCancelled);
		assert.deepEqual(
			findings.map((f) => f.code),
			['plan-schema', 'unknown-group-reference'],
		);
		const fixes = quickFixes(index, planUri, broken, findings, neverCancelled);
		assert.deepEqual(
			fixes.map((f) => [f.title, f.isPreferred]),
			[
				['Change to "description"', true],
				['Change to "workspace_id"', true],
				['Add group type "workspce_id" to tracking-plan.yaml', false],
			],
		);
		const fixed = applyTextEdits(broken, [...fixes[0]!.edits[planUri]!, ...fixes[1]!.edits[planUri]!]);
		assert.equal(fixed, plan);
	});
});

describe('plan fixes on a plan that does not parse', () => {
	it('offers no plan-side "Change to" nor "Add group type": the plan-syntax error comes first', () => {
		const broken = plan.replace('[company_id, workspace_id]', '[company_id, workspce_id]').replace('    value: numeric\n', '    value: numeric\n  bad: [\n');
		const index = indexWith(broken);
		const findings: Finding[] = index.findings(planUri, {}, neverCancelled);
		assert.ok(findings.some((f) => f.code === 'plan-syntax'), findings.map((f) => f.code).join(', '));
		assert.ok(findings.some((f) => f.code === 'unknown-group-reference' || f.code === 'plan-schema'), findings.map((f) => f.code).join(', '));
		assert.deepEqual(quickFixes(index, planUri, broken, findings, neverCancelled), []);
	});
});
