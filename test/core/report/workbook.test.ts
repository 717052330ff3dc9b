import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
	buildWorkbook,
	checkWorkspace,
	defaultFrontEnds,
	neverCancelled,
	renderWorkbookCsv,
	renderWorkbookHtml,
	renderWorkbookMarkdown,
	type Workbook,
} from '../../../core/src/index';
import { InMemoryFileSystem } from '../../support/inMemoryFileSystem';

const root = 'file:///ws';

const plan = `project: Test <Project> | One
limits:
  groupTypes: 2
groupTypes:
  org:
    description: The customer
    level: user
    value: numeric
    displayProperty: Org Name
    properties:
      Org Name: { type: string }
      MAU: { type: number, dynamic: true }
      owner: { type: string, source: salesforce }
  team:
    level: event
events:
  Report Exported:
    groups: [org, team]
  Planned Only:
    groups: [team]
`;

const code = [
	"import { setGroup, groupIdentify, Identify, track } from '@amplitude/analytics-browser';",
	"setGroup('org', '1');",
	"setGroup('team', 'design');",
	"groupIdentify('org', '1', new Identify().set('Org Name', 'Acme').set('tier', 'gold'));",
	"track('Report Exported', {}, { groups: { org: '1', team: 'a' } });",
	"track('Report Exported', {}, { groups: { org: '1' } });",
	"track('=Cmd|\"x\",<b>', {}, { groups: { 'pro|ject': 'p' } });",
	'',
].join('\n');

async function workbook(): Promise<Workbook> {
	const files = new InMemoryFileSystem({ [`${root}/tracking-plan.yaml`]: plan, [`${root}/src/app.ts`]: code });
	const result = await checkWorkspace(files, { roots: [root], frontEnds: defaultFrontEnds }, neverCancelled);
	return buildWorkbook(result.index, result.findings, { linkFor: (uri) => `../${uri.slice(root.length + 1)}` });
}

describe('the Accounts workbook', () => {
	it('lists group types in limit order: declared ones, then those only the code sends', async () => {
		const [project] = (await workbook()).projects;
		assert.equal(project!.title, 'Test <Project> | One');
		assert.deepEqual(
			project!.groupTypes.map((t) => `${t.position} ${t.name} ${t.declared ? 'declared' : 'undeclared'}${t.overLimit ? ' over' : ''} ${t.levelsSeen.join('+')}`),
			['1 org declared user+event', '2 team declared user+event', '3 pro|ject undeclared over event'],
		);
		const org = project!.groupTypes[0]!;
		assert.deepEqual(
			org.properties.map((p) => `${p.name}:${p.declared ? '' : 'undeclared,'}${p.source}${p.dynamic ? ',dynamic' : ''}${p.isDisplayProperty ? ',display' : ''} ${p.setAt.map((at) => at.line).join(',')}`),
			['Org Name:code,display 4', 'MAU:dynamic,dynamic ', 'owner:salesforce ', 'tier:undeclared,code 4'],
		);
		assert.deepEqual(org.events, ['Report Exported']);
		assert.deepEqual(
			org.uses.map((u) => `${u.file}:${u.line} ${u.kind}${u.event ? ` ${u.event}` : ''}${u.levelMismatch ? ' mismatch' : ''}`),
			['src/app.ts:2 user-level', 'src/app.ts:4 group-identify', 'src/app.ts:5 event-level Report Exported', 'src/app.ts:6 event-level Report Exported'],
			'events that list org may carry it, though it is user-level',
		);
		const team = project!.groupTypes[1]!;
		assert.deepEqual(
			team.uses.filter((u) => u.levelMismatch).map((u) => u.line),
			[3],
			'setGroup on the event-level team',
		);
		assert.equal(org.uses[0]!.href, '../src/app.ts');
	});

	it('draws the events × group types matrix from the plan and the calls', async () => {
		const [project] = (await workbook()).projects;
		assert.deepEqual(
			project!.events.map((e) => `${e.name}${e.declared ? '' : ' (undeclared)'}: ${e.cells.join(' ')}`),
			['Report Exported: sent missing none', 'Planned Only: none planned none', '=Cmd|"x",<b> (undeclared): none none unplanned'],
		);
	});

	it('gauges the limits, counting what only the code sends', async () => {
		const [project] = (await workbook()).projects;
		assert.deepEqual(
			project!.gauges.map((g) => `${g.label} ${g.used}/${g.limit}: ${g.detail}`),
			[
				'Group types 3/2: 2 declared, 1 more sent by code only',
				'Group properties 4/1000: 3 declared, 1 more set by code only',
				'Group types on one event 2/5: most: "Report Exported" (app.ts:5)',
				'Group values on one event 2/10: most: "Report Exported" (app.ts:5)',
			],
		);
	});

	it('summarises the findings, most severe first', async () => {
		const [project] = (await workbook()).projects;
		assert.ok(project!.findings.length > 0);
		assert.deepEqual(
			project!.findings.map((f) => f.severity),
			[...project!.findings.map((f) => f.severity)].sort((a, b) => ['error', 'warning', 'information', 'hint'].indexOf(a) - ['error', 'warning', 'information', 'hint'].indexOf(b)),
		);
		assert.ok(project!.findingCounts.some((c) => c.code === 'group-type-limit' && c.severity === 'error'));
		assert.equal(project!.totals.errors, project!.findings.filter((f) => f.severity === 'error').length);
	});

	it('escapes names from code and plan in every format', async () => {
		const book = await workbook();
		const html = renderWorkbookHtml(book);
		assert.doesNotMatch(html, /"x",<b>|<Project>/);
		assert.match(html, /=Cmd\|&quot;x&quot;,&lt;b&gt;/);
		assert.match(html, /<title>Test &lt;Project&gt; \| One: Accounts implementation workbook<\/title>/);
		const markdown = renderWorkbookMarkdown(book);
		assert.match(markdown, /^# Accounts implementation workbook: Test \\<Project\\> \\\| One$/m);
		assert.match(markdown, /^\| =Cmd\\\|"x",\\<b\\> \(not in plan\) \|/m);
		assert.match(markdown, /`pro\\\|ject`/);
		const csv = renderWorkbookCsv(book);
		assert.match(csv, /\r\n"'=Cmd\|""x"",<b>",no,/, 'quoted, and not run as a formula by a spreadsheet');
	});
});
