import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { documentText, LineIndex, parsePlan } from '../../../core/src/index';
import { lines, markedText } from '../../support/markedText';
import { planFindings, planUri, summarise } from '../../support/planFindings';

describe('plans that are not what they should be', () => {
	it('an empty file declares nothing and reports nothing', () => {
		for (const text of ['', '\n\n', '# only a comment\n']) {
			assert.deepEqual(planFindings(text), []);
			assert.equal(parsePlan(planUri, text).model.groupTypes.length, 0);
		}
	});

	it('a file that is not a mapping is one plan-schema error', () => {
		for (const text of ['- company\n- team\n', 'just a sentence\n', '42\n']) {
			const findings = planFindings(text);
			assert.equal(findings.length, 1, text);
			assert.equal(findings[0]!.code, 'plan-schema');
			assert.match(findings[0]!.message, /must be a mapping/);
		}
	});

	it('a tab used as indentation is a plan-syntax error on the tab', () => {
		const text = 'groupTypes:\n\tcompany:\n';
		const findings = planFindings(text).filter((f) => f.code === 'plan-syntax');
		assert.ok(findings.length >= 1);
		assert.equal(findings[0]!.range.start, text.indexOf('\t'));
	});

	it('tabs inside values are fine, and ranges after them are exact', () => {
		const { text, ranges } = markedText('groupTypes:\n  company: { description: "tab\there" }\n  «company»:\n');
		assert.deepEqual(summarise(planFindings(text)), [`duplicate-key error ${ranges[0]!.start}-${ranges[0]!.end}`]);
	});

	it('CRLF line endings keep ranges and positions exact', () => {
		const { text, ranges } = markedText(lines('groupTypes:', '  company:', '    level: «usr»', 'events:', '  A:', '    groups: [«team»]').replace(/\n/g, '\r\n'));
		const findings = planFindings(text);
		assert.deepEqual(
			findings.map((f) => [f.code, f.range]),
			[
				['plan-schema', ranges[0]],
				['unknown-group-reference', ranges[1]],
			],
		);
		const index = new LineIndex(text);
		assert.deepEqual(index.positionAt(findings[0]!.range.start), { line: 2, character: 11 });
		assert.deepEqual(index.positionAt(findings[1]!.range.start), { line: 5, character: 13 });
	});

	it('a byte-order mark is dropped as editors do, so positions match the editor', () => {
		const raw = '\ufeffgroupTypes:\n  company:\n    level: usr\n';
		const text = documentText(raw);
		const [finding] = planFindings(text);
		assert.deepEqual(new LineIndex(text).positionAt(finding!.range.start), { line: 2, character: 11 });
	});

	it('a billion-laughs alias bomb answers fast with a diagnostic', () => {
		const bomb = [
			'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
			'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
			'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
			'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
			'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
			'f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
			'g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]',
			'h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]',
			'i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]',
			'sources:',
			'  include: *i',
			'groupTypes:',
			'  company: &gt',
			'    properties: &props',
			'      plan: &p { type: string, enum: *i }',
			'      seats: *p',
			'      tier: *p',
			'  team: *gt',
			'  workspace: *gt',
			'events:',
			'  A: { groups: *i }',
			'  B: { groups: *i }',
		].join('\n');
		const started = performance.now();
		const findings = planFindings(bomb);
		const elapsed = performance.now() - started;
		assert.ok(elapsed < 500, `took ${elapsed.toFixed(0)} ms`);
		assert.ok(findings.some((f) => f.code === 'plan-syntax' && /alias/.test(f.message)));
	});

	it('a 5 MB plan with 100,000 properties answers in seconds with every overrun', () => {
		const body: string[] = ['groupTypes:'];
		for (let t = 0; t < 4; t++) {
			body.push(`  type_${t}:`, `    description: Group type ${t} with many properties`, '    properties:');
			for (let p = 0; p < 25_000; p++) body.push(`      property_${t}_${p}: { type: string, description: "A generated property number ${p} of type ${t}" }`);
		}
		const text = body.join('\n');
		assert.ok(text.length > 5_000_000, `${text.length} chars`);
		const started = performance.now();
		const findings = planFindings(text);
		const elapsed = performance.now() - started;
		assert.ok(elapsed < 20_000, `took ${elapsed.toFixed(0)} ms`);
		assert.equal(findings.length, 99_000);
		assert.ok(findings.every((f) => f.code === 'group-property-limit'));
		assert.equal(text.slice(findings[0]!.range.start, findings[0]!.range.end), 'property_0_1000');
	});
});
