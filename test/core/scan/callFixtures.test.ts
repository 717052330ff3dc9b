import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { isJavaScriptLike, scanJavaScriptFile } from '../../../core/src/scan/javascript/index';
import { fixturesRoot } from '../../support/paths';
import { fixtureProblems } from './support/fixtureCheck';

const callsRoot = path.join(fixturesRoot, 'calls');
const fixtureFiles = readdirSync(callsRoot, { recursive: true, withFileTypes: true })
	.filter((entry) => entry.isFile() && isJavaScriptLike(entry.name))
	.map((entry) => path.join(entry.parentPath, entry.name))
	.sort();

describe('call fixtures: every annotated call site, and nothing else, is recognised', () => {
	const totals = { positive: 0, lookAlike: 0 };
	for (const file of fixtureFiles) {
		const relative = path.relative(callsRoot, file);
		it(relative, () => {
			const text = readFileSync(file, 'utf8');
			const facts = scanJavaScriptFile(`file://${file}`, text);
			// Plain data only: no syntax tree (it would not survive JSON), no undefined fields.
			assert.deepEqual(JSON.parse(JSON.stringify(facts)), facts);
			const { problems, annotated } = fixtureProblems(relative, text, facts);
			totals.positive += annotated.positive;
			totals.lookAlike += annotated.lookAlike;
			assert.deepEqual(problems, []);
		});
	}

	it('covers at least 80 annotated call sites', () => {
		assert.ok(totals.positive + totals.lookAlike >= 80, `only ${totals.positive} positive + ${totals.lookAlike} look-alike call sites`);
	});
});
