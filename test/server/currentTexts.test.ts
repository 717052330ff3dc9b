import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultSettings } from '../../server/src/settings';
import { ServerWorkspace } from '../../server/src/serverWorkspace';
import { InMemoryFileSystem } from '../support/inMemoryFileSystem';

/**
 * The race the LSP tests cannot time: a closed file that changes on disk between the moment an edit
 * is computed from it and the moment the answer would be sent. The edit is computed again from the
 * newer text, and when the file never holds still, no edit is answered at all.
 */
const folder = 'file:///w';
const planUri = `${folder}/tracking-plan.yaml`;
const plan = (n: number) => `# version ${n}\ngroupTypes:\n  company: { level: user }\n`;

async function loaded(): Promise<{ disk: InMemoryFileSystem; workspace: ServerWorkspace; logs: string[] }> {
	const disk = new InMemoryFileSystem({ [planUri]: plan(1) });
	const logs: string[] = [];
	const workspace = new ServerWorkspace(disk, () => undefined, async () => defaultSettings, { log: (m) => logs.push(m), error: (m) => logs.push(m) });
	await workspace.load([folder]);
	return { disk, workspace, logs };
}

describe('an edit is answered only when its files did not change between reading and answering', () => {
	it('a plan changed on disk while the edit was computed: computed again from the newer text, which the index then holds', async () => {
		const { disk, workspace } = await loaded();
		disk.write(planUri, plan(2));
		const seen: string[] = [];
		const answer = await workspace.withCurrentTexts(
			[planUri],
			async (texts) => {
				const text = texts.text(planUri)!;
				seen.push(text);
				// Someone saves the plan again right after the edit was computed from it.
				if (seen.length === 1) disk.write(planUri, plan(3));
				return text;
			},
			() => [planUri],
		);
		assert.deepEqual(seen, [plan(2), plan(3)]);
		assert.equal(answer?.result, plan(3));
		assert.equal(workspace.index.plan(planUri)!.text, plan(3));
	});

	it('a plan that keeps changing: no answer, rather than an edit for a text that is gone', async () => {
		const { disk, workspace, logs } = await loaded();
		let n = 1;
		const answer = await workspace.withCurrentTexts(
			[planUri],
			async (texts) => {
				disk.write(planUri, plan(++n));
				return texts.text(planUri);
			},
			() => [planUri],
		);
		assert.equal(answer, undefined);
		assert.ok(logs.some((line) => /files kept changing while an edit was computed/.test(line)));
	});

	it('a URI outside the workspace (from a request or a diagnostic\'s data) is never read', async () => {
		const { disk, workspace } = await loaded();
		// Elsewhere, and below the folder but climbing out of it percent-encoded (the disk would read /etc/secrets/…).
		for (const outside of ['file:///etc/secrets/tracking-plan.yaml', `${folder}/%2e%2e/etc/secrets/tracking-plan.yaml`]) {
			disk.write(outside, 'groupTypes: {}\n');
			const reads: string[] = [];
			const readFile = disk.readFile.bind(disk);
			disk.readFile = async (uri: string) => {
				reads.push(uri);
				return readFile(uri);
			};
			const answer = await workspace.withCurrentTexts([outside, planUri], async (texts) => texts.text(outside), () => []);
			assert.ok(answer, outside);
			assert.equal(answer.result, undefined, outside);
			assert.ok(!reads.includes(outside), outside);
			disk.readFile = readFile;
		}
	});
});
