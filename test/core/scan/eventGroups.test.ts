import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { markedText } from '../../support/markedText';
import { callStartingWith, groupTypes, propertyNames, scan, slice } from './support/scanHelpers';

const header = "import * as amplitude from '@amplitude/analytics-browser';\n";

describe('event-level groups of track/logEvent', () => {
	it('options groups REPLACE the event object groups (the effective ones are reported)', () => {
		const text = header + "amplitude.track({ event_type: 'A', groups: { orgId: '1' } }, undefined, { groups: { team: 'x' } });";
		const [call] = scan(text).calls;
		assert.equal(call?.kind, 'event-level-groups');
		assert.deepEqual(call && groupTypes(call), ['team']);
		assert.equal(call && slice(text, call.groupsRange!), "{ team: 'x' }");
		assert.equal(call?.groupsPartlyUnknown, false);
	});

	it('options without groups leave the event object groups; options that are a variable may replace them', () => {
		const kept = scan(header + "amplitude.track({ event_type: 'A', groups: { orgId: '1' } }, undefined, { user_id: 'u' });").calls[0];
		assert.deepEqual(kept && groupTypes(kept), ['orgId']);
		assert.equal(kept?.groupsPartlyUnknown, false);
		const maybe = scan(header + "amplitude.track({ event_type: 'A', groups: { orgId: '1' } }, undefined, eventOptions);").calls[0];
		assert.deepEqual(maybe && groupTypes(maybe), ['orgId']);
		assert.equal(maybe?.groupsPartlyUnknown, true);
	});

	it('every track call is reported, with kind track when it carries no groups', () => {
		const text = header + "amplitude.track('Report Exported', { format });";
		const [call] = scan(text).calls;
		assert.equal(call?.kind, 'track');
		assert.deepEqual(call?.event && call.event.kind === 'resolved' ? [call.event.name, slice(text, call.event.range)] : [], ['Report Exported', 'Report Exported']);
	});

	it('a string literal name range excludes the quotes; a constant name range is the expression', () => {
		const { text, ranges } = markedText(header + "const COMPANY = 'company';\namplitude.setGroup(«COMPANY», '1');\namplitude.setGroup('«org id»', '2');");
		const calls = scan(text).calls;
		assert.deepEqual(calls.map((call) => call.groups[0]!.type.range), ranges);
		assert.deepEqual(calls.map((call) => groupTypes(call)[0]), ['company', 'org id']);
	});

	it('computed keys resolve like names; spreads and unreadable keys make the groups partly unknown', () => {
		const text = [
			header,
			"const GROUP_TYPE = 'workspace';",
			'enum G { Team = `team` }',
			"const Groups = { REGION: 'region' } as const;",
			'amplitude.track(userId, undefined, { groups: { [GROUP_TYPE]: a, [G.Team]: b, [Groups.REGION]: c } });',
			"amplitude.track({ ...event, groups: { company: id } });",
			"amplitude.track({ groups: { company: id }, ...event });",
			"amplitude.track('X', undefined, { groups: { [pick()]: id } });",
		].join('\n');
		const calls = scan(text).calls;
		assert.deepEqual(calls.map((call) => groupTypes(call)), [['workspace', 'team', 'region'], ['company'], ['company'], ['pick()']]);
		assert.deepEqual(calls.map((call) => call.groupsPartlyUnknown), [false, false, true, true]);
		assert.equal(calls[3]?.groups[0]?.type.kind, 'unresolved');
	});

	it('group_properties on an ordinary event are reported as ignored (and listed)', () => {
		const text = header + "amplitude.track({ event_type: 'A', groups: { org: '1' }, group_properties: { plan: 'pro' } });";
		const [call] = scan(text).calls;
		assert.equal(call && slice(text, call.ignoredGroupPropertiesRange!), "group_properties: { plan: 'pro' }");
		assert.deepEqual(call && propertyNames(call), ['plan']);
	});

	it('group values: strings, numbers, arrays, empty strings, constants', () => {
		const text = header + "const ID = 15;\namplitude.setGroup('a', ['10', 16]);\namplitude.setGroup('b', '');\namplitude.setGroup('c', ID);";
		const values = scan(text).calls.map((call) => call.groups[0]!.value);
		assert.deepEqual(
			values.map((value) => (value.kind === 'array' ? value.items.map((item) => ('value' in item ? item.value : item.kind)) : 'value' in value ? value.value : value.kind)),
			[['10', 16], '', 15],
		);
	});
});

describe('where a quick fix adds missing groups', () => {
	const insertionOf = (source: string, prefix: string) => {
		const text = header + source;
		const calls = scan(text).calls;
		const call = callStartingWith(text, calls, prefix);
		const insertion = call.groupsInsertion;
		return insertion && { ...insertion, before: text.slice(insertion.offset - 3, insertion.offset) };
	};

	it("track('Report Exported', { format }): a new options argument after the last one", () => {
		assert.deepEqual(insertionOf("amplitude.track('Report Exported', { format });", 'amplitude.track'), { offset: header.length + 45, form: 'argument', needsComma: true, placeholders: 0, before: 't }' });
	});

	it("track('X'): one undefined placeholder for the properties slot", () => {
		assert.deepEqual(insertionOf("amplitude.track('X');", 'amplitude'), { offset: header.length + 19, form: 'argument', needsComma: true, placeholders: 1, before: "'X'" });
	});

	it('track({ event_type }): an entry of the event object; with options: an entry of the options', () => {
		const inEvent = insertionOf("amplitude.track({ event_type: 'X' });", 'amplitude');
		assert.deepEqual([inEvent?.form, inEvent?.needsComma, inEvent?.before], ['object-entry', true, ": 'X'".slice(-3)]);
		const inOptions = insertionOf("amplitude.track('X', p, { user_id });", 'amplitude');
		assert.deepEqual([inOptions?.form, inOptions?.needsComma, inOptions?.before], ['object-entry', true, '_id']);
		const emptyOptions = insertionOf("amplitude.track('X', p, {});", 'amplitude');
		assert.deepEqual([emptyOptions?.form, emptyOptions?.needsComma], ['object-entry', false]);
	});

	it('an existing groups literal: entries inside it; a groups variable: no insertion', () => {
		const inGroups = insertionOf("amplitude.track('X', p, { groups: { team: t, } });", 'amplitude');
		assert.deepEqual([inGroups?.form, inGroups?.needsComma, inGroups?.before], ['groups-entry', true, ': t']);
		assert.equal(insertionOf("amplitude.track('X', p, { groups: g });", 'amplitude'), undefined);
	});

	it("segment analytics.track('X', props): the integrations options argument", () => {
		const text = "window.analytics.track('X', props);";
		const [call] = scan(text).calls;
		assert.deepEqual(call?.groupsInsertion, { offset: text.indexOf(')'), form: 'segment-options', needsComma: true, placeholders: 0 });
	});
});
