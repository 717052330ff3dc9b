import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import { fixtureProblems } from './support/fixtureCheck';
import { fixtureFiles, fixtureSets, prepareFrontEnd, scanFixture } from './support/fixtureSets';

for (const set of fixtureSets) {
	describe(`call fixtures (${set.name}): every annotated call site, and nothing else, is recognised`, () => {
		before(() => prepareFrontEnd(set.frontEnd));
		const totals = { positive: 0, lookAlike: 0 };
		for (const file of fixtureFiles(set)) {
			const relative = path.relative(set.root, file);
			it(relative, () => {
				const text = readFileSync(file, 'utf8');
				const facts = scanFixture(set, file, text);
				// Plain data only: no syntax tree (it would not survive JSON), no undefined fields.
				assert.deepEqual(JSON.parse(JSON.stringify(facts)), facts);
				const { problems, annotated } = fixtureProblems(relative, text, facts);
				totals.positive += annotated.positive;
				totals.lookAlike += annotated.lookAlike;
				assert.deepEqual(problems, []);
			});
		}

		it(`covers at least ${set.minimumAnnotated} annotated call sites`, () => {
			assert.ok(totals.positive + totals.lookAlike >= set.minimumAnnotated, `only ${totals.positive} positive + ${totals.lookAlike} look-alike call sites`);
		});
	});
}
