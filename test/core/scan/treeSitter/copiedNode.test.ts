import * as assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import * as fc from 'fast-check';
import { pythonFrontEnd } from '../../../../core/src/scan/python/index';
import { CopiedNode, maxLoggedEdits, OffsetLog } from '../../../../core/src/scan/treeSitter/copiedNode';
import { nodeWasmAssets } from '../../../../node/src/nodeWasmAssets';

/**
 * Offsets of nodes taken over by an incremental copy catch up lazily with the edits since they were
 * last read (copiedNode.ts). Here the lazy offsets are compared with offsets moved eagerly after
 * every edit, for nodes read at random moments, and after a rebase onto a new log.
 */
describe('copied nodes: offsets caught up lazily equal offsets moved at every edit', () => {
	/** Edits as copySyntaxTree makes them: each node lies wholly before or after each edit. */
	const scenario = fc.record({
		starts: fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 30 }),
		steps: fc.array(fc.record({ at: fc.integer({ min: 0, max: 12_000 }), delta: fc.integer({ min: -50, max: 50 }), read: fc.boolean(), rebase: fc.boolean() }), { maxLength: 60 }),
	});

	it('for any edits, reads and rebases', () => {
		fc.assert(
			fc.property(scenario, ({ starts, steps }) => {
				let log = new OffsetLog();
				const nodes = starts.map((start) => new CopiedNode('identifier', start, start + 3, undefined, [], undefined, false, log, 0));
				const expected = starts.map((start) => ({ start, end: start + 3 }));
				for (const step of steps) {
					// An edit never starts inside a node (those are read again from the new tree, not taken over).
					if (expected.some((offsets) => step.at >= offsets.start && step.at < offsets.end)) continue;
					const deleted = Math.max(0, -step.delta);
					if (expected.some((offsets) => offsets.start > step.at && offsets.start <= step.at + deleted)) continue;
					log.advance(step.at, step.delta);
					for (const offsets of expected) {
						if (offsets.start > step.at) {
							offsets.start += step.delta;
							offsets.end += step.delta;
						}
					}
					if (step.read) nodes.forEach((node, i) => assert.deepEqual({ start: node.start, end: node.end }, expected[i]));
					if (step.rebase) {
						log = new OffsetLog();
						const root = new CopiedNode('module', 0, 0, undefined, nodes, undefined, false, nodes[0]!.offsetLog, 0);
						root.rebase(log);
					}
				}
				nodes.forEach((node, i) => assert.deepEqual({ start: node.start, end: node.end }, expected[i]));
			}),
			{ seed: 20261203, numRuns: 2000 },
		);
	});
});

describe('an edited Python file across a rebase of its offset log', () => {
	before(() => pythonFrontEnd.prepare!(nodeWasmAssets()));

	it(`after ${maxLoggedEdits + 10} keystrokes, the edited scan still equals a fresh scan`, () => {
		const uri = 'file:///w/app/billing.py';
		const head = 'from amplitude import Amplitude, EventOptions\n\nclient = Amplitude("key")\n\n\ndef seats(org_id, user_id):\n    total = 0\n';
		const tail = '    client.set_group("company", str(org_id), EventOptions(user_id=user_id))\n    return total\n\n\ndef plan(org_id, user_id):\n    client.set_group("org", str(org_id), EventOptions(user_id=user_id))\n';
		let text = `${head}${tail}`;
		let state = pythonFrontEnd.scanEdited!(uri, text, undefined).state;
		try {
			for (let i = 0; i < maxLoggedEdits + 10; i++) {
				// Alternately type and delete a digit in the first function: every node after it moves back and forth.
				text = i % 2 === 0 ? `${head}    total += 1\n${tail}` : `${head}${tail}`;
				const edited = pythonFrontEnd.scanEdited!(uri, text, state);
				state = edited.state;
				if (i % 512 === 0 || i >= maxLoggedEdits - 2) assert.deepEqual(edited.facts, pythonFrontEnd.scan(uri, text), `keystroke ${i}`);
			}
		} finally {
			pythonFrontEnd.disposeState?.(state);
		}
	});
});
