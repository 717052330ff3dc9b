import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { cliPath, repoRoot } from '../support/paths';

interface Output {
	diagnostics: { file: string; range: { start: { line: number } }; code: string; severity: string }[];
	calls: { file: string; range: { start: { line: number } }; sdk: string; kind: string; event: string | null; groupTypes: string[]; properties: string[]; resolved: boolean }[];
	summary: { errors: number; warnings: number; files: number; calls: number };
}

function checkExample(): { code: number | null; output: Output } {
	const result = spawnSync(process.execPath, [cliPath, 'check', 'examples/acme-saas', '--format', 'json'], { cwd: repoRoot, encoding: 'utf8' });
	return { code: result.status, output: JSON.parse(result.stdout) as Output };
}

/** Lines of the example that carry a `DELIBERATE:` comment, with the rules that comment names. */
function deliberateMistakes(): Map<string, string[]> {
	const mistakes = new Map<string, string[]>();
	const files = ['web/src/dashboards/ShareDialog.tsx', 'web/src/workspaces/WorkspaceSwitcher.tsx', 'web/src/settings/AccountSettings.tsx', 'web/public/index.html', 'api/src/workspaces/createWorkspace.ts', 'api/src/jobs/syncAccounts.ts', 'billing/app/routes/invoices.py', 'billing/app/jobs/reconcile_accounts.py'];
	for (const file of files) {
		const text = readFileSync(path.join(repoRoot, 'examples/acme-saas', file), 'utf8');
		const rules = [...text.matchAll(/DELIBERATE:[^\n]*?\(([a-z-]+)\)/g)].map((m) => m[1]!);
		mistakes.set(`examples/acme-saas/${file}`, rules);
	}
	return mistakes;
}

describe('the example workspace', () => {
	const { code, output } = checkExample();

	it('reports the deliberate mistakes and no other finding', () => {
		const found = new Map<string, string[]>();
		for (const d of output.diagnostics) found.set(d.file, [...(found.get(d.file) ?? []), d.code]);
		for (const [file, rules] of deliberateMistakes()) {
			for (const rule of rules) assert.ok(found.get(file)?.includes(rule), `${file} should report ${rule}; got ${found.get(file)?.join(', ')}`);
		}
		assert.deepEqual(
			output.diagnostics.map((d) => `${d.file}:${d.range.start.line + 1} ${d.code}`),
			[
				'examples/acme-saas/api/src/jobs/syncAccounts.ts:18 missing-user-id',
				'examples/acme-saas/api/src/workspaces/createWorkspace.ts:13 missing-event-groups', // the same typo: company_id is missing
				'examples/acme-saas/api/src/workspaces/createWorkspace.ts:18 undeclared-group-type',
				'examples/acme-saas/billing/app/jobs/reconcile_accounts.py:18 undeclared-group-type',
				'examples/acme-saas/billing/app/routes/invoices.py:23 missing-event-groups',
				'examples/acme-saas/web/public/index.html:24 segment-group-fallback',
				'examples/acme-saas/web/src/dashboards/ShareDialog.tsx:14 missing-event-groups',
				'examples/acme-saas/web/src/settings/AccountSettings.tsx:20 undeclared-group-property',
				'examples/acme-saas/web/src/settings/AccountSettings.tsx:22 dynamic-property-write',
				'examples/acme-saas/web/src/settings/AccountSettings.tsx:24 property-type-mismatch',
				'examples/acme-saas/web/src/workspaces/WorkspaceSwitcher.tsx:12 level-mismatch',
			],
		);
		assert.equal(code, 1);
	});

	it('lists every call of the example, resolved through imports and constants', () => {
		assert.deepEqual(
			output.calls.map((c) => `${c.file.replace('examples/acme-saas/', '')}:${c.range.start.line + 1} ${c.sdk} ${c.kind} ${c.event ?? '-'} [${c.groupTypes.join(',')}] [${c.properties.join(',')}]${c.resolved ? '' : ' unresolved'}`),
			[
				'api/src/billing/seats.ts:13 amplitude-node event-level-groups Seat Added [company_id] []',
				'api/src/billing/seats.ts:14 amplitude-node group-identify - [company_id] [seats]',
				'api/src/jobs/syncAccounts.ts:18 amplitude-node group-identify - [company_id] [Account Name,plan,signed_up_at]',
				'api/src/workspaces/createWorkspace.ts:12 amplitude-node event-level-groups Workspace Created [compnay_id,workspace_id] []',
				// the Python billing worker: the client imported from app/analytics/client.py, names through a constant and an Enum member
				'billing/app/jobs/reconcile_accounts.py:18 amplitude-python user-level-group - [billing_account] []',
				'billing/app/routes/invoices.py:21 amplitude-python track Invoice Paid [] []',
				'billing/app/routes/subscriptions.py:22 amplitude-python user-level-group - [company_id] []',
				'billing/app/routes/subscriptions.py:23 amplitude-python group-identify - [company_id] [plan,seats]',
				'billing/app/routes/subscriptions.py:29 amplitude-python event-level-groups Seat Added [company_id] []',
				'web/public/index.html:24 segment-browser segment-group - [] []',
				'web/src/dashboards/ShareDialog.tsx:13 amplitude-browser event-level-groups Dashboard Shared [company_id] []',
				'web/src/reports/ExportButton.tsx:14 amplitude-browser event-level-groups Report Exported [company_id,workspace_id] []',
				'web/src/session/signIn.ts:13 amplitude-browser user-level-group - [company_id] []',
				'web/src/session/signIn.ts:14 amplitude-browser user-level-group - [team] []',
				'web/src/session/signIn.ts:16 amplitude-browser group-identify - [team] [department]',
				'web/src/settings/AccountSettings.tsx:25 amplitude-browser group-identify - [company_id] [Account Name,plan,billing_country,acount_tier,Weekly Active Users,seats]',
				'web/src/workspaces/WorkspaceSwitcher.tsx:12 amplitude-browser user-level-group - [workspace_id] []',
			],
		);
		assert.equal(output.summary.calls, 17);
	});
});
