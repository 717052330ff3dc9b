import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CompletionContext } from '../../../../core/src/scan/completionContext';
import { pythonCompletionContext } from '../../../../core/src/scan/python/pythonCompletionContexts';

/** The context at the `|` of `marked`, with the typed text instead of its start offset. */
function contextAt(marked: string): (Omit<CompletionContext, 'start'> & { typed: string }) | undefined {
	const offset = marked.indexOf('|');
	const text = marked.slice(0, offset) + marked.slice(offset + 1);
	const context = pythonCompletionContext(text, offset);
	if (!context) return undefined;
	const { start, ...rest } = context;
	return { ...rest, typed: text.slice(start, offset) };
}

describe('Python completion contexts', () => {
	it('offers group types in set_group, group_identify and group_type=, in both quotes and any str prefix', () => {
		assert.deepEqual(contextAt('client.set_group("|'), { wants: 'groupType', quote: '"', typed: '' });
		assert.deepEqual(contextAt("client.set_group('comp|"), { wants: 'groupType', quote: "'", typed: 'comp' });
		assert.deepEqual(contextAt('amp.group_identify("org i|", "acme", identify)'), { wants: 'groupType', quote: '"', typed: 'org i' });
		assert.deepEqual(contextAt('client.set_group(group_type="co|'), { wants: 'groupType', quote: '"', typed: 'co' });
		assert.deepEqual(contextAt('client.set_group(\n    group_name="acme",\n    group_type = \'|'), { wants: 'groupType', quote: "'", typed: '' });
		assert.deepEqual(contextAt('client.set_group(f"co|'), { wants: 'groupType', quote: '"', typed: 'co' });
		assert.deepEqual(contextAt('client.set_group(r"co|'), { wants: 'groupType', quote: '"', typed: 'co' });
		assert.deepEqual(contextAt('client.set_group("""co|'), { wants: 'groupType', quote: '"""', typed: 'co' });
	});

	it('follows black\'s layout: the string on the line after the call opens', () => {
		assert.deepEqual(contextAt('ampli.client.set_group(\n    "com|'), { wants: 'groupType', quote: '"', typed: 'com' });
	});

	it('offers nothing in bytes, in an f-string placeholder, after the string closed, or in a comment', () => {
		assert.equal(contextAt('client.set_group(b"co|'), undefined);
		assert.equal(contextAt('client.set_group(f"{co|'), undefined);
		assert.equal(contextAt('client.set_group("company", "|'), undefined);
		assert.equal(contextAt('client.set_group(COMPANY|'), undefined);
		assert.equal(contextAt('# client.set_group("co|'), undefined);
		assert.equal(contextAt('x = 1  # then set_group("co|'), undefined);
		assert.deepEqual(contextAt('client.set_group("#|'), { wants: 'groupType', quote: '"', typed: '#' }, 'a # inside the string is no comment');
	});

	it('offers group properties in Identify operations only where the file builds an Identify, for the group the next group_identify names', () => {
		const file = 'from amplitude import Identify\nidentify = Identify()\nidentify.set("pl|", "pro").set_once("seats", 3)\nclient.group_identify("company", "acme", identify)\n';
		assert.deepEqual(contextAt(file), { wants: 'groupProperty', quote: '"', typed: 'pl', groupType: 'company' });
		assert.deepEqual(contextAt('identify = Identify()\nidentify.set("plan", 1).pre_insert(\'|\')\nclient.group_identify(group_name="acme", group_type="org", identify_obj=identify)'), {
			wants: 'groupProperty',
			quote: "'",
			typed: '',
			groupType: 'org',
		});
		assert.deepEqual(contextAt('i = AmplitudeIdentify()\ni.add("se|'), { wants: 'groupProperty', quote: '"', typed: 'se' }, 'no group identify after it: no group type');
		assert.equal(contextAt('cache.set("se|'), undefined, 'no Identify in the file');
	});

	it('offers events in BaseEvent, event_type=, payload dicts and Segment track', () => {
		assert.deepEqual(contextAt('client.track(BaseEvent("Rep|'), { wants: 'event', quote: '"', typed: 'Rep' });
		assert.deepEqual(contextAt('BaseEvent(event_type=\'|'), { wants: 'event', quote: "'", typed: '' });
		assert.deepEqual(contextAt('payload = {"event_type": "Rep|'), { wants: 'event', quote: '"', typed: 'Rep' });
		assert.deepEqual(contextAt("analytics.track(str(user.id), 'Rep|"), { wants: 'event', quote: "'", typed: 'Rep' });
		assert.deepEqual(contextAt('analytics.track(user_id=uid, event="|'), { wants: 'event', quote: '"', typed: '' });
		assert.equal(contextAt('analytics.track("us|'), undefined, "Segment's first argument is the user id");
	});

	it('offers group keys in groups={…}, "groups": {…} and event["groups"] = {…}, quoted and unquoted', () => {
		assert.deepEqual(contextAt('BaseEvent("E", groups={"|'), { wants: 'groupKey', quote: '"', typed: '' });
		assert.deepEqual(contextAt('BaseEvent("E", groups={co|'), { wants: 'groupKey', quote: '', typed: 'co' });
		assert.deepEqual(contextAt('BaseEvent("E", groups = {"company": c, \'te|'), { wants: 'groupKey', quote: "'", typed: 'te' });
		assert.deepEqual(contextAt('payload = {"event_type": "E", "groups": {"|'), { wants: 'groupKey', quote: '"', typed: '' });
		assert.deepEqual(contextAt('integrations={"Amplitude": {"groups": {|'), { wants: 'groupKey', quote: '', typed: '' });
		assert.deepEqual(contextAt('event["groups"] = {"co|'), { wants: 'groupKey', quote: '"', typed: 'co' });
		assert.deepEqual(contextAt("event['groups'] = {\n    'co|"), { wants: 'groupKey', quote: "'", typed: 'co' });
		assert.equal(contextAt('BaseEvent("E", groups={"company": "|'), undefined, 'a value, not a key');
		assert.equal(contextAt('BaseEvent("E", groups={"company": ac|'), undefined, 'a value, not a key');
		assert.equal(contextAt('user.groups.filter(name="|'), undefined, "Django's user.groups");
	});
});
