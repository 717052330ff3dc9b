import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isJavaScriptLike, mayContainGroupCalls } from '../../../core/src/scan/javascript/index';
import { groupTypes, scan, slice } from './support/scanHelpers';

describe('scripts embedded in .vue, .svelte and .html keep exact offsets', () => {
	it('.vue: <script setup lang="ts"> and @click handlers; the NameFact range slices the name out of the original text', () => {
		const text = [
			'<template>',
			'  <button @click="setGroup(\'department\', dept)">Join</button>',
			'</template>',
			'<script setup lang="ts">',
			"import { setGroup } from '@amplitude/analytics-browser';",
			'const dept: string = props.dept;',
			"setGroup('org id', orgId as string);",
			'</script>',
		].join('\n');
		const calls = scan(text, 'file:///app/Settings.vue').calls;
		assert.deepEqual(calls.map((call) => groupTypes(call)), [['department'], ['org id']]);
		for (const call of calls) {
			const type = call.groups[0]!.type;
			assert.equal(type.kind, 'resolved');
			assert.equal(slice(text, type.range), type.kind === 'resolved' ? type.name : '');
			assert.ok(slice(text, call.range).startsWith('setGroup('));
		}
	});

	it('.html: inline <script> and onclick attributes; src= scripts, JSON, comments and text are not code', () => {
		const text = [
			'<script src="https://cdn.amplitude.com/script/KEY.js"></script>',
			'<script type="application/ld+json">{"event_type":"$identify","groups":{"a":"b"}}</script>',
			'<!-- <button onclick="amplitude.setGroup(\'old\', \'x\')"> -->',
			'<p>Call amplitude.setGroup(\'text\', \'x\') from your code.</p>',
			'<button onclick="amplitude.setGroup(\'org\', \'engineering\')">A</button><button onclick="amplitude.setGroup(\'team\', \'b\')">B</button>',
			"<script>window.amplitude.track('Viewed', undefined, { groups: { company: id } })</script>",
		].join('\r\n');
		const calls = scan(text, 'file:///site/index.html').calls;
		assert.deepEqual(calls.map((call) => groupTypes(call)), [['org'], ['team'], ['company']]);
		assert.deepEqual(
			calls.map((call) => slice(text, call.groups[0]!.type.range)),
			['org', 'team', 'company'],
		);
		assert.equal(slice(text, calls[0]!.range), "amplitude.setGroup('org', 'engineering')");
	});

	it('.svelte: on:click={…} expressions see the script block imports', () => {
		const text = [
			'<script>',
			"  import { track } from '@amplitude/analytics-browser';",
			'</script>',
			"<button on:click={() => track('Chosen', { x: '}' }, { groups: { org: id } })}>Go</button>",
		].join('\n');
		const [call] = scan(text, 'file:///app/Pick.svelte').calls;
		assert.equal(call?.kind, 'event-level-groups');
		assert.equal(call && slice(text, call.groups[0]!.type.range), 'org');
	});

	it('file kinds and the prefilter', () => {
		for (const name of ['a.js', 'a.jsx', 'a.ts', 'a.tsx', 'a.mjs', 'a.cjs', 'A.VUE', 'a.svelte', 'file:///x/index.html?v=1']) assert.ok(isJavaScriptLike(name), name);
		for (const name of ['a.py', 'a.json', 'a.ts.map', 'Makefile', 'a.css']) assert.ok(!isJavaScriptLike(name), name);
		assert.ok(mayContainGroupCalls("amplitude.setGroup('a', 'b')"));
		assert.ok(mayContainGroupCalls('analytics.group(id)'));
		assert.ok(mayContainGroupCalls('{ group_type: t, group_value: v }'));
		assert.ok(!mayContainGroupCalls('export const add = (a: number, b: number) => a + b;'));
		// Call-shaped only: a method read, called or written as a string; payload keys as keys.
		for (const text of ['client?.track?.(e)', "client['track'](e)", 'track<Event>(e)', "const m = 'logEvent';", '{ ...event, groups }', '{ "groups": {} }', "{ event_type: '$groupidentify' }", 'new Ampli()']) assert.ok(mayContainGroupCalls(text), text);
		for (const text of ['const userGroups = props.groups ?? [];', '// identify the row under the cursor', 'trackBy: (row) => row.id', 'segments.map(render)', 'class Analytics {}']) assert.ok(!mayContainGroupCalls(text), text);
	});
});
