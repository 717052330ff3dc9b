import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkPlan, defaultFrontEnds, neverCancelled, parsePlan, WorkspaceIndex, type SourceFrontEnd } from '../../../core/src/index';
import { codeRules } from '../../../core/src/rules/code/codeRules';
import { planRules } from '../../../core/src/rules/plan/planRules';
import type { CodeRule } from '../../../core/src/rules/codeRule';

const root = 'file:///ws';
const plan = 'groupTypes:\n  company: { level: user }\n';
const source = "import { setGroup } from '@amplitude/analytics-browser';\nsetGroup('compnay', '1');\n";

const faultyRule: CodeRule = {
	codes: ['unknown-event'],
	check() {
		throw new Error('injected fault in a rule');
	},
};

describe('an internal failure is contained', () => {
	it('a throwing code rule is logged with its stack; the other rules still report', () => {
		const errors: { context: string; error: unknown }[] = [];
		const index = new WorkspaceIndex({
			frontEnds: defaultFrontEnds,
			codeRules: [faultyRule, ...codeRules],
			onInternalError: (context, error) => errors.push({ context, error }),
		});
		index.setPlan(`${root}/tracking-plan.yaml`, plan);
		index.setSource(`${root}/a.ts`, source);
		assert.deepEqual(
			index.findings(`${root}/a.ts`, {}, neverCancelled).map((f) => f.code),
			['undeclared-group-type'],
		);
		assert.equal(errors.length, 1);
		assert.match(errors[0]!.context, /rule unknown-event on file:\/\/\/ws\/a\.ts/);
		assert.match((errors[0]!.error as Error).stack!, /injected fault in a rule/);
	});

	it('a throwing front end leaves that file without facts and the others intact', () => {
		const errors: string[] = [];
		const broken: SourceFrontEnd = { ...defaultFrontEnds[0]!, handles: (uri) => uri.endsWith('.broken.ts'), scan: () => { throw new RangeError('injected fault in a front end'); } };
		const index = new WorkspaceIndex({ frontEnds: [broken, ...defaultFrontEnds], onInternalError: (context) => errors.push(context) });
		index.setPlan(`${root}/tracking-plan.yaml`, plan);
		index.setSource(`${root}/x.broken.ts`, source);
		index.setSource(`${root}/b.ts`, source);
		assert.deepEqual(index.findings(`${root}/x.broken.ts`, {}, neverCancelled), []);
		assert.equal(index.findings(`${root}/b.ts`, {}, neverCancelled).length, 1);
		assert.deepEqual(errors, ['javascript front end on file:///ws/x.broken.ts']);
	});

	it('a throwing plan rule is contained too', () => {
		const errors: string[] = [];
		const findings = checkPlan(
			parsePlan(`${root}/tracking-plan.yaml`, 'groupTypes:\n  company: { levle: user }\n'),
			{},
			neverCancelled,
			(context) => errors.push(context),
			[{ codes: ['duplicate-key'], check: () => { throw new Error('boom'); } }, ...planRules],
		);
		assert.deepEqual(
			findings.map((f) => f.code),
			['plan-schema'],
		);
		assert.equal(errors.length, 1);
	});
});
