// End-to-end with a second, independent LSP client: Debian's Neovim (0.7.2), headless, starts our
// server (`node dist/server.js --stdio`) with its built-in client on a copy of examples/acme-saas.
// test/e2e/neovim/drive.lua does the editor side and writes what it saw as JSON; this file asserts
// on it. Neovim 0.7 has no pull diagnostics, so this also proves the server pushes them
// (textDocument/publishDiagnostics) to such clients. Prerequisite: `npm run build` (or package).
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { before, after, describe, test } from 'node:test';
import { nvimPath, outputDir, requireFile, serverEntry, todoFor } from './support/paths.mjs';
import { startProcess } from './support/processes.mjs';
import { copyExampleWorkspace, findInFile, misspellTeamDescription, positionOf } from './support/workspace.mjs';

const driver = path.join(path.dirname(fileURLToPath(import.meta.url)), 'neovim', 'drive.lua');
const keep = process.env.TRACKPLAN_E2E_KEEP === '1';
const CREATE_WORKSPACE = 'api/src/workspaces/createWorkspace.ts';
/** The Python billing worker's job with an undeclared group type (`set_group("billing_account", …)`). */
const RECONCILE = 'billing/app/jobs/reconcile_accounts.py';
/** The plan's findings: the server's first diagnostics, after it has loaded the workspace. */
const PLAN_DIAGNOSTICS_MS = 60_000;
/** Source findings: waited for after the plan's, so the scan has had that time too. */
const SOURCE_DIAGNOSTICS_MS = 30_000;

describe('Trackplan language server in Neovim (built-in LSP client, headless)', () => {
	let workspace;
	let scratch;
	let typo;
	let results;
	let runFailure;
	const resultsFile = path.join(outputDir, 'neovim-results.json');

	before(
		async () => {
			mkdirSync(outputDir, { recursive: true });
			for (const old of readdirSync(outputDir)) if (old.startsWith('neovim-')) rmSync(path.join(outputDir, old), { force: true });
			requireFile(nvimPath, 'run `bash scripts/e2e/install-code-server.sh` (it installs Debian\'s neovim)');
			requireFile(serverEntry, 'run `npm run build` (or `npm run package`) first');

			workspace = copyExampleWorkspace('neovim');
			typo = misspellTeamDescription(workspace.plan);
			scratch = mkdtempSync(path.join(os.tmpdir(), 'trackplan-e2e-nvim-'));
			const createWorkspace = workspace.file(CREATE_WORKSPACE);
			const workspaceId = findInFile(createWorkspace, 'groups:', 'workspace_id');
			const planText = readFileSync(workspace.plan, 'utf8');
			const spec = {
				cmd: [process.execPath, serverEntry, '--stdio'],
				root: workspace.dir,
				initTimeoutMs: 30_000,
				files: [
					{ path: workspace.plan, waitMs: PLAN_DIAGNOSTICS_MS },
					{ path: createWorkspace, waitMs: SOURCE_DIAGNOSTICS_MS },
					{ path: workspace.file(RECONCILE), waitMs: SOURCE_DIAGNOSTICS_MS },
				],
				hovers: [
					// the group type key in `groups: { compnay_id: …, workspace_id: … }`
					{ path: createWorkspace, line: workspaceId.line, character: workspaceId.character + 3 },
					// the group type's own declaration in the plan (recorded; not asserted)
					{ path: workspace.plan, ...positionOf(planText, '  company_id:'), character: 4 },
				],
				logLevel: 'info',
				out: path.join(scratch, 'results.json'),
			};
			const specFile = path.join(scratch, 'spec.json');
			writeFileSync(specFile, JSON.stringify(spec, null, 2));

			const nvim = startProcess(nvimPath, ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${driver}`], {
				cwd: workspace.dir,
				env: {
					...process.env,
					TRACKPLAN_E2E_SPEC: specFile,
					// Neovim's state, cache (lsp.log) and config stay in the scratch folder.
					XDG_CONFIG_HOME: path.join(scratch, 'config'),
					XDG_DATA_HOME: path.join(scratch, 'data'),
					XDG_STATE_HOME: path.join(scratch, 'state'),
					XDG_CACHE_HOME: path.join(scratch, 'cache'),
				},
				logFile: path.join(outputDir, 'neovim-stdout.log'),
			});
			const budget = spec.initTimeoutMs + PLAN_DIAGNOSTICS_MS + 2 * SOURCE_DIAGNOSTICS_MS + 60_000;
			const timer = setTimeout(() => void nvim.stop(1000), budget);
			const { code, signal } = await nvim.exited;
			clearTimeout(timer);
			await nvim.stop(0);

			const lspLog = path.join(scratch, 'cache', 'nvim', 'lsp.log');
			if (existsSync(lspLog)) copyFileSync(lspLog, path.join(outputDir, 'neovim-lsp.log'));
			if (!existsSync(spec.out)) {
				runFailure = `nvim exited (${code ?? signal}) without writing results; output:\n${nvim.output()}`;
				return;
			}
			copyFileSync(spec.out, resultsFile);
			results = JSON.parse(readFileSync(spec.out, 'utf8'));
		},
		{ timeout: 5 * 60_000 },
	);

	after(() => {
		if (!keep) {
			workspace?.remove();
			if (scratch) rmSync(scratch, { recursive: true, force: true });
		}
	});

	/** The results, or a failure that says why there are none. */
	function ran() {
		if (runFailure) assert.fail(runFailure);
		assert.ok(results, 'Neovim did not run (see the before hook)');
		if (results.errors.length > 0) {
			assert.fail(`the Lua driver failed: ${results.errors.join('\n')}\n(results: ${resultsFile}; Neovim's LSP log, with the server's stderr: ${path.join(outputDir, 'neovim-lsp.log')})`);
		}
		return results;
	}
	const buffer = (relative) => ran().buffers.find((b) => b.path === workspace.file(relative));

	test('[nvim-initialize] the server starts over stdio and initializes with Neovim 0.7', { todo: todoFor('nvim-initialize') }, () => {
		const r = ran();
		assert.match(r.nvim, /^0\.\d+\.\d+$/);
		assert.equal(r.serverInfo?.name, 'trackplan');
		assert.ok(r.capabilities?.hoverProvider, 'the server announces no hoverProvider');
		assert.equal(r.capabilities?.diagnosticProvider, undefined, 'a client without pull diagnostics must not be offered them');
	});

	test('[nvim-plan-diagnostics] the plan buffer gets pushed diagnostics: plan-schema on "descripton"', { todo: todoFor('nvim-plan-diagnostics') }, () => {
		const plan = buffer('tracking-plan.yaml');
		assert.ok(plan?.gotDiagnostics, `vim.diagnostic.get() stayed empty for the plan buffer for ${PLAN_DIAGNOSTICS_MS / 1000} s (no textDocument/publishDiagnostics for it; see ${resultsFile})`);
		const finding = plan.diagnostics.find((d) => d.code === 'plan-schema');
		assert.ok(finding, `no plan-schema diagnostic; got ${JSON.stringify(plan.diagnostics)}`);
		assert.equal(finding.source, 'trackplan');
		assert.match(finding.message, /descripton/);
		assert.equal(finding.severity, 1); // vim.diagnostic.severity.ERROR
		assert.deepEqual([finding.lnum, finding.col], [typo.line, typo.character]);
	});

	test('[nvim-source-diagnostics] the source buffer gets pushed diagnostics: undeclared-group-type on "compnay_id"', { todo: todoFor('nvim-source-diagnostics') }, () => {
		const source = buffer(CREATE_WORKSPACE);
		assert.ok(source?.gotDiagnostics, `vim.diagnostic.get() stayed empty for ${CREATE_WORKSPACE} for ${SOURCE_DIAGNOSTICS_MS / 1000} s (see ${resultsFile})`);
		const finding = source.diagnostics.find((d) => d.code === 'undeclared-group-type');
		assert.ok(finding, `no undeclared-group-type diagnostic; got ${JSON.stringify(source.diagnostics)}`);
		assert.match(finding.message, /compnay_id/);
		const at = findInFile(workspace.file(CREATE_WORKSPACE), 'groups:', 'compnay_id');
		assert.equal(finding.lnum, at.line);
	});

	test('[nvim-python-diagnostics] a Python buffer gets pushed diagnostics: undeclared-group-type on "billing_account"', { todo: todoFor('nvim-python-diagnostics') }, () => {
		const source = buffer(RECONCILE);
		assert.ok(source?.gotDiagnostics, `vim.diagnostic.get() stayed empty for ${RECONCILE} for ${SOURCE_DIAGNOSTICS_MS / 1000} s (see ${resultsFile})`);
		const finding = source.diagnostics.find((d) => d.code === 'undeclared-group-type');
		assert.ok(finding, `no undeclared-group-type diagnostic; got ${JSON.stringify(source.diagnostics)}`);
		assert.equal(finding.source, 'trackplan');
		assert.match(finding.message, /billing_account/);
		const at = findInFile(workspace.file(RECONCILE), 'set_group(', 'billing_account');
		// the squiggle covers the name inside its quotes
		assert.deepEqual([finding.lnum, finding.col], [at.line, at.character]);
	});

	test('[nvim-hover] textDocument/hover on the group type "workspace_id" in source shows its plan description', { todo: todoFor('nvim-hover') }, () => {
		const hover = ran().hovers.find((h) => h.path === workspace.file(CREATE_WORKSPACE));
		assert.ok(hover, 'no hover was requested');
		assert.equal(hover.error ?? undefined, undefined, `hover failed: ${JSON.stringify(hover.error)}`);
		const contents = hover.result?.contents;
		const text = typeof contents === 'string' ? contents : Array.isArray(contents) ? contents.map((c) => c.value ?? c).join('\n') : contents?.value;
		assert.ok(text, `no hover at ${JSON.stringify(hover.position)}: ${JSON.stringify(hover.result)}`);
		assert.match(text, /workspace_id/);
		assert.match(text, /A workspace inside a company; people switch between them during a session\./);
	});

	test('[nvim-exit] the server shuts down and exits with code 0 when Neovim stops it', { todo: todoFor('nvim-exit') }, () => {
		const r = ran();
		assert.ok(r.exit, 'the server was still running 10 s after shutdown/exit');
		assert.equal(r.exit.code, 0);
	});
});
