import * as assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import * as fc from 'fast-check';
import { checkPlan, neverCancelled, parsePlan } from '../../core/src/index';
import { fuzzedWorkspaces, loadWorkspace, type LoadedWorkspace } from './support/fixtureWorkspaces';
import { assertSeedIsReported, runFuzzTarget } from './support/fuzzSettings';
import { mutatedPlan, planFixtures, randomPlan, randomYamlText } from './support/planInputs';
import { findingsOutside } from './support/rangeChecks';

/**
 * Fuzzing the plan reader and the plan rules (issue 7): random plans and fixture plans broken by
 * line and character edits never make `parsePlan` or `checkPlan` throw (nor a rule fail inside
 * them), and every finding lies inside the plan. A broken plan's model also drives the code rules
 * over the fixture sources without a failure. Seed and runs: support/fuzzSettings.ts.
 */
const planUri = 'file:///workspace/tracking-plan.yaml';
const fixtures = planFixtures();

/** The plan rules over one text: throws (assert) when anything failed or a range is outside the text. */
function checkPlanText(text: string): void {
	const internalErrors: string[] = [];
	const plan = parsePlan(planUri, text);
	assert.equal(plan.text, text);
	const findings = checkPlan(plan, {}, neverCancelled, (context, error) => internalErrors.push(`${context}: ${error instanceof Error ? error.stack : String(error)}`));
	assert.deepEqual(internalErrors, [], 'a plan rule threw');
	assert.deepEqual(findingsOutside(findings, (uri) => (uri === planUri ? text.length : undefined)), []);
	for (const finding of findings) assert.ok(finding.message.length > 0, `${finding.code} has an empty message`);
}

describe('fuzzing: plans never make the parser or the plan rules throw, and findings stay inside the plan', () => {
	it(`the fixture plans themselves pass (${fixtures.length} plans)`, () => {
		assert.ok(fixtures.length >= 6, fixtures.map((f) => f.name).join(', '));
		for (const fixture of fixtures) checkPlanText(fixture.text);
	});

	it('fixture plans with lines deleted, duplicated, swapped, re-indented, characters inserted, truncated', (t) => {
		runFuzzTarget('mutated fixture plans', mutatedPlan(fixtures), ({ text }) => checkPlanText(text), 400, (line) => t.diagnostic(line));
	});

	it('random plan-shaped YAML in every style', (t) => {
		runFuzzTarget('random plan-shaped YAML', randomPlan, checkPlanText, 200, (line) => t.diagnostic(line));
	});

	it('random text of YAML-significant characters and plan words', (t) => {
		runFuzzTarget('random YAML-ish text', randomYamlText, checkPlanText, 200, (line) => t.diagnostic(line));
	});
});

describe('fuzzing: a broken plan drives the code rules over the fixture sources without a failure', () => {
	const workspaces: LoadedWorkspace[] = [];
	before(async () => {
		for (const workspace of fuzzedWorkspaces) workspaces.push(await loadWorkspace(workspace));
	});

	it('every plan finding and code finding stays inside its document, and no rule throws', (t) => {
		const inputs = fc.integer({ min: 0, max: workspaces.length - 1 }).chain((which) => {
			const workspace = workspaces[which]!;
			return mutatedPlan([{ name: workspace.name, text: workspace.planText }]).map((plan) => ({ which, ...plan }));
		});
		runFuzzTarget(
			'mutated plans over fixture sources',
			inputs,
			({ which, text }) => {
				const workspace = workspaces[which]!;
				workspace.internalErrors.length = 0;
				workspace.index.setPlan(workspace.planUri, text);
				const findings = workspace.index.allFindings({}, neverCancelled);
				assert.deepEqual(workspace.internalErrors, [], 'a rule threw');
				const lengthOf = (uri: string) => (uri === workspace.planUri ? text.length : workspace.sources.get(uri)?.length);
				assert.deepEqual(findingsOutside(findings, lengthOf), []);
			},
			150,
			(line) => t.diagnostic(line),
		);
		for (const workspace of workspaces) workspace.index.setPlan(workspace.planUri, workspace.planText);
	});

	it('runs every target with the seed the settings name, and a failure prints that seed', (t) => {
		t.diagnostic(assertSeedIsReported('plan fuzzing'));
	});
});
