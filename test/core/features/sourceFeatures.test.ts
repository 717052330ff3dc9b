import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyTextEdits, completion, defaultFrontEnds, neverCancelled, quickFixes, WorkspaceIndex } from '../../../core/src/index';
import { lines, markedText } from '../../support/markedText';

const root = 'file:///shop';
const planUri = `${root}/tracking-plan.yaml`;
const plan = lines(
	'segment: { groupTypeTrait: group_type, groupValueTrait: group_value }',
	'groupTypes:',
	'  company_id:',
	'    description: The paying customer',
	'    level: user',
	'    properties:',
	'      Account Name: { type: string, description: Legal name }',
	'      plan: { type: string, enum: [free, pro] }',
	'      mau: { type: number, dynamic: true }',
	'  workspace_id: { level: event }',
	'events:',
	'  Report Exported: { description: A report was downloaded, groups: [workspace_id] }',
	'',
);

function indexWith(uri: string, text: string): WorkspaceIndex {
	const index = new WorkspaceIndex({ frontEnds: defaultFrontEnds });
	index.setPlan(planUri, plan);
	index.setSource(uri, text);
	return index;
}

function labelsAt(marked: string): string[] {
	const { text, cursor } = markedText(marked, { cursor: true });
	const uri = `${root}/src/app.ts`;
	return completion(indexWith(uri, text), uri, text, cursor!, neverCancelled).map((c) => c.label);
}

const header = "import * as amplitude from '@amplitude/analytics-browser';\n";

describe('completion in source files', () => {
	it('offers declared group types in setGroup, groupIdentify and a groups object', () => {
		assert.deepEqual(labelsAt(`${header}amplitude.setGroup('|`), ['company_id', 'workspace_id']);
		assert.deepEqual(labelsAt(`${header}amplitude.groupIdentify("comp|`), ['company_id', 'workspace_id']);
		assert.deepEqual(labelsAt(`${header}amplitude.track('Report Exported', {}, { groups: { |`), ['company_id', 'workspace_id']);
	});

	it("offers the group type's writable properties inside Identify().set(", () => {
		const marked = `${header}const id = new amplitude.Identify();\nid.set('|');\namplitude.groupIdentify('company_id', '42', id);\n`;
		assert.deepEqual(labelsAt(marked), ['Account Name', 'plan']);
	});

	it('offers event names inside track(', () => {
		assert.deepEqual(labelsAt(`${header}amplitude.track('Rep|`), ['Report Exported']);
	});

	it('offers nothing outside those contexts, and property names only where an Identify is used', () => {
		assert.deepEqual(labelsAt(`${header}const cache = new Map();\ncache.set('|`), []);
		assert.deepEqual(labelsAt(`${header}console.log('|`), []);
	});
});

describe('quick fixes in source files', () => {
	it('adds an undeclared group property to its group type in the plan, in the siblings\' style', () => {
		const uri = `${root}/src/account.ts`;
		const text = `${header}amplitude.groupIdentify('company_id', '42', new amplitude.Identify().set('seats', 25));\n`;
		const index = indexWith(uri, text);
		const findings = index.findings(uri, {}, neverCancelled);
		assert.deepEqual(
			findings.map((f) => f.code),
			['undeclared-group-property'],
		);
		const [fix] = quickFixes(index, uri, text, findings, neverCancelled);
		assert.equal(fix!.title, 'Add group property "seats" to "company_id" in tracking-plan.yaml');
		const newPlan = applyTextEdits(plan, fix!.edits[planUri]!);
		assert.equal(newPlan, plan.replace("      mau: { type: number, dynamic: true }\n", "      mau: { type: number, dynamic: true }\n      seats: { type: integer }\n"));
	});

	it('adds the Segment type and value traits to a group call', () => {
		const uri = `${root}/src/marketing.ts`;
		const text = "import { AnalyticsBrowser } from '@segment/analytics-next';\nconst analytics = AnalyticsBrowser.load({ writeKey: 'k' });\nanalytics.group('42', { name: 'Acme' });\n";
		const index = indexWith(uri, text);
		const findings = index.findings(uri, {}, neverCancelled);
		assert.deepEqual(
			findings.map((f) => f.code),
			['segment-group-fallback'],
		);
		const [fix] = quickFixes(index, uri, text, findings, neverCancelled);
		assert.equal(fix!.title, 'Add the group_type and group_value traits Amplitude needs');
		assert.equal(
			applyTextEdits(text, fix!.edits[uri]!),
			text.replace("{ name: 'Acme' }", "{ name: 'Acme', group_type: '' /* TODO: group_type */, group_value: '' /* TODO: group_value */ }"),
		);
	});

	it('adds missing groups as a new options argument when the call has none', () => {
		const uri = `${root}/src/reports.ts`;
		const text = `${header}amplitude.track('Report Exported', { format: 'csv' });\n`;
		const index = indexWith(uri, text);
		const findings = index.findings(uri, {}, neverCancelled);
		const [fix] = quickFixes(index, uri, text, findings, neverCancelled);
		assert.equal(
			applyTextEdits(text, fix!.edits[uri]!),
			text.replace("{ format: 'csv' })", "{ format: 'csv' }, { groups: { workspace_id: '' /* TODO: workspace_id value */ } })"),
		);
	});
});

describe('quick fixes in source files, with a plan that does not parse', () => {
	it('offers no "Add … to tracking-plan.yaml": the plan\'s own syntax error comes first', () => {
		const uri = `${root}/src/account.ts`;
		const text = `${header}amplitude.setGroup('region', 'eu');\namplitude.groupIdentify('company_id', '42', new amplitude.Identify().set('seats', 25));\n`;
		const index = new WorkspaceIndex({ frontEnds: defaultFrontEnds });
		index.setPlan(planUri, plan.replace('  workspace_id: { level: event }\n', '  workspace_id: { level: event\n'));
		index.setSource(uri, text);
		assert.ok(index.findings(planUri, {}, neverCancelled).some((f) => f.code === 'plan-syntax'));
		const findings = index.findings(uri, {}, neverCancelled);
		assert.deepEqual(findings.map((f) => f.code).sort(), ['undeclared-group-property', 'undeclared-group-type']);
		assert.deepEqual(quickFixes(index, uri, text, findings, neverCancelled).map((f) => f.title), []);
	});
});
