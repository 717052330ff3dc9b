import * as assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { pythonFrontEnd } from '../../../../core/src/scan/python/index';
import { nodeWasmAssets } from '../../../../node/src/nodeWasmAssets';

describe('Python front end: amplitude-analytics calls', () => {
	before(() => pythonFrontEnd.prepare!(nodeWasmAssets()));

	it('set_group, group_identify and track(BaseEvent(groups=…)) with constants', () => {
		const text = [
			'from amplitude import Amplitude, BaseEvent, EventOptions, Identify',
			'COMPANY = "company"',
			'client = Amplitude("key")',
			'client.set_group(COMPANY, "acme", EventOptions(user_id="u"))',
			'identify = Identify()',
			'identify.set("plan", "pro")',
			'client.group_identify("org", "o1", identify)',
			'client.track(BaseEvent("Report Exported", user_id="u", groups={"team": "t"}))',
		].join('\n');
		const facts = pythonFrontEnd.scan('file:///w/app.py', text);
		assert.deepEqual(
			facts.calls.map((call) => [call.sdk, call.kind, call.groups.map((group) => (group.type.kind === 'resolved' ? group.type.name : '?')), call.properties.length]),
			[
				['amplitude-python', 'user-level-group', ['company'], 0],
				['amplitude-python', 'group-identify', ['org'], 1],
				['amplitude-python', 'event-level-groups', ['team'], 0],
			],
		);
		assert.deepEqual(facts.exports.client, { kind: 'sdk-instance', sdk: 'amplitude-python' });
	});

	it('a look-alike with the same method names is not reported', () => {
		const text = 'from unittest.mock import MagicMock\nclass Tracker:\n    def set_group(self, a, b): pass\nTracker().set_group("org", "x")\nMagicMock().set_group("org", "x")\n';
		const facts = pythonFrontEnd.scan('file:///w/app.py', text);
		assert.deepEqual([facts.calls, facts.candidateCalls.filter((c) => c.receiver.ref.module !== 'unittest.mock')], [[], []]);
	});
});
