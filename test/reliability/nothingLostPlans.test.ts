import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { defaultFrontEnds, documentText, LineIndex, neverCancelled, quickFixes, WorkspaceIndex } from '../../core/src/index';
import { fixturesRoot } from '../support/paths';
import { checkEveryFix, checkRename, newTally, planData, renamableSymbols, type FixWorld } from './nothingLostSupport';

/**
 * Nothing lost, on plans written in every style: block and flow, comments everywhere, every quoting
 * style, anchors and aliases, four-space indentation and block scalars, CRLF and lone-CR line
 * endings, no final line break (test/fixtures/plans/styles/). A probe source file governed by each
 * plan triggers every kind of quick fix; each fix and each rename of every group type and property
 * is checked byte for byte outside its span.
 */

const stylesFolder = path.join(fixturesRoot, 'plans/styles');
const planUri = 'file:///styles/tracking-plan.yaml';
const probeUri = 'file:///styles/src/probe.ts';

/** Calls that trigger every quick fix against the styles' common plan (company, org id, team; two events). */
const probe = [
	"import * as amplitude from '@amplitude/analytics-browser';",
	"import { AnalyticsBrowser } from '@segment/analytics-next';",
	"amplitude.setGroup('compnay', '1');",
	"amplitude.setGroup('region', 'eu');",
	"amplitude.groupIdentify('company', '1', new amplitude.Identify().set('seat', 3));",
	"amplitude.groupIdentify('org id', '1', new amplitude.Identify().set('org tier', 'gold'));",
	"amplitude.groupIdentify('org id', '2', new amplitude.Identify().set('org plan', 'gold'));",
	// In anchors.yaml, team's properties are org id's, by alias: a rename of "org plan" must reach both calls.
	"amplitude.groupIdentify('team', '3', new amplitude.Identify().set('org plan', 'silver'));",
	"amplitude.groupIdentify('team', '1', new amplitude.Identify().set('lead', 'Ada'));",
	"amplitude.track('Report Exported');",
	"amplitude.track('Report Exported', { format: 'csv' });",
	"amplitude.track('Report Exported', { format: 'csv' }, { user_id: 'u' });",
	"amplitude.track('Team Joined', {}, { groups: { team: 'core' } });",
	"amplitude.track('Report Viewed', {}, { groups: { company: '1' } });",
	"const analytics = AnalyticsBrowser.load({ writeKey: 'k' });",
	"analytics.group('42', { name: 'Acme' });",
	'',
].join('\n');

/** Each style as stored, and (for LF files) as CRLF and lone-CR copies. */
function variants(): { name: string; text: string; lineEndings: 'as stored' | 'converted' }[] {
	const result: { name: string; text: string; lineEndings: 'as stored' | 'converted' }[] = [];
	for (const file of readdirSync(stylesFolder).filter((f) => f.endsWith('.yaml')).sort()) {
		const text = documentText(readFileSync(path.join(stylesFolder, file), 'utf8'));
		result.push({ name: file, text, lineEndings: 'as stored' });
		if (!text.includes('\r')) {
			result.push({ name: `${file} (CRLF)`, text: text.replace(/\n/g, '\r\n'), lineEndings: 'converted' });
			result.push({ name: `${file} (CR)`, text: text.replace(/\n/g, '\r'), lineEndings: 'converted' });
		}
	}
	return result;
}

function worldOf(planText: string, sourceText = probe): FixWorld {
	const index = new WorkspaceIndex({ frontEnds: defaultFrontEnds });
	index.setPlan(planUri, planText);
	index.setSource(probeUri, sourceText);
	return { index, text: (uri) => (uri === planUri ? planText : sourceText), planOf: () => planUri };
}

/** The plan's data after renaming a group type (or one of its properties, in every group type that shares its declaration by alias). */
function renamedData(world: FixWorld, target: { groupType: string; property?: string }, newName: string): unknown {
	const data = structuredClone(planData(world.text(planUri))) as { groupTypes: Record<string, { properties?: Record<string, unknown>; displayProperty?: string }>; events?: Record<string, { groups?: string[] }> };
	const renameKey = (record: Record<string, unknown>, from: string, to: string) => {
		const entries = Object.entries(record).map(([key, value]) => [key === from ? to : key, value] as const);
		for (const key of Object.keys(record)) delete record[key];
		for (const [key, value] of entries) record[key] = value;
	};
	if (target.property === undefined) {
		renameKey(data.groupTypes, target.groupType, newName);
		for (const event of Object.values(data.events ?? {})) if (event.groups) event.groups = event.groups.map((g) => (g === target.groupType ? newName : g));
		return data;
	}
	const model = world.index.plan(planUri)!.model;
	const declared = model.groupTypes.find((g) => g.name === target.groupType)!.properties.find((p) => p.name === target.property)!.range;
	for (const groupType of model.groupTypes) {
		if (!groupType.properties.some((p) => p.name === target.property && p.range.start === declared.start)) continue;
		const entry = data.groupTypes[groupType.name]!;
		renameKey(entry.properties!, target.property, newName);
		if (entry.displayProperty === target.property) entry.displayProperty = newName;
	}
	return data;
}

/** The findings of the probe, by rule and line: a rename keeps every call reporting what it reported. */
function probeFindings(world: FixWorld): string[] {
	const lines = new LineIndex(world.text(probeUri));
	return world.index
		.findings(probeUri, {}, neverCancelled)
		.map((f) => `${lines.positionAt(f.range.start).line} ${f.code}`)
		.sort();
}

/** What kind of fix a title announces. */
function kindOf(title: string): string {
	const kinds: [RegExp, string][] = [
		[/^Add group type /, 'add group type'],
		[/^Add group property /, 'add group property'],
		[/^Add event /, 'add event'],
		[/^Add the missing groups? /, 'add missing groups to a call'],
		[/^Add the .* traits? Amplitude needs$/, 'add Segment traits to a call'],
		[/^Change to /, 'change a misspelt name'],
	];
	return kinds.find(([pattern]) => pattern.test(title))?.[1] ?? title;
}

describe('nothing lost: quick fixes and renames on plans of every style', () => {
	const tally = newTally();
	const fixKinds = new Set<string>();
	let styles = 0;

	for (const { name, text, lineEndings } of variants()) {
		it(`${name}: every quick fix keeps every other byte, edits only the plan and its file, and adds no plan finding`, () => {
			styles++;
			const world = worldOf(text);
			const before = tally.fixes;
			checkEveryFix(world, planUri, tally);
			checkEveryFix(world, probeUri, tally);
			for (const uri of [planUri, probeUri]) for (const fix of quickFixes(world.index, uri, world.text(uri), world.index.findings(uri, {}, neverCancelled), neverCancelled)) fixKinds.add(kindOf(fix.title));
			// The probe triggers (at least) the add-to-plan, change-to, insert-groups and Segment-traits fixes.
			assert.ok(tally.fixes - before >= 9, `only ${tally.fixes - before} fixes`);
		});

		it(`${name}: renaming each group type and property changes only its name, everywhere, and keeps every call's findings`, async () => {
			const world = worldOf(text);
			const plan = world.index.plan(planUri)!;
			const findingsBefore = probeFindings(world);
			for (const symbol of renamableSymbols(world.index, planUri)) {
				const groupType = plan.model.groupTypes.find((g) => symbol.label === g.name || symbol.label.startsWith(`${g.name}.`))!;
				const property = symbol.label === groupType.name ? undefined : symbol.label.slice(groupType.name.length + 1);
				const oldName = property ?? groupType.name;
				// A plain name, and one YAML must quote and JavaScript must escape (in strings) or quote (as a key).
				for (const newName of lineEndings === 'as stored' ? [`${oldName} v2`, `it's "x: y"`] : [`it's "x: y"`]) {
					const edited = await checkRename(world, planUri, symbol.offset, oldName, newName, tally);
					const newPlan = edited.get(planUri)!;
					assert.deepEqual(planData(newPlan), renamedData(world, { groupType: groupType.name, ...(property !== undefined ? { property } : {}) }, newName), `${name}: rename ${symbol.label} → ${newName}:\n${newPlan}`);
					const renamed = worldOf(newPlan, edited.get(probeUri) ?? probe);
					assert.deepEqual(probeFindings(renamed), findingsBefore, `${name}: rename ${symbol.label} → ${newName} changed the probe's findings`);
				}
			}
		});
	}

	it('covered every kind of quick fix', (t) => {
		t.diagnostic(`${styles} plan variants: ${tally.fixes} quick fixes and ${tally.renames} renames applied, ${tally.editedFiles} edited files checked byte for byte`);
		assert.deepEqual([...fixKinds].sort(), ['add Segment traits to a call', 'add event', 'add group property', 'add group type', 'add missing groups to a call', 'change a misspelt name']);
	});
});
