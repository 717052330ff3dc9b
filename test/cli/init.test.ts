import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { copyOfExample, trackplan, trackplanInProcess } from './support/runTrackplan';

interface JsonOutput {
	plans: { file: string; groupTypes: number; groupProperties: number }[];
	diagnostics: { file: string; code: string; severity: string }[];
	calls: { groupTypes: string[]; properties: string[]; event: string | null; kind: string }[];
}

describe('trackplan init', () => {
	it('writes a plan from the code after which check reports nothing undeclared', async () => {
		const workspace = copyOfExample({ withoutPlan: true });
		const init = trackplan(['init'], workspace);
		assert.equal(init.code, 0, init.stderr);
		assert.match(init.stderr, /^Wrote tracking-plan\.yaml: 5 group types, \d+ group properties and 4 events, from \d+ calls in \d+ files\./);
		const check = await trackplanInProcess(['check', '.', '--format', 'json'], workspace);
		const output = JSON.parse(check.stdout) as JsonOutput;
		assert.deepEqual(
			output.diagnostics.filter((d) => d.code.startsWith('undeclared-') || d.file === 'tracking-plan.yaml'),
			[],
			'no undeclared-* finding, and nothing wrong with the plan itself',
		);
		assert.deepEqual(output.plans.map((p) => p.file), ['tracking-plan.yaml']);

		// Everything the code sends is in the plan, with what init could tell about it.
		const plan = parse(readFileSync(path.join(workspace, 'tracking-plan.yaml'), 'utf8')) as {
			groupTypes: Record<string, { level?: string; properties?: Record<string, { type?: string } | null> }>;
			events: Record<string, { groups: string[] }>;
		};
		const sentTypes = new Set(output.calls.flatMap((c) => c.groupTypes));
		assert.deepEqual(Object.keys(plan.groupTypes).sort(), [...sentTypes].sort());
		assert.equal(plan.groupTypes.team!.level, 'user');
		assert.equal(plan.groupTypes.billing_account!.level, 'user', 'from the Python worker: set_group("billing_account", …)');
		assert.equal(plan.groupTypes.compnay_id!.level, 'event');
		assert.equal(plan.groupTypes.company_id!.level, 'any', 'set with setGroup and carried by events');
		assert.deepEqual(plan.groupTypes.company_id!.properties!.seats, { type: 'string' }, "the only literal written is '25'");
		assert.ok('Account Name' in plan.groupTypes.company_id!.properties!);
		assert.deepEqual(plan.events['Report Exported']!.groups, ['company_id', 'workspace_id']);
		assert.deepEqual(plan.events['Workspace Created']!.groups, ['compnay_id', 'workspace_id']);
	});

	it('leaves describing to people, shows the limits as comments, and points out likely typos', async () => {
		const workspace = copyOfExample({ withoutPlan: true });
		await trackplanInProcess(['init'], workspace);
		const text = readFileSync(path.join(workspace, 'tracking-plan.yaml'), 'utf8');
		assert.match(text, /^ {2}company_id: # TODO: describe$/m);
		assert.match(text, /^ {2}Report Exported: # TODO: describe$/m);
		assert.match(text, /^# limits:\n# {3}groupTypes: 5 +# the code sends 5 group types$/m);
		assert.match(text, /^# {3}groupProperties: 1000 /m);
		assert.match(text, /^ {2}compnay_id: # TODO: describe\. Is it a typo of "company_id"\?/m);
		assert.match(text, /^ {2}destination: classic/m, 'the Segment group() call gets a segment section to confirm');
	});

	it('refuses to overwrite a plan without --force, and replaces it with --force', async () => {
		const workspace = copyOfExample();
		const planPath = path.join(workspace, 'tracking-plan.yaml');
		const original = readFileSync(planPath, 'utf8');
		const refused = await trackplanInProcess(['init', '.'], workspace);
		assert.equal(refused.code, 2);
		assert.equal(refused.stdout, '');
		assert.match(refused.stderr, /^trackplan: tracking-plan\.yaml already exists, so init wrote nothing\. .*--force/);
		assert.equal(readFileSync(planPath, 'utf8'), original);

		const forced = await trackplanInProcess(['init', '.', '--force'], workspace);
		assert.equal(forced.code, 0, forced.stderr);
		const first = readFileSync(planPath, 'utf8');
		assert.notEqual(first, original);
		assert.match(first, /written by `trackplan init`/);
		await trackplanInProcess(['init', '.', '--force'], workspace);
		assert.equal(readFileSync(planPath, 'utf8'), first, 'same code, byte-identical plan');
	});

	it('writes into the named folder, leaves out files a nested plan governs, and exits 2 for a missing folder', async () => {
		const root = mkdtempSync(path.join(tmpdir(), 'trackplan-init-'));
		const write = (relative: string, text: string) => {
			mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
			writeFileSync(path.join(root, relative), text);
		};
		write('app/src/a.ts', "import { setGroup } from '@amplitude/analytics-browser';\nsetGroup('org_id', 42);\n");
		write('app/billing/tracking-plan.yaml', 'groupTypes:\n  account: { level: user }\n');
		write('app/billing/b.ts', "import { setGroup } from '@amplitude/analytics-browser';\nsetGroup('account', 'x');\n");
		const init = await trackplanInProcess(['init', 'app'], root);
		assert.equal(init.code, 0, init.stderr);
		assert.match(init.stderr, /Left out the files governed by app\/billing\/tracking-plan\.yaml\./);
		const plan = parse(readFileSync(path.join(root, 'app/tracking-plan.yaml'), 'utf8')) as { groupTypes: Record<string, { value?: string }> };
		assert.deepEqual(Object.keys(plan.groupTypes), ['org_id']);
		assert.equal(plan.groupTypes.org_id!.value, 'numeric');
		const check = JSON.parse((await trackplanInProcess(['check', 'app', '--format', 'json'], root)).stdout) as JsonOutput;
		assert.deepEqual(check.diagnostics, []);

		const missing = await trackplanInProcess(['init', 'no-such-folder'], root);
		assert.equal(missing.code, 2);
		assert.match(missing.stderr, /no-such-folder is not a folder/);
	});

	it('writes a valid skeleton where no group call is found', async () => {
		const empty = mkdtempSync(path.join(tmpdir(), 'trackplan-init-empty-'));
		writeFileSync(path.join(empty, 'index.ts'), 'export const answer = 42;\n');
		assert.equal((await trackplanInProcess(['init'], empty)).code, 0);
		const check = await trackplanInProcess(['check', '.', '--format', 'json'], empty);
		assert.equal(check.code, 0, check.stdout);
		assert.deepEqual((JSON.parse(check.stdout) as JsonOutput).diagnostics, []);
	});
});
