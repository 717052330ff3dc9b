import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { callStartingWith, groupTypes, scan, slice } from './support/scanHelpers';

describe('receivers are recognised by import source and data flow', () => {
	it('an aliased named import keeps the SDK method name; the callee range is the alias', () => {
		const text = "import { setGroup as sg } from '@amplitude/analytics-browser';\nsg('org', 'engineering');\n";
		const [call] = scan(text).calls;
		assert.ok(call);
		assert.equal(call.sdk, 'amplitude-browser');
		assert.equal(call.kind, 'user-level-group');
		assert.equal(call.method, 'setGroup');
		assert.equal(slice(text, call.calleeRange), 'sg');
		assert.equal(slice(text, call.range), "sg('org', 'engineering')");
		assert.deepEqual(groupTypes(call), ['org']);
		assert.equal(slice(text, call.groups[0]!.range), "'org', 'engineering'");
	});

	it('a namespace import under any name (`Amplitude`) is the SDK; the same name unbound is not', () => {
		const text = [
			"import * as Amplitude from '@amplitude/analytics-browser';",
			"Amplitude.setGroup('organization_id', organization_id?.toString() || '');",
		].join('\n');
		const [call] = scan(text).calls;
		assert.equal(call?.sdk, 'amplitude-browser');
		assert.deepEqual(call && groupTypes(call), ['organization_id']);
		assert.equal(call?.groups[0]?.value.kind, 'unknown');
		assert.deepEqual(scan("Amplitude.setGroup('organization_id', '1');").calls, []);
	});

	it('createInstance() clients under any name, including exported ones', () => {
		const text = [
			"import * as amplitude from '@amplitude/analytics-node';",
			'export const backend = amplitude.createInstance();',
			'const other = backend;',
			"other.setGroup('org', '15', { user_id: 'user-12345' });",
			"backend.groupIdentify('org', '15', new amplitude.Identify().set('plan', 'enterprise'));",
		].join('\n');
		const facts = scan(text);
		assert.deepEqual(
			facts.calls.map((call) => [call.sdk, call.kind, call.userIdentity]),
			[
				['amplitude-node', 'user-level-group', 'present'],
				['amplitude-node', 'group-identify', 'absent'],
			],
		);
		assert.deepEqual(facts.exports.backend, { kind: 'sdk-instance', sdk: 'amplitude-node' });
	});

	it('the script-loader global: window.amplitude always, bare amplitude only when unbound', () => {
		assert.equal(scan("window.amplitude.setGroup('org', 'x');").calls[0]?.sdk, 'amplitude-browser');
		assert.equal(scan("amplitude.setGroup('org', 'x');").calls.length, 1);
		assert.equal(scan("const amplitude = makeFake();\namplitude.setGroup('org', 'x');").calls.length, 0);
		assert.equal(scan("function f(amplitude) { amplitude.setGroup('org', 'x'); }").calls.length, 0);
	});

	it('ampli.client calls are candidates for the index, with the import and the member path', () => {
		const text = "import { ampli } from './ampli';\nampli.client?.setGroup('workspace', id);\n";
		const facts = scan(text);
		assert.deepEqual(facts.calls, []);
		const [candidate] = facts.candidateCalls;
		assert.deepEqual(candidate?.receiver, { ref: { module: './ampli', exportName: 'ampli' }, via: 'value', members: ['client'] });
		assert.equal(candidate?.sdk, 'ampli');
		assert.equal(candidate?.kind, 'user-level-group');
		assert.equal(candidate && slice(text, candidate.calleeRange), 'setGroup');
	});

	it('an imported factory: `const amplitude = getBackendClient(); amplitude.client.setGroup(…)` is a call-result candidate', () => {
		const text = [
			"import { getBackendClient } from '@app/lib/amplitude/back';",
			'const amplitude = getBackendClient();',
			"amplitude.client.setGroup('workspace', ids, { user_id: `user-${userId}` });",
		].join('\n');
		const [candidate] = scan(text).candidateCalls;
		assert.deepEqual(candidate?.receiver, { ref: { module: '@app/lib/amplitude/back', exportName: 'getBackendClient' }, via: 'call-result', members: ['client'] });
	});

	it('a factory defined in the same file that returns an SDK client is resolved in place', () => {
		const text = [
			"import { createInstance } from '@amplitude/analytics-browser';",
			'const client = createInstance();',
			'function getClient() { if (!ready) init(); return client; }',
			"getClient().setGroup('org', 'x');",
			'export const useAnalytics = () => client;',
		].join('\n');
		const facts = scan(text);
		assert.equal(facts.calls[0]?.sdk, 'amplitude-browser');
		assert.deepEqual(facts.exports.useAnalytics, { kind: 'sdk-factory', sdk: 'amplitude-browser' });
	});

	it('this.segment assigned in the constructor is the Segment Node client in every method', () => {
		const text = [
			"import { Analytics } from '@segment/analytics-node';",
			'export class AnalyticsService {',
			'  private segment: Analytics;',
			'  constructor(key: string) { this.segment = new Analytics({ writeKey: key }); }',
			"  upsertGroup(id: string, userId: string) { this.segment.group({ userId, groupId: id, traits: { name: 'Acme' } }); }",
			'  later() { setTimeout(() => this.segment.track({ event: "Tick", userId: "u" })); }',
			'  other() { function inner(this: any) { this.segment.track({ event: "No" }); } }',
			'}',
		].join('\n');
		const calls = scan(text).calls;
		assert.deepEqual(
			calls.map((call) => [call.sdk, call.kind, call.method, call.userIdentity]),
			[
				['segment-node', 'segment-group', 'group', 'present'],
				['segment-node', 'track', 'track', 'present'],
			],
		);
		assert.equal(calls[0]?.segmentTraits?.groupId?.kind, 'unknown');
		assert.deepEqual(calls[0]?.segmentTraits?.entries.map((entry) => entry.key), ['name']);
	});

	it('CommonJS require, destructured and aliased', () => {
		const text = [
			"const { setGroup: assign, track } = require('@amplitude/analytics-node');",
			"assign('org', 'x', { user_id: 'u' });",
			"track('A', undefined, { device_id: 'd', groups: { org: 'x' } });",
		].join('\n');
		assert.deepEqual(
			scan(text, 'file:///app/job.cjs').calls.map((call) => [call.method, call.kind, call.userIdentity]),
			[
				['setGroup', 'user-level-group', 'present'],
				['track', 'event-level-groups', 'present'],
			],
		);
	});

	it('legacy clients: amplitude-js getInstance(), @amplitude/react-native getInstance()', () => {
		const text = [
			"import amplitude from 'amplitude-js';",
			"import { Amplitude } from '@amplitude/react-native';",
			"amplitude.getInstance('admin').setGroup('orgId', 15);",
			"Amplitude.getInstance().setGroup('orgId', '15');",
		].join('\n');
		assert.deepEqual(
			scan(text).calls.map((call) => call.sdk),
			['amplitude-js', 'amplitude-react-native-legacy'],
		);
	});

	it('const [analytics] = await AnalyticsBrowser.load(…) is the loaded client; other items are not', () => {
		const text = [
			"import { AnalyticsBrowser } from '@segment/analytics-next';",
			'async function run() {',
			'  const [analytics, context] = await AnalyticsBrowser.load({ writeKey });',
			"  analytics.group('g1', { name: 'Acme' });",
			"  context.group('g2');",
			'}',
		].join('\n');
		const calls = scan(text).calls;
		assert.equal(calls.length, 1);
		assert.equal(calls[0]?.sdk, 'segment-browser');
	});

	it('a shadowing binding hides the SDK import', () => {
		const text = [
			"import { setGroup } from '@amplitude/analytics-browser';",
			"function Picker() { const [group, setGroup] = useState(); setGroup('x'); }",
			"setGroup('org', 'y');",
		].join('\n');
		const calls = scan(text).calls;
		assert.equal(calls.length, 1);
		assert.equal(callStartingWith(text, calls, "setGroup('org'").kind, 'user-level-group');
	});
});
