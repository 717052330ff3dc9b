import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
	checkWorkspace,
	collectInstrumentation,
	defaultFrontEnds,
	neverCancelled,
	renderInitialPlan,
	scanForInitialPlan,
} from '../../../core/src/index';
import { InMemoryFileSystem } from '../../support/inMemoryFileSystem';

const root = 'file:///ws';
const planUri = `${root}/tracking-plan.yaml`;

const sources: Record<string, string> = {
	[`${root}/src/session.ts`]: [
		"import { setGroup, groupIdentify, Identify, track } from '@amplitude/analytics-browser';",
		"setGroup('org', 1234);",
		"groupIdentify('org', '1234', new Identify().set('Org Name', 'Acme').set('seats', 3).add('logins', 1));",
		"groupIdentify('org', '1234', new Identify().set('seats', 2.5).set('Org name', 'Acme').set('tier', true).set('tier', 'gold'));",
		"track('Report Exported', { format: 'csv' }, { groups: { org: '1234', team: 'design' } });",
		"track('Report Exported', { format: 'pdf' }, { groups: { org: '1234' } });",
		"track('Page Viewed');",
		'',
	].join('\n'),
	[`${root}/src/computed.ts`]: ["import { setGroup } from '@amplitude/analytics-browser';", 'export function join(type: string) {', '\tsetGroup(type, "x");', '}', ''].join('\n'),
};

async function initialPlan(files: InMemoryFileSystem): Promise<string> {
	const scan = await scanForInitialPlan(files, planUri, { frontEnds: defaultFrontEnds }, neverCancelled);
	return renderInitialPlan(collectInstrumentation(scan.files));
}

describe('the plan init writes from code', () => {
	it('declares group types with the level and value format seen, properties with their types, and events with their groups', async () => {
		const text = await initialPlan(new InMemoryFileSystem(sources));
		const section = (from: string, to: string) => text.slice(text.indexOf(`\n${from}`) + 1, to ? text.indexOf(to) : undefined);
		assert.equal(
			section('groupTypes:', '\nevents:'),
			[
				'groupTypes:',
				'  org: # TODO: describe',
				'    level: any   # TODO: pick one. Users join it for good at src/session.ts:2, and events carry it at src/session.ts:5',
				'    value: numeric   # IDs seen as group values',
				'    properties:',
				'      Org Name: { type: string }   # TODO: describe. Seen: "Acme".',
				'      seats: { type: number }   # TODO: describe.',
				'      logins: { type: number }   # TODO: describe.',
				'      Org name: { type: string }   # TODO: describe. Seen: "Acme". Is it a typo of "Org Name"? Amplitude would keep both.',
				'      tier:   # TODO: describe, and give its type: the code writes boolean and string values. Seen: "gold".',
				'  team: # TODO: describe',
				'    level: event   # only events carry it (src/session.ts:5)',
				'    value: string   # names seen as group values; Amplitude recommends unique IDs',
				'',
			].join('\n'),
		);
		assert.equal(
			section('events:', ''),
			['events:', '  Report Exported: # TODO: describe', '    groups: [org, team]   # not sent by every call: team (check reports the calls without it)', ''].join('\n'),
		);
		assert.match(text, /^# 1 call computes a group type or event name at run time, so it is not below:\n# src\/computed\.ts:3\. Declare what it sends by hand\.$/m);
		assert.match(text, /^# {3}groupTypesPerEvent: 5 +# the most on one event here: 2$/m);
		assert.doesNotMatch(text, /^segment:/m, 'no Segment call, no segment section');
	});

	it('checks clean of undeclared names once written', async () => {
		const files = new InMemoryFileSystem(sources);
		files.write(planUri, await initialPlan(files));
		const result = await checkWorkspace(files, { roots: [root], frontEnds: defaultFrontEnds }, neverCancelled);
		assert.deepEqual(
			result.findings.map((f) => `${f.uri.slice(root.length + 1)} ${f.code}`),
			['src/computed.ts unresolved-group-type', 'src/session.ts missing-event-groups'],
			'only what needs a person: a computed type, and the call that forgets team',
		);
	});

	it('is the same text for the same code, whatever order the files are read in', async () => {
		const reversed = Object.fromEntries(Object.entries(sources).reverse());
		assert.equal(await initialPlan(new InMemoryFileSystem(reversed)), await initialPlan(new InMemoryFileSystem(sources)));
	});

	it('quotes names YAML would misread', async () => {
		const files = new InMemoryFileSystem({
			[`${root}/a.ts`]: "import { setGroup } from '@amplitude/analytics-browser';\nsetGroup('yes', '1');\nsetGroup('a: b', '2');\n",
		});
		const text = await initialPlan(files);
		assert.match(text, /^ {2}"yes": # TODO: describe$/m);
		assert.match(text, /^ {2}"a: b": # TODO: describe$/m);
		files.write(planUri, text);
		const result = await checkWorkspace(files, { roots: [root], frontEnds: defaultFrontEnds }, neverCancelled);
		assert.deepEqual(result.findings, []);
	});
});
