import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import type { CandidateCallFact, FileFacts, NameFact } from '../../../core/src/scan/callFacts';
import { javaScriptFrontEnd, settleCandidateCall } from '../../../core/src/scan/javascript/index';
import { fixtureProblems } from './support/fixtureCheck';
import { fixtureFiles, fixtureSets, prepareFrontEnd, scanFixture } from './support/fixtureSets';
import { MiniIndex } from './support/miniIndex';
import { callStartingWith, scan } from './support/scanHelpers';


function importRefs(facts: readonly NameFact[]): unknown[] {
	return facts.filter((fact) => fact.kind === 'import').map((fact) => (fact.kind === 'import' ? fact.ref : undefined));
}

describe('names and receivers imported from other files are left for the workspace index', () => {
	it('imported constants, object constants, enum members and namespace members become import NameFacts', () => {
		const text = [
			"import { track } from '@amplitude/analytics-browser';",
			"import { GROUP_TYPE, Groups, GroupType, REPORT_EXPORTED } from './constants';",
			"import * as C from './constants';",
			"import Default from './defaults';",
			'const ALIAS = GROUP_TYPE;',
			'track(REPORT_EXPORTED, undefined, { groups: { [ALIAS]: a, [Groups.COMPANY]: b, [GroupType.Team]: c, [C.Groups.REGION]: d, [C.GROUP_TYPE]: e, [Default]: f } });',
		].join('\n');
		const [call] = scan(text).calls;
		assert.ok(call);
		assert.deepEqual(importRefs(call.event ? [call.event] : []), [{ module: './constants', exportName: 'REPORT_EXPORTED' }]);
		assert.deepEqual(importRefs(call.groups.map((group) => group.type)), [
			{ module: './constants', exportName: 'GROUP_TYPE' },
			{ module: './constants', exportName: 'Groups', members: ['COMPANY'] },
			{ module: './constants', exportName: 'GroupType', members: ['Team'] },
			{ module: './constants', exportName: 'Groups', members: ['REGION'] },
			{ module: './constants', exportName: 'GROUP_TYPE' },
			{ module: './defaults', exportName: 'default' },
		]);
		const alias = call.groups[0]!.type;
		assert.equal(alias.kind === 'import' ? text.slice(alias.range.start, alias.range.end) : '', 'ALIAS');
		assert.equal(call.groupsPartlyUnknown, false);
	});

	it('calls on imported receivers are candidates: one Amplitude-or-Ampli reading and one Segment reading at most', () => {
		const text = [
			"import { analytics } from './segment';",
			"import { ampli } from './ampli';",
			"import * as generated from './ampli';",
			"analytics.track('Opened', undefined, { integrations: { Amplitude: { groups: { workspace: id } } } });",
			'ampli.reportExported({ format }, { groups: { company: c } });',
			"generated.ampli.client.groupIdentify('company', c, props);",
			'helpers.formatDate(now);',
		].join('\n');
		const candidates = scan(text).candidateCalls;
		const describe = (candidate: CandidateCallFact) => [candidate.sdk, candidate.kind, candidate.method, candidate.receiver];
		assert.deepEqual(candidates.map(describe), [
			['amplitude-browser', 'track', 'track', { ref: { module: './segment', exportName: 'analytics' }, via: 'value', members: [] }],
			['segment-browser', 'event-level-groups', 'track', { ref: { module: './segment', exportName: 'analytics' }, via: 'value', members: [] }],
			['ampli', 'event-level-groups', 'reportExported', { ref: { module: './ampli', exportName: 'ampli' }, via: 'value', members: [] }],
			['ampli', 'group-identify', 'groupIdentify', { ref: { module: './ampli', exportName: 'ampli' }, via: 'value', members: ['client'] }],
		]);
		const ampliEvent = callStartingWith(text, candidates, 'ampli.reportExported');
		assert.deepEqual(ampliEvent.event && { ...ampliEvent.event, range: undefined }, { kind: 'resolved', name: 'reportExported', range: undefined, matchBy: 'ampli-method' });
	});

	it('look-alike vendors and framework imports never become candidates', () => {
		const text = [
			"import posthog from 'posthog-js';",
			"import { useState } from 'react';",
			"import * as path from 'node:path';",
			"import { Experiment } from '@amplitude/experiment-js-client';",
			"posthog.group('company', 'acme');",
			"path.join('a', 'b');",
			"Experiment.initialize('key').fetch({ user_id: 'u', groups: { org: ['a'] } });",
		].join('\n');
		const facts = scan(text);
		assert.deepEqual([facts.calls, facts.candidateCalls], [[], []]);
	});

	it('settling a candidate: the family must match, the resolved SDK wins, browser SDKs need no user id', () => {
		const text = "import * as amplitude from '@amplitude/analytics-node';\nimport { client } from './client';\nclient.setGroup('org', 'x');";
		const [candidate] = scan(text).candidateCalls;
		assert.ok(candidate);
		assert.equal(candidate.userIdentity, 'absent');
		assert.deepEqual([settleCandidateCall(candidate, 'amplitude-node')?.sdk, settleCandidateCall(candidate, 'amplitude-node')?.userIdentity], ['amplitude-node', 'absent']);
		assert.equal(settleCandidateCall(candidate, 'amplitude-browser')?.userIdentity, 'not-required');
		assert.equal(settleCandidateCall(candidate, 'segment-node'), undefined);
		assert.equal('receiver' in settleCandidateCall(candidate, 'ampli')!, false);
	});
});

describe('exports other files resolve through', () => {
	it('constants, objects, enums, SDK clients, factories and re-exports', () => {
		const text = [
			"import { createInstance } from '@amplitude/analytics-browser';",
			"import { ampli } from './ampli';",
			"import { OTHER } from './other';",
			"export const GROUP_TYPE = 'company';",
			'export const SEATS = 5;',
			"export const Groups = { COMPANY: 'company', TEAM: GROUP_TYPE } as const;",
			"export enum GroupType { Company = 'company', Auto }",
			'export const client = createInstance();',
			'export function getClient() { return client; }',
			'export const getAmpli = () => ampli;',
			'export { OTHER as RENAMED };',
			"export { X } from './x';",
			"export * from './all';",
			"export * as amplitude from '@amplitude/analytics-browser';",
			'const hidden = 1;',
		].join('\n');
		const facts: FileFacts = scan(text);
		const strip = (value: unknown): unknown => JSON.parse(JSON.stringify(value, (key, v) => (key === 'range' ? undefined : v)));
		assert.deepEqual(strip(facts.exports), {
			GROUP_TYPE: { kind: 'constant', value: { kind: 'string', value: 'company' } },
			SEATS: { kind: 'constant', value: { kind: 'number', value: 5 } },
			Groups: { kind: 'object', members: { COMPANY: { kind: 'string', value: 'company' }, TEAM: { kind: 'string', value: 'company' } } },
			GroupType: { kind: 'object', members: { Company: { kind: 'string', value: 'company' }, Auto: { kind: 'unknown' } } },
			client: { kind: 'sdk-instance', sdk: 'amplitude-browser' },
			getClient: { kind: 'sdk-factory', sdk: 'amplitude-browser' },
			getAmpli: { kind: 'sdk-factory', sdk: 'ampli' },
			RENAMED: { kind: 're-export', ref: { module: './other', exportName: 'OTHER' } },
			X: { kind: 're-export', ref: { module: './x', exportName: 'X' } },
			'*:./all': { kind: 're-export', ref: { module: './all', exportName: '*' } },
			amplitude: { kind: 'sdk-instance', sdk: 'amplitude-browser' },
		});
		assert.deepEqual(facts.imports, ['@amplitude/analytics-browser', './ampli', './other', './x', './all']);
	});

	it('CommonJS exports', () => {
		const text = "const ORG = 'org';\nmodule.exports = { ORG, PLAN: 'plan' };\nexports.TEAM = 'team';";
		assert.deepEqual(Object.keys(scan(text, 'file:///app/names.cjs').exports).sort(), ['ORG', 'PLAN', 'TEAM']);
	});
});

for (const set of fixtureSets) {
	describe(`cross-file fixture lines (${set.name}), finished by a minimal index, match their annotations`, () => {
		const files = new Map<string, FileFacts>();
		const texts = new Map<string, string>();
		for (const file of fixtureFiles(set)) texts.set(file, readFileSync(file, 'utf8'));
		const resolve = (from: string, specifier: string, exists: (file: string) => boolean): string | undefined =>
			set.frontEnd.resolveModule(`file://${from}`, specifier, (uri) => exists(uri.slice('file://'.length)))?.slice('file://'.length);
		const index = new MiniIndex(files, set.frontEnd === javaScriptFrontEnd ? undefined : resolve);
		before(async () => {
			await prepareFrontEnd(set.frontEnd);
			for (const [file, text] of texts) files.set(file, scanFixture(set, file, text));
		});
		for (const [file, text] of texts) {
			if (!text.includes('cross-file')) continue;
			it(path.relative(set.root, file), () => {
				const facts = files.get(file)!;
				const resolved: FileFacts = { ...facts, calls: index.resolvedCalls(file), candidateCalls: [] };
				assert.deepEqual(fixtureProblems(path.relative(set.root, file), text, resolved, 'resolved').problems, []);
			});
		}
	});
}
