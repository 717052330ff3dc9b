import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultFrontEnds, neverCancelled, WorkspaceIndex, type Finding } from '../../../core/src/index';

const root = 'file:///app';

function findings(plan: string, source: string): Finding[] {
	const index = new WorkspaceIndex({ frontEnds: defaultFrontEnds });
	index.setPlan(`${root}/tracking-plan.yaml`, plan);
	index.setSource(`${root}/src/a.ts`, source);
	return index.findings(`${root}/src/a.ts`, {}, neverCancelled);
}

const browser = "import * as amplitude from '@amplitude/analytics-browser';\n";

describe('code rules say what to do, for the case at hand', () => {
	it('$add on a property the plan declares as a string is a type mismatch, not an enum one', () => {
		const [finding] = findings(
			'groupTypes:\n  company:\n    properties:\n      plan: { type: string, enum: [free, pro] }\n',
			`${browser}amplitude.groupIdentify('company', '1', new amplitude.Identify().add('plan', 1));\n`,
		);
		assert.equal(finding!.code, 'property-type-mismatch');
		assert.match(finding!.message, /^\$add adds to a number, but the plan declares "plan" as string\./);
	});

	it('a Segment group call missing one trait is told to add that one only', () => {
		const [finding] = findings(
			'segment: { groupTypeTrait: group_type, groupValueTrait: name }\ngroupTypes:\n  company:\n',
			"import { AnalyticsBrowser } from '@segment/analytics-next';\nconst analytics = AnalyticsBrowser.load({ writeKey: 'k' });\nanalytics.group('42', { name: 'Acme' });\n",
		);
		assert.equal(finding!.code, 'segment-group-fallback');
		assert.match(finding!.message, /Add group_type: <group type> to the traits/);
		assert.doesNotMatch(finding!.message, /name: <group value>/);
	});

	it('an undeclared group type past the limit is not told to be declared', () => {
		const result = findings('limits: { groupTypes: 1 }\ngroupTypes:\n  company:\n', `${browser}amplitude.setGroup('region', 'eu');\n`);
		const undeclared = result.find((f) => f.code === 'undeclared-group-type')!;
		assert.match(undeclared.message, /no room for another group type: use a declared one/);
		assert.ok(result.some((f) => f.code === 'group-type-limit'));
	});
});
