// End-to-end: the packaged extension (trackplan.vsix) in a real VS Code — code-server 4.100.3
// (VS Code 1.100) served to Debian's Chromium and driven with playwright-core — on a copy of
// examples/acme-saas. Each step leaves a screenshot under test-output/e2e/ (vscode-*.png), also
// when it fails. Prerequisites (npm run test:e2e does both): `npm run package` and
// `bash scripts/e2e/install-code-server.sh`. See test/e2e/README.md.
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, appendFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { chromium } from 'playwright-core';
import YAML from 'yaml';
import { prepareCodeServer, startCodeServer } from './support/codeServer.mjs';
import { chromiumPath, outputDir, requireFile, todoFor } from './support/paths.mjs';
import { waitFor } from './support/processes.mjs';
import { Workbench } from './support/workbench.mjs';
import { copyExampleWorkspace, findInFile, misspellTeamDescription } from './support/workspace.mjs';

const keep = process.env.TRACKPLAN_E2E_KEEP === '1';
/** The first start of code-server, the workbench and the extension host takes a while on 2 cores. */
const STARTUP_MS = 180_000;
/** The first diagnostic also waits for the extension to activate and the server to load the workspace. */
const FIRST_DIAGNOSTIC_MS = 120_000;
/** Source diagnostics, after (1a) started the server: the scan of ten files is quick once it runs. */
const SOURCE_DIAGNOSTIC_MS = 60_000;
/** Anything after that: the server is up, a feature answers in well under a second when it exists. */
const FEATURE_MS = 45_000;
const stepOptions = (id) => ({ timeout: 4 * 60_000, todo: todoFor(id) });

const CREATE_WORKSPACE = 'api/src/workspaces/createWorkspace.ts';
const SEATS = 'api/src/billing/seats.ts';
const PLAN = 'tracking-plan.yaml';
const COMPANY_DESCRIPTION = 'The paying customer: one Acme subscription';
const FIX_TITLE = 'Add group type "compnay_id" to tracking-plan.yaml';
/** The Python billing worker's job with an undeclared group type (`set_group("billing_account", …)`). */
const RECONCILE = 'billing/app/jobs/reconcile_accounts.py';
const PYTHON_FIX_TITLE = 'Add group type "billing_account" to tracking-plan.yaml';

describe('Trackplan in VS Code (code-server + Chromium)', () => {
	let workspace;
	let baseDir;
	let prepared;
	let codeServer;
	let browser;
	let page;
	let wb;
	let typo;
	let planBefore;
	const consoleLog = path.join(outputDir, 'vscode-browser-console.log');

	before(
		async () => {
			mkdirSync(outputDir, { recursive: true });
			for (const old of readdirSync(outputDir)) if (old.startsWith('vscode-')) rmSync(path.join(outputDir, old), { recursive: true, force: true });
			requireFile(chromiumPath, 'run `bash scripts/e2e/install-code-server.sh` (it installs Debian\'s chromium)');

			workspace = copyExampleWorkspace('vscode');
			// Give the plan a finding of its own: an unknown key (plan-schema), "descripton:".
			typo = misspellTeamDescription(workspace.plan);
			planBefore = readFileSync(workspace.plan, 'utf8');

			baseDir = mkdtempSync(path.join(os.tmpdir(), 'trackplan-e2e-code-server-'));
			prepared = await prepareCodeServer(baseDir);
			codeServer = await startCodeServer(prepared, workspace.dir, path.join(outputDir, 'vscode-code-server.log'));

			browser = await chromium.launch({
				executablePath: chromiumPath,
				headless: true,
				args: [
					'--no-sandbox',
					'--disable-gpu',
					'--disable-background-networking',
					'--disable-component-update',
					'--disable-sync',
					'--disable-quic',
					'--no-first-run',
					// Even with the flags above Chromium looks up Google hosts (autofill, update,
					// accounts): resolve nothing but the loopback code-server listens on.
					'--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
				],
			});
			page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
			page.on('console', (message) => appendFileSync(consoleLog, `[${message.type()}] ${message.text()}\n`));
			page.on('pageerror', (error) => appendFileSync(consoleLog, `[pageerror] ${error.stack ?? error.message}\n`));
			const starting = new Workbench(page, outputDir, 'vscode');
			try {
				await page.goto(codeServer.workspaceUrl);
				await starting.ready(STARTUP_MS);
			} catch (error) {
				await starting.screenshot('00-workbench-FAILED').catch(() => {});
				throw new Error(`the workbench did not show the folder: ${error.message} (see test-output/e2e/vscode-00-workbench-FAILED.png)`);
			}
			await starting.screenshot('00-workbench');
			wb = starting;
		},
		{ timeout: STARTUP_MS + 120_000 },
	);

	after(async () => {
		if (prepared) {
			// The server-side logs hold the extension host's log and the Trackplan output channel.
			const logs = path.join(prepared.userDataDir, 'logs');
			if (existsSync(logs)) cpSync(logs, path.join(outputDir, 'vscode-logs'), { recursive: true });
		}
		await browser?.close().catch(() => {});
		await codeServer?.stop();
		if (!keep) {
			if (baseDir) rmSync(baseDir, { recursive: true, force: true });
			workspace?.remove();
		}
	});

	/** Runs one step from a clean workbench; a failure still leaves `<name>-FAILED.png` and says where. */
	async function step(name, body) {
		if (!wb) throw new Error('the workbench never started (see the before hook and test-output/e2e/vscode-code-server.log)');
		try {
			await wb.reset();
			await body();
			await wb.screenshot(name);
		} catch (error) {
			const shot = await wb.screenshot(`${name}-FAILED`).catch(() => 'no screenshot');
			error.message = `${error.message}\n    screenshot: ${shot}`;
			throw error;
		}
	}

	test('[plan-problems] (1a) the Problems panel shows a Trackplan plan-schema finding on tracking-plan.yaml', stepOptions('plan-problems'), () =>
		step('01-problems-plan', async () => {
			await wb.openFile(PLAN);
			const problem = await wb.waitForProblem({ fileSuffix: `/${PLAN}`, code: 'plan-schema', timeoutMs: FIRST_DIAGNOSTIC_MS });
			assert.match(problem.message, /descripton/);
			assert.equal(problem.severity, 'error');
			assert.equal(problem.position, `[Ln ${typo.line + 1}, Col ${typo.character + 1}]`);
		}),
	);

	test('[source-problems] (1b) the Problems panel shows undeclared-group-type for "compnay_id" on createWorkspace.ts', stepOptions('source-problems'), () =>
		step('02-problems-source', async () => {
			await wb.openFile(CREATE_WORKSPACE);
			const problem = await wb.waitForProblem({ fileSuffix: `/${CREATE_WORKSPACE}`, code: 'undeclared-group-type', timeoutMs: SOURCE_DIAGNOSTIC_MS });
			assert.match(problem.message, /compnay_id/);
			const at = findInFile(workspace.file(CREATE_WORKSPACE), 'groups:', 'compnay_id');
			assert.match(problem.position, new RegExp(`^\\[Ln ${at.line + 1}, Col `));
		}),
	);

	test("[hover] (2) hovering 'company_id' in groupIdentify shows the plan's description", stepOptions('hover'), () =>
		step('03-hover', async () => {
			const editor = await wb.openFile(SEATS);
			const rect = await waitFor(() => wb.textRect(editor, 'groupIdentify(', 'company_id'), {
				timeoutMs: 20_000,
				message: `${SEATS} shows no "groupIdentify('company_id'" line`,
			});
			const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: COMPANY_DESCRIPTION }).first();
			const center = { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
			await page.mouse.move(center.x, center.y, { steps: 5 });
			try {
				await hover.waitFor({ state: 'visible', timeout: FEATURE_MS });
			} catch {
				const shown = await page.$$eval('.monaco-hover:not(.hidden)', (els) => els.map((el) => el.innerText));
				throw new Error(`no hover with "${COMPANY_DESCRIPTION}" over 'company_id' in ${SEATS}; hovers shown: ${JSON.stringify(shown)}`);
			}
			assert.match(await hover.innerText(), /company_id/);
		}),
	);

	/**
	 * In `file`, clicks into `word` on the first line that also holds `lineMarker`, opens the code
	 * actions with Ctrl+. (as a person would, after the light bulb), chooses `title` with the
	 * keyboard, saves, and returns the plan as it is on disk once it has a `word:` entry; checks the
	 * fix only added lines to the plan as it was before (`planBefore`).
	 */
	async function applyAddGroupTypeFix(t, { file, lineMarker, word, title, planBefore: before }) {
		const editor = await wb.openFile(file);
		// The fix belongs to the diagnostic: wait for it first (a clear message if it never comes).
		await wb.waitForProblem({ fileSuffix: `/${file}`, code: 'undeclared-group-type', timeoutMs: SOURCE_DIAGNOSTIC_MS });
		// Put the caret inside the word, with a click as a person would.
		const rect = await waitFor(() => wb.textRect(editor, lineMarker, word), {
			timeoutMs: 20_000,
			message: `${file} shows no "${lineMarker} … ${word}" line`,
		});
		await page.mouse.click(rect.x + rect.width / 2, rect.y + rect.height / 2);
		// A person sees the light bulb first: wait for it (VS Code shows it once code actions exist there).
		const lightBulb = editor.locator('.lightBulbWidget');
		try {
			await lightBulb.waitFor({ state: 'visible', timeout: FEATURE_MS });
		} catch {
			throw new Error(`no light bulb appeared on ${word}: the server offers no code action there`);
		}
		const menu = page.locator('.action-widget');
		const noActions = page.locator('.monaco-editor-overlaymessage', { hasText: 'No code actions available' });
		// Ctrl+.; if VS Code still answers "No code actions available" (seen while diagnostics were
		// being refreshed, see test/e2e/README.md), press it again, as a person would: 3 times at most, noted.
		for (let attempt = 1; ; attempt++) {
			await page.keyboard.press('Control+.');
			const shown = await waitFor(
				async () => ((await menu.isVisible()) ? 'menu' : (await noActions.isVisible()) ? 'none' : undefined),
				{ timeoutMs: FEATURE_MS, message: 'Ctrl+. showed neither a code action menu nor "No code actions available"' },
			);
			if (shown === 'menu') break;
			if (attempt === 3) throw new Error(`Ctrl+. on ${word} said "No code actions available" 3 times, although the light bulb was shown`);
			t.diagnostic(`Ctrl+. attempt ${attempt} said "No code actions available" although the light bulb was shown; trying again`);
			await noActions.waitFor({ state: 'hidden', timeout: FEATURE_MS }).catch(() => {});
		}
		const fix = menu.locator('.monaco-list-row.action', { hasText: title }).first();
		try {
			await fix.waitFor({ state: 'visible', timeout: FEATURE_MS });
		} catch {
			throw new Error(`Ctrl+. on ${word} did not offer "${title}"; the menu offered: ${JSON.stringify(await menu.innerText())}`);
		}
		await wb.screenshot(`${file.endsWith('.py') ? '07' : '04'}-quick-fix-menu`);
		// Choose it with the keyboard (the menu's pointer block hides its rows from synthetic clicks).
		const focused = () => menu.locator('.monaco-list-row.focused').getAttribute('aria-label', { timeout: 1000 }).catch(() => null);
		for (let i = 0; i < 20 && (await focused()) !== title; i++) await page.keyboard.press('ArrowDown');
		assert.equal(await focused(), title, 'could not select the fix in the menu with the arrow keys');
		await page.keyboard.press('Enter');
		await menu.waitFor({ state: 'hidden', timeout: FEATURE_MS });
		// The edit lands in the plan's model, unsaved (VS Code opens it in a tab): wait for that
		// dirty tab, then save as a person would.
		const dirtyPlan = page.locator(`.tabs-container .tab.dirty[aria-label^="${PLAN}"]`);
		try {
			await dirtyPlan.waitFor({ state: 'visible', timeout: FEATURE_MS });
		} catch {
			throw new Error(`applying "${title}" left no unsaved ${PLAN} (the fix's workspace edit did not reach the plan)`);
		}
		await wb.runCommand('File: Save All');
		await dirtyPlan.waitFor({ state: 'detached', timeout: FEATURE_MS });
		const entry = new RegExp(`^\\s+${word}:`, 'm');
		const planAfter = await waitFor(
			() => {
				const text = readFileSync(workspace.plan, 'utf8');
				return text !== before && entry.test(text) && text;
			},
			{ timeoutMs: FEATURE_MS, message: `the plan on disk (${workspace.plan}) never got a "${word}:" entry` },
		);
		const parsed = YAML.parse(planAfter);
		assert.ok(parsed.groupTypes && Object.hasOwn(parsed.groupTypes, word), `${word} is not under groupTypes:\n${planAfter}`);
		for (const kept of ['company_id', 'workspace_id', 'team']) assert.ok(Object.hasOwn(parsed.groupTypes, kept), `${kept} disappeared from groupTypes`);
		const beforeLines = before.split('\n');
		const afterLines = planAfter.split('\n');
		const header = beforeLines.indexOf('groupTypes:') + 1;
		assert.ok(header > 0, 'the plan copy has no "groupTypes:" line');
		assert.deepEqual(afterLines.slice(0, header), beforeLines.slice(0, header), 'the lines up to "groupTypes:" changed');
		let cursor = 0;
		const missing = beforeLines.filter((line) => {
			const found = afterLines.indexOf(line, cursor);
			if (found < 0) return true;
			cursor = found + 1;
			return false;
		});
		assert.deepEqual(missing, [], 'the fix changed or removed lines of the plan instead of only adding the entry');
		// Evidence for a person: the plan, scrolled to the new entry.
		await wb.openFile(PLAN);
		await wb.goToLine(afterLines.findIndex((line) => entry.test(line)));
		return planAfter;
	}

	test(`[quick-fix] (3) the quick fix "${FIX_TITLE}" writes the group type into the plan on disk`, stepOptions('quick-fix'), (t) =>
		step('04-quick-fix', async () => {
			await applyAddGroupTypeFix(t, { file: CREATE_WORKSPACE, lineMarker: 'groups:', word: 'compnay_id', title: FIX_TITLE, planBefore });
		}),
	);

	test('[completion] (4) typing amplitude.setGroup(\' offers company_id, workspace_id and team', stepOptions('completion'), () =>
		step('05-completion', async () => {
			const editor = await wb.openFile(SEATS);
			await editor.locator('.view-lines').click();
			await wb.goToLine(findInFile(workspace.file(SEATS), 'groupIdentify(', 'groupIdentify(').line);
			await page.keyboard.press('End');
			await page.keyboard.press('Enter');
			await page.keyboard.type('amplitude.setGroup(', { delay: 25 });
			await page.keyboard.press('Escape'); // a member list TypeScript may have opened after "amplitude."
			await page.keyboard.type("'", { delay: 25 });
			const widget = page.locator('.editor-widget.suggest-widget.visible');
			const expected = ['company_id', 'workspace_id', 'team'];
			const labels = async () => widget.locator('.monaco-list-row .label-name').allInnerTexts().catch(() => []);
			let offered = [];
			try {
				await waitFor(
					async () => {
						offered = await labels();
						return expected.every((label) => offered.includes(label));
					},
					{ timeoutMs: FEATURE_MS, message: 'no completion' },
				);
			} catch {
				// Say whether completion exists at all when asked for explicitly (Ctrl+Space).
				const typed = (await wb.visibleLines(editor)).find((line) => line.includes('setGroup(')) ?? '(line not in view)';
				await page.keyboard.press('Control+Space');
				let explicit = [];
				await waitFor(async () => (explicit = await labels()).length > 0, { timeoutMs: 15_000, message: '' }).catch(() => {});
				throw new Error(
					`typing amplitude.setGroup(' did not open a completion with ${expected.join(', ')} (offered: ${JSON.stringify(offered)}); ` +
						`Ctrl+Space then offered ${JSON.stringify(explicit)}; the line reads ${JSON.stringify(typed.trim())}`,
				);
			}
			assert.ok(offered.length >= 3);
		}),
	);
	test('[python-problems] (5) the Problems panel shows undeclared-group-type for "billing_account" on a Python file', stepOptions('python-problems'), () =>
		step('06-problems-python', async () => {
			await wb.openFile(RECONCILE);
			const problem = await wb.waitForProblem({ fileSuffix: `/${RECONCILE}`, code: 'undeclared-group-type', timeoutMs: SOURCE_DIAGNOSTIC_MS });
			assert.match(problem.message, /billing_account/);
			const at = findInFile(workspace.file(RECONCILE), 'set_group(', 'billing_account');
			// VS Code's columns count from 1; the squiggle starts at the name, inside its quotes
			assert.equal(problem.position, `[Ln ${at.line + 1}, Col ${at.character + 1}]`);
		}),
	);

	test(`[python-quick-fix] (6) in a .py file, the quick fix "${PYTHON_FIX_TITLE}" writes the group type into the plan on disk`, stepOptions('python-quick-fix'), (t) =>
		step('07-quick-fix-python', async () => {
			const before = readFileSync(workspace.plan, 'utf8');
			const pythonBefore = readFileSync(workspace.file(RECONCILE), 'utf8');
			await applyAddGroupTypeFix(t, { file: RECONCILE, lineMarker: 'set_group(', word: 'billing_account', title: PYTHON_FIX_TITLE, planBefore: before });
			assert.equal(readFileSync(workspace.file(RECONCILE), 'utf8'), pythonBefore, 'the fix changed the Python file');
			// With the group type declared, the Python file's finding goes away.
			await wb.openFile(RECONCILE);
			await wb.filterProblems('undeclared-group-type');
			const stillShown = async () => (await wb.readProblems()).some((entry) => entry.file.endsWith(`/${RECONCILE}`) && entry.markers.some((m) => m.code === 'undeclared-group-type' && m.source === 'trackplan'));
			await waitFor(async () => !(await stillShown()), {
				timeoutMs: FEATURE_MS,
				message: `${RECONCILE} still shows undeclared-group-type after "billing_account" was added to the plan`,
			});
		}),
	);
});
