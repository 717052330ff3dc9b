import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { after, describe, it } from 'node:test';
import { checkPlan, compileGlob, LineIndex, neverCancelled, parsePlan, type Finding } from '../../core/src/index';
import { parseJson, tempWorkspace, trackplan } from './hostileInputsSupport';

/**
 * Hostile plans: alias bombs of every shape, plans nested 100,000 levels deep, old-Mac line
 * endings, and `sources` globs written to hang or crash a regular-expression matcher. Each is
 * answered quickly with a clear plan-syntax or plan-schema finding, or simply read right.
 */

const planUri = 'file:///workspace/tracking-plan.yaml';

function timed(text: string): { findings: Finding[]; ms: number } {
	const started = performance.now();
	const errors: string[] = [];
	const findings = checkPlan(parsePlan(planUri, text), {}, neverCancelled, (context) => errors.push(context));
	assert.deepEqual(errors, [], 'no rule failed');
	return { findings, ms: performance.now() - started };
}

const aliasFinding = (findings: Finding[]) => findings.filter((f) => f.code === 'plan-syntax' && /alias bomb/.test(f.message));

describe('alias bombs', () => {
	it('30,000 aliases of one anchor (linear to expand, but quadratic for a naive resolver) are read in about a second', (t) => {
		// yaml's Alias.resolve walks the whole document on each call: 30,000 × 30,000 steps used to take minutes.
		const text = `groupTypes:\n  company: &t { level: user }\nevents:\n  A:\n    groups: [${Array(30_000).fill('company').join(', ')}]\nx: [${Array(30_000).fill('*t').join(', ')}]\n`;
		const { findings, ms } = timed(text);
		t.diagnostic(`${text.length.toLocaleString('en-US')} characters, 30,000 aliases: ${ms.toFixed(0)} ms`);
		assert.ok(ms < 8_000, `took ${ms.toFixed(0)} ms`);
		assert.deepEqual([...new Set(findings.map((f) => f.code))], ['plan-schema']);
	});

	it('10,000 aliases where the plan is read (the dereference budget) answer at once with one finding', (t) => {
		const text = `groupTypes:\n  company: { level: user }\nlist: &g [company]\nevents:\n${Array.from({ length: 10_001 }, (_, i) => `  E${i}: { groups: *g }`).join('\n')}\n`;
		const { findings, ms } = timed(text);
		t.diagnostic(`10,001 events sharing one groups list by alias: ${ms.toFixed(0)} ms`);
		assert.ok(ms < 5_000, `took ${ms.toFixed(0)} ms`);
		assert.equal(aliasFinding(findings).length, 1);
		assert.match(aliasFinding(findings)[0]!.message, /is followed too many times/);
	});

	for (const [shape, text] of [
		['through mappings', ['a: &a { x: 1, y: 1, z: 1, w: 1, v: 1, u: 1, t: 1, s: 1, r: 1, q: 1 }', ...'bcdefgh'.split('').map((c, i) => `${c}: &${c} { ${'xyzwvutsrq'.split('').map((k) => `${k}: *${'abcdefgh'[i]}`).join(', ')} }`), 'groupTypes:', '  company: { properties: *h }'].join('\n')],
		['as mapping keys', ['a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]', ...'bcdefgh'.split('').map((c, i) => `${c}: &${c} [${Array(10).fill(`*${'abcdefgh'[i]}`).join(', ')}]`), 'groupTypes:', '  ? *h', '  : { level: user }'].join('\n')],
		['on an anchor that refers to itself', 'groupTypes: &g\n  company:\n    properties: *g\n  team: { properties: *g }\nevents: &e\n  E: { groups: [*e, *g] }\n'],
	] as const) {
		it(`an alias bomb ${shape} answers fast`, (t) => {
			const { findings, ms } = timed(text);
			t.diagnostic(`alias bomb ${shape}: ${ms.toFixed(0)} ms`);
			assert.ok(ms < 1_000, `took ${ms.toFixed(0)} ms`);
			assert.ok(findings.length > 0);
			if (shape !== 'on an anchor that refers to itself') assert.equal(aliasFinding(findings).length, 1, JSON.stringify(findings.map((f) => f.message)));
		});
	}
});

describe('plans nested 100,000 levels deep', () => {
	it('a flow tree of lists and mappings 100,000 deep, with anchors: one clear finding, no stack overflow', (t) => {
		const depth = 100_000;
		const text = `groupTypes:\n  company: &c { level: user }\n  team: *c\nevents:\n  E: { groups: ${'[{a: '.repeat(depth / 2)}x${'}]'.repeat(depth / 2)} }\n`;
		const { findings, ms } = timed(text);
		t.diagnostic(`${text.length.toLocaleString('en-US')} characters: ${ms.toFixed(0)} ms`);
		assert.ok(ms < 15_000, `took ${ms.toFixed(0)} ms`);
		const deep = findings.filter((f) => f.code === 'plan-syntax');
		assert.equal(deep.length, 1, JSON.stringify(deep.map((f) => f.message)));
		assert.match(deep[0]!.message, /nested too deeply to read/);
	});

	it('block lists 100,000 deep, through the real CLI', (t) => {
		const workspace = tempWorkspace({ 'tracking-plan.yaml': `groupTypes:\n  company: { level: user }\nevents:\n  E:\n    groups:\n      ${'- '.repeat(100_000)}company\n` });
		try {
			const run = trackplan(workspace.root, ['check', '.', '--format', 'json']);
			t.diagnostic(`CLI: ${run.ms.toFixed(0)} ms, peak ${run.peakMb.toFixed(0)} MB`);
			assert.equal(run.code, 1, run.stderr);
			assert.doesNotMatch(run.stderr, /internal error/);
			const diagnostics = parseJson(run).diagnostics;
			assert.ok(diagnostics.some((d) => d.code === 'plan-syntax' && /nested too deeply/.test(d.message)));
			assert.ok(run.ms < 20_000, `took ${run.ms.toFixed(0)} ms`);
			assert.ok(run.peakMb < 500, `peak memory ${run.peakMb.toFixed(0)} MB`);
		} finally {
			workspace.remove();
		}
	});
});

describe('a plan with old-Mac (lone CR) line endings', () => {
	it('is read as the editor shows it, with the same findings at the same positions as with LF', () => {
		const lines = ['# Acme', 'groupTypes:', '  company:', '    level: usr', '  team: { level: user }', 'events:', '  E: { groups: [compnay, team] }', ''];
		const lf = lines.join('\n');
		const cr = lines.join('\r');
		const plan = parsePlan(planUri, cr);
		assert.deepEqual(
			plan.model.groupTypes.map((g) => g.name),
			['company', 'team'],
		);
		const positions = (text: string) => {
			const index = new LineIndex(text);
			return checkPlan(parsePlan(planUri, text), {}, neverCancelled).map((f) => [f.code, index.positionAt(f.range.start), index.positionAt(f.range.end), text.slice(f.range.start, f.range.end)]);
		};
		assert.deepEqual(positions(cr), positions(lf));
		assert.equal(positions(cr).length, 2);
	});
});

describe('hostile sources globs', () => {
	const folders = Array.from({ length: 30 }, (_, i) => `d${i}`).join('/');
	const longName = `${'a'.repeat(60)}.ts`;
	const sourcesPlan = (include: string[]) => `sources:\n  include: ${JSON.stringify(include)}\n  exclude: ["**/*.test.ts", "[z-a]/**", "{unclosed/**"]\ngroupTypes:\n  org: {}\n`;
	const call = "import * as amplitude from '@amplitude/analytics-browser';\namplitude.setGroup('orgg', 'x');\n";
	const workspace = tempWorkspace({ 'tracking-plan.yaml': '', [`${folders}/${longName}`]: call, 'src/app.ts': call });
	after(() => workspace.remove());
	const check = (include: string[]) => {
		writeFileSync(workspace.path('tracking-plan.yaml'), sourcesPlan(include));
		return trackplan(workspace.root, ['check', '.', '--format', 'json'], 30_000);
	};

	it('globs that would take a backtracking matcher exponential time are matched in milliseconds', (t) => {
		const exponential = [`${'**/'.repeat(16)}*.js`, `**/${'*a'.repeat(24)}b.ts`, `{${Array(12).fill('**/').join(',')}}${'{a,a*}'.repeat(12)}x`];
		for (const glob of exponential) {
			const match = compileGlob(glob);
			const started = performance.now();
			assert.equal(match(`${folders}/${longName}`), false, glob);
			assert.ok(performance.now() - started < 200, `${glob}: ${(performance.now() - started).toFixed(0)} ms`);
		}
		const run = check([...exponential, '**/*.ts']);
		t.diagnostic(`CLI with ${exponential.length} exponential-for-a-regex globs: ${run.ms.toFixed(0)} ms, peak ${run.peakMb.toFixed(0)} MB`);
		assert.equal(run.timedOut, false);
		assert.equal(run.code, 1, run.stderr);
		assert.deepEqual(parseJson(run).calls.map((c) => c.file).sort(), [`${folders}/${longName}`, 'src/app.ts']);
		assert.ok(run.ms < 10_000, `took ${run.ms.toFixed(0)} ms`);
	});

	it('globs a regular expression cannot even compile (an unclosed brace or class, a backwards range) do not stop the check', () => {
		const run = check(['src/{a,b', 'src/[', '[z-a].ts', 'src/**']);
		assert.equal(run.code, 1, run.stderr);
		assert.doesNotMatch(run.stderr, /internal error/);
		assert.deepEqual(
			parseJson(run).calls.map((c) => c.file),
			['src/app.ts'],
		);
		// Read literally: an unclosed brace is a brace.
		assert.equal(compileGlob('src/{a,b')('src/{a,b'), true);
		assert.equal(compileGlob('[z-a].ts')('z.ts'), false);
	});
});
