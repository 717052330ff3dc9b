import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { propertyNames, scan, slice } from './support/scanHelpers';

describe('group properties written by Identify', () => {
	it('an Identify variable built over several statements (only those before the call)', () => {
		const text = [
			"import { Identify, groupIdentify } from '@amplitude/analytics-browser';",
			'const id = new Identify();',
			"id.set('plan', plan);",
			"id.setOnce('created', now).add('seats', 5);",
			"if (legacy) id.unset('legacy');",
			"groupIdentify('company', v, id);",
			"id.append('late', 1);",
		].join('\n');
		const [call] = scan(text).calls;
		assert.deepEqual(
			call?.properties.map((p) => [p.name.kind === 'resolved' ? p.name.name : '?', p.operation, p.value?.kind ?? '-']),
			[
				['plan', '$set', 'unknown'],
				['created', '$setOnce', 'unknown'],
				['seats', '$add', 'number'],
				['legacy', '$unset', '-'],
			],
		);
		assert.equal(call?.propertiesPartlyUnknown, false);
		assert.equal(call && slice(text, call.properties[2]!.range), "add('seats', 5)");
	});

	it('a chain on `new amplitude.Identify()` (namespace and script-loader global)', () => {
		const text = "amplitude.groupIdentify('org', 'engineering', new amplitude.Identify().set('technology', 'react.js').unset('legacy_flag'));";
		const [call] = scan(text).calls;
		assert.deepEqual(call && propertyNames(call), ['technology', 'legacy_flag']);
		assert.deepEqual(call?.properties.map((p) => p.operation), ['$set', '$unset']);
	});

	it('an Identify passed in from elsewhere: properties partly unknown', () => {
		const text = [
			"import * as amplitude from '@amplitude/analytics-browser';",
			"export function tag(identify: amplitude.Identify) { amplitude.groupIdentify('org', 'x', identify.set('extra', 1)); }",
		].join('\n');
		const [call] = scan(text).calls;
		assert.equal(call?.propertiesPartlyUnknown, true);
		assert.deepEqual(call && propertyNames(call), ['extra']);
	});

	it('a plain object where an Identify is required: its range, and its keys as $set', () => {
		const text = "import * as amplitude from '@amplitude/analytics-browser';\namplitude.groupIdentify('team', 'awesome', { groupProperty: true });";
		const [call] = scan(text).calls;
		assert.equal(call && slice(text, call.plainObjectIdentifyRange!), '{ groupProperty: true }');
		assert.deepEqual(call?.properties.map((p) => [p.name.kind === 'resolved' ? p.name.name : '?', p.operation]), [['groupProperty', '$set']]);
	});

	it("the older Ampli wrapper takes a plain object: not an identify-required mistake", () => {
		const text = "import { ampli } from './ampli';\nampli.groupIdentify('org id', orgId, { 'org name': orgName });";
		const [candidate] = scan(text).candidateCalls;
		assert.equal(candidate?.plainObjectIdentifyRange, undefined);
		assert.deepEqual(candidate && propertyNames(candidate), ['org name']);
	});

	it('legacy @amplitude/node: identify(userId, deviceId, new Identify().setGroup(t, v)) and identifyGroup', () => {
		const text = [
			"import * as Amplitude from '@amplitude/node';",
			"import { Identify } from '@amplitude/identify';",
			'const client = Amplitude.init(KEY);',
			"client.identify(null, null, new Identify().setGroup('org', 'acme'));",
			"client.logEvent(new Identify().set('plan', 'x').identifyGroup('org', 'acme'));",
		].join('\n');
		const calls = scan(text).calls;
		assert.deepEqual(
			calls.map((call) => [call.kind, call.userIdentity, propertyNames(call)]),
			[
				['user-level-group', 'absent', []],
				['group-identify', 'present', ['plan']],
			],
		);
	});
});
