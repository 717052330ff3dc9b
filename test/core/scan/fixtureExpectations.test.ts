import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readExpectations } from './support/fixtureExpectations';

describe('fixture annotations', () => {
	it('reads sdk, kind, JSON-quoted lists, flags, and ignores unknown keys', () => {
		const text = [
			'x(); // expect: amplitude-browser event-level-groups types="org id",company props=- event="Report, Exported" resolved=no diag=missing-event-groups cross-file',
			"<button onclick=\"a()\">A</button> <!-- expect: none -->",
			'y();',
		].join('\n');
		const expectations = readExpectations(text);
		const first = expectations.get(0)![0]!;
		assert.equal(first.sdk, 'amplitude-browser');
		assert.equal(first.kind, 'event-level-groups');
		assert.deepEqual(first.values.get('types'), ['org id', 'company']);
		assert.deepEqual(first.values.get('props'), []);
		assert.deepEqual(first.values.get('event'), ['Report, Exported']);
		assert.deepEqual(first.values.get('resolved'), ['no']);
		assert.ok(first.flags.has('cross-file'));
		assert.equal(expectations.get(1)![0]!.none, true);
		assert.equal(expectations.has(2), false);
	});
});
