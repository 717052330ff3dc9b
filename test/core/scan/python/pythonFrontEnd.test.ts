import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import type { FileFacts } from '../../../../core/src/scan/callFacts';
import { pythonFrontEnd } from '../../../../core/src/scan/python/index';
import { fixturesRoot } from '../../../support/paths';
import { prepareFrontEnd } from '../support/fixtureSets';

const scan = (text: string, uri = 'file:///w/app/main.py'): FileFacts => pythonFrontEnd.scan(uri, text);
const strip = (value: unknown): unknown => JSON.parse(JSON.stringify(value, (key, v) => (key === 'range' ? undefined : v)));

describe('the Python front end', () => {
	before(() => prepareFrontEnd(pythonFrontEnd));

	it('the prefilter passes files that may hold a call and skips ordinary modules', () => {
		for (const text of ['client.set_group("a", "b")', 'ampli.report_exported(uid)', 'analytics.group(uid, gid)', '{"event_type": "E"}', 'c.track(BaseEvent("E"))', 'client.group_identify(t, n, i)']) {
			assert.equal(pythonFrontEnd.mayContainGroupCalls(text), true, text);
		}
		assert.equal(pythonFrontEnd.mayContainGroupCalls('import os\n\ndef main():\n    print(os.getcwd())\n'), false);
	});

	it('resolves relative and absolute imports to .py modules and packages', () => {
		const files = new Set(['file:///w/app/constants.py', 'file:///w/app/__init__.py', 'file:///w/app/pkg/__init__.py', 'file:///w/app/pkg/x.py', 'file:///w/src/lib/names.py']);
		const exists = (uri: string) => files.has(uri);
		const resolve = (from: string, specifier: string) => pythonFrontEnd.resolveModule(from, specifier, exists);
		assert.equal(resolve('file:///w/app/main.py', '.constants'), 'file:///w/app/constants.py');
		assert.equal(resolve('file:///w/app/main.py', '.'), 'file:///w/app/__init__.py');
		assert.equal(resolve('file:///w/app/pkg/x.py', '..constants'), 'file:///w/app/constants.py');
		assert.equal(resolve('file:///w/app/main.py', '.pkg'), 'file:///w/app/pkg/__init__.py');
		assert.equal(resolve('file:///w/app/main.py', '.pkg.x'), 'file:///w/app/pkg/x.py');
		assert.equal(resolve('file:///w/app/pkg/x.py', 'app.constants'), 'file:///w/app/constants.py');
		assert.equal(resolve('file:///w/src/lib/jobs/run.py', 'lib.names'), 'file:///w/src/lib/names.py');
		assert.equal(resolve('file:///w/app/main.py', 'amplitude'), undefined);
		assert.equal(resolve('file:///w/app/main.py', '.missing'), undefined);
	});

	it('writes import references resolveModule reads back: from-imports, submodules, import a.b as c, Enum .value', () => {
		const text = [
			'from amplitude import Amplitude, EventOptions',
			'from .constants import COMPANY, Groups',
			'from . import names',
			'import app.more as more',
			'import app.deep.names',
			'client = Amplitude("k")',
			'o = EventOptions(user_id="u")',
			'client.set_group(COMPANY, "a", o)',
			'client.set_group(Groups.TEAM.value, "a", o)',
			'client.set_group(names.ORG, "a", o)',
			'client.set_group(more.REGION, "a", o)',
			'client.set_group(app.deep.names.UNIT, "a", o)',
		].join('\n');
		const refs = scan(text).calls.map((call) => (call.groups[0]!.type.kind === 'import' ? call.groups[0]!.type.ref : call.groups[0]!.type.kind));
		assert.deepEqual(refs, [
			{ module: '.constants', exportName: 'COMPANY' },
			{ module: '.constants', exportName: 'Groups', members: ['TEAM.value'] },
			{ module: '.names', exportName: 'ORG' },
			{ module: 'app.more', exportName: 'REGION' },
			{ module: 'app.deep.names', exportName: 'UNIT' },
		]);
	});

	it('exports constants, dicts, classes, Enum members, SDK clients and factories', () => {
		const text = [
			'import segment.analytics as analytics',
			'from amplitude import Amplitude',
			'from enum import Enum',
			'from .other import OTHER',
			'COMPANY = "company"',
			'SEATS = 5',
			'GROUPS = {"TEAM": "team"}',
			'class Groups(str, Enum):',
			'    ORG = "org"',
			'class Plain(Enum):',
			'    UNIT = "unit"',
			'client = Amplitude("k")',
			'def get_client():',
			'    return client',
		].join('\n');
		assert.deepEqual(strip(scan(text).exports), {
			analytics: { kind: 'sdk-instance', sdk: 'segment-python' },
			OTHER: { kind: 're-export', ref: { module: '.other', exportName: 'OTHER' } },
			COMPANY: { kind: 'constant', value: { kind: 'string', value: 'company' } },
			SEATS: { kind: 'constant', value: { kind: 'number', value: 5 } },
			GROUPS: { kind: 'object', members: { TEAM: { kind: 'string', value: 'team' } } },
			Groups: { kind: 'object', members: { 'ORG.value': { kind: 'string', value: 'org' }, ORG: { kind: 'string', value: 'org' } } },
			Plain: { kind: 'object', members: { 'UNIT.value': { kind: 'string', value: 'unit' } } },
			client: { kind: 'sdk-instance', sdk: 'amplitude-python' },
			get_client: { kind: 'sdk-factory', sdk: 'amplitude-python' },
		});
	});

	it('names: a plain Enum member without .value, placeholders in f-strings and parameters stay unresolved', () => {
		const text = [
			'from amplitude import Amplitude, EventOptions',
			'from enum import Enum',
			'class Plain(Enum):',
			'    UNIT = "unit"',
			'client = Amplitude("k")',
			'def f(t):',
			'    client.set_group(Plain.UNIT, "a", EventOptions(user_id="u"))',
			'    client.set_group(Plain.UNIT.value, "a", EventOptions(user_id="u"))',
			'    client.set_group(f"{t}", "a", EventOptions(user_id="u"))',
			'    client.set_group(t, "a", EventOptions(user_id="u"))',
			'    client.set_group("a" "b", "a", EventOptions(user_id="u"))',
		].join('\n');
		assert.deepEqual(
			scan(text).calls.map((call) => call.groups[0]!.type.kind + ':' + (call.groups[0]!.type.kind === 'resolved' ? call.groups[0]!.type.name : '')),
			['unresolved:', 'resolved:unit', 'unresolved:', 'unresolved:', 'resolved:ab'],
		);
	});

	it('names written with escapes read as Python reads them: octal, hex, raw f-strings with doubled braces, line continuations', () => {
		const text = [
			'from amplitude import Amplitude, EventOptions',
			'client = Amplitude("k")',
			String.raw`client.set_group("co\155pany", "a", EventOptions(user_id="u"))`,
			String.raw`client.set_group("\x6frg", "a", EventOptions(user_id="u"))`,
			String.raw`client.set_group(rf"x{{y}}\n", "a", EventOptions(user_id="u"))`,
			String.raw`client.set_group(f"{{team}}", "a", EventOptions(user_id="u"))`,
			'client.set_group("wo\\\r\nrk", "a", EventOptions(user_id="u"))',
		].join('\n');
		assert.deepEqual(
			scan(text).calls.map((call) => (call.groups[0]!.type.kind === 'resolved' ? call.groups[0]!.type.name : call.groups[0]!.type.kind)),
			['company', 'org', 'x{y}\\n', '{team}', 'work'],
		);
	});

	it('scanEdited re-parses incrementally and gives what a full scan gives; states are released', () => {
		const v1 = 'from amplitude import Amplitude, EventOptions\nclient = Amplitude("k")\nclient.set_group("company", "a", EventOptions(user_id="u"))\n';
		const v2 = v1.replace('"company"', '"team"');
		const first = pythonFrontEnd.scanEdited!('file:///w/a.py', v1, undefined);
		const second = pythonFrontEnd.scanEdited!('file:///w/a.py', v2, first.state);
		assert.deepEqual(second.facts, scan(v2, 'file:///w/a.py'));
		assert.equal((first.state as { tree?: unknown }).tree, undefined, 'the previous state gave its tree to the re-parse');
		pythonFrontEnd.disposeState!(second.state);
		assert.equal((second.state as { tree?: unknown }).tree, undefined);
		pythonFrontEnd.disposeState!(second.state);
	});

	it('a run of edits (typing, deleting, pasting a line) scanned incrementally matches full scans at every step', () => {
		const fixture = readFileSync(path.join(fixturesRoot, 'python/worker/backfill.py'), 'utf8');
		let text = fixture;
		let state: unknown;
		const steps: [number, number, string][] = [];
		for (let i = 0; i < 60; i++) {
			const at = (i * 7919) % text.length;
			steps.push(i % 3 === 0 ? [at, at, 'x'] : i % 3 === 1 ? [at, Math.min(text.length, at + 5), ''] : [at, at, '\nclient.set_group("company", "a")\n']);
			const [start, end, insert] = steps[steps.length - 1]!;
			text = text.slice(0, start) + insert + text.slice(end);
			const edited = pythonFrontEnd.scanEdited!('file:///w/backfill.py', text, state);
			state = edited.state;
			assert.deepEqual(edited.facts, scan(text, 'file:///w/backfill.py'), `after step ${i}: ${JSON.stringify(steps[steps.length - 1])}`);
		}
		pythonFrontEnd.disposeState!(state);
	});

	it('hostile inputs: binary, invalid UTF-8, 20,000-deep nesting, a huge file: no throw, no hang', () => {
		const binary = String.fromCharCode(...Array.from({ length: 4096 }, (_, i) => (i * 37) % 256));
		assert.equal(scan(binary).calls.length, 0);
		assert.equal(scan(Buffer.from([0x73, 0x65, 0x74, 0x5f, 0x67, 0xff, 0xfe, 0x28]).toString('utf8') + 'set_group(').calls.length, 0);
		const deep = scan(`client.set_group(${'['.repeat(20000)}${']'.repeat(20000)})\n`);
		assert.match(deep.scanError ?? '', /nesting too deep/);
		const line = 'client.set_group("company", "a", EventOptions(user_id="u"))\n';
		const huge = `from amplitude import Amplitude, EventOptions\nclient = Amplitude("k")\n${line.repeat(20000)}`;
		const started = Date.now();
		assert.equal(scan(huge).calls.length, 20000);
		assert.ok(Date.now() - started < 20000);
	});
});
