// Drives the VS Code workbench in the browser the way a person does: keyboard shortcuts, the
// command palette, Quick Open, the Problems panel, the mouse over a word. Every wait is on what the
// UI shows (a widget, a row, a file on disk), with a timeout and a message that says what was missing.
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { waitFor } from './processes.mjs';

export class Workbench {
	constructor(page, screenshotDir, prefix) {
		this.page = page;
		this.screenshotDir = screenshotDir;
		this.prefix = prefix;
		mkdirSync(screenshotDir, { recursive: true });
	}

	/** Saves a PNG under test-output/e2e/ and returns its path. */
	async screenshot(name) {
		const file = path.join(this.screenshotDir, `${this.prefix}-${name}.png`);
		await this.page.screenshot({ path: file });
		return file;
	}

	/** The workbench has loaded the folder: the explorer lists its files. */
	async ready(timeoutMs) {
		await this.page.waitForSelector('.monaco-workbench', { timeout: timeoutMs });
		await this.page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: timeoutMs });
	}

	/** Closes widgets and editors left by a previous step, answering "Don't Save" if asked. */
	async reset() {
		const { page } = this;
		for (let i = 0; i < 3; i++) await page.keyboard.press('Escape');
		await this.runCommand('View: Close All Editors', { optional: true });
		const dontSave = page.locator('.monaco-dialog-box .monaco-button', { hasText: "Don't Save" });
		if (await dontSave.isVisible().catch(() => false)) await dontSave.click();
		await page.waitForSelector('.monaco-dialog-box', { state: 'detached', timeout: 10_000 }).catch(() => {});
	}

	/** F1, then the command's title; clicks the first row that shows it. */
	async runCommand(title, { optional = false, timeoutMs = 20_000 } = {}) {
		const { page } = this;
		await page.keyboard.press('F1');
		const input = page.locator('.quick-input-widget .quick-input-box input');
		await input.waitFor({ state: 'visible', timeout: timeoutMs });
		await input.fill(`>${title}`);
		const row = page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: title }).first();
		try {
			await row.waitFor({ state: 'visible', timeout: timeoutMs });
		} catch (error) {
			await page.keyboard.press('Escape');
			if (optional) return false;
			throw new Error(`the command palette has no command "${title}"`);
		}
		await row.click();
		await input.waitFor({ state: 'hidden', timeout: timeoutMs }).catch(() => {});
		return true;
	}

	/** Quick Open (Ctrl+P) with a workspace-relative path; resolves once its editor is active. */
	async openFile(relativePath, timeoutMs = 60_000) {
		const { page } = this;
		const basename = relativePath.split('/').pop();
		await page.keyboard.press('Control+P');
		const input = page.locator('.quick-input-widget .quick-input-box input');
		await input.waitFor({ state: 'visible', timeout: timeoutMs });
		await input.fill(relativePath);
		// A file result's label starts with the file name, its folder is the description.
		const folder = relativePath.includes('/') ? relativePath.slice(0, relativePath.lastIndexOf('/')) : '';
		const row = page
			.locator(`.quick-input-widget .quick-input-list .monaco-list-row[aria-label*="${basename}"]`, { hasText: folder })
			.first();
		try {
			await row.waitFor({ state: 'visible', timeout: timeoutMs });
		} catch {
			throw new Error(`Quick Open found no file "${relativePath}"`);
		}
		await row.click();
		await this.editor(relativePath).waitFor({ state: 'visible', timeout: timeoutMs });
		await page.locator(`.tabs-container .tab.active[aria-label^="${basename}"]`).waitFor({ timeout: timeoutMs });
		return this.editor(relativePath);
	}

	/** The Monaco editor showing a workspace file (its DOM node carries the model's URI). */
	editor(relativePath) {
		return this.page.locator(`.editor-instance .monaco-editor[data-uri$="/${relativePath}"]`).first();
	}

	/**
	 * Go to Line (Ctrl+G) with a 0-based line; waits for the status bar to agree. (Columns are left
	 * out on purpose: the status bar counts a tab as several columns. Click on text to place the caret.)
	 */
	async goToLine(line) {
		const { page } = this;
		await page.keyboard.press('Control+G');
		const input = page.locator('.quick-input-widget .quick-input-box input');
		await input.waitFor({ state: 'visible' });
		await input.fill(`:${line + 1}`); // keep the ":" that selects Go to Line in the quick input
		await page.keyboard.press('Enter');
		await input.waitFor({ state: 'hidden' });
		await page
			.locator('.statusbar-item', { hasText: new RegExp(`^Ln ${line + 1}, Col \\d+`) })
			.first()
			.waitFor({ timeout: 10_000 });
	}

	/** Shows the Problems panel (Ctrl+Shift+M toggles it; the palette's focus command is the fallback). */
	async showProblems() {
		const { page } = this;
		const panel = page.locator('.markers-panel');
		if (await panel.isVisible()) return panel;
		await page.keyboard.press('Control+Shift+M');
		try {
			await panel.waitFor({ state: 'visible', timeout: 10_000 });
		} catch {
			await this.runCommand('View: Focus on Problems View');
			await panel.waitFor({ state: 'visible', timeout: 10_000 });
		}
		return panel;
	}

	/** Types into the Problems filter box ('' clears it), so the rows asked for are not scrolled away. */
	async filterProblems(text) {
		await this.showProblems();
		const filter = this.page.locator('.viewpane-filter input, .markers-panel-action-filter input').first();
		await filter.fill(text);
	}

	/**
	 * The Problems panel as data: one entry per file row, with the marker rows under it.
	 * (The list is virtual: only rows in view exist, hence filterProblems.)
	 */
	async readProblems() {
		return this.page.$$eval('.markers-panel .monaco-list-row', (rows) => {
			const files = [];
			for (const row of rows) {
				const text = (selector) => row.querySelector(selector)?.textContent?.trim() ?? '';
				if (row.getAttribute('aria-level') === '1') {
					const label = row.querySelector('.monaco-icon-label');
					files.push({ file: label?.getAttribute('aria-label') ?? text('.label-name'), rowLabel: row.getAttribute('aria-label'), markers: [] });
				} else if (files.length > 0 && row.querySelector('.marker-message')) {
					files[files.length - 1].markers.push({
						message: text('.marker-message'),
						source: text('.marker-source'),
						code: text('.marker-code'),
						position: text('.marker-line'),
						severity: ['error', 'warning', 'info'].find((s) => row.querySelector(`.marker-icon.${s}`)) ?? 'other',
						ariaLabel: row.getAttribute('aria-label'),
					});
				}
			}
			return files;
		});
	}

	/** Waits for a Problems row of `code` (source trackplan) under the file ending with `fileSuffix`. */
	async waitForProblem({ fileSuffix, code, timeoutMs }) {
		await this.filterProblems(code);
		let seen = [];
		return waitFor(
			async () => {
				seen = await this.readProblems();
				const file = seen.find((entry) => entry.file.endsWith(fileSuffix));
				const marker = file?.markers.find((m) => m.code === code && m.source === 'trackplan');
				return marker && { file: file.file, ...marker };
			},
			{
				timeoutMs,
				message: () =>
					`the Problems panel never showed a trackplan "${code}" problem on ${fileSuffix}; with the filter "${code}" it showed: ${JSON.stringify(seen)}`,
			},
		);
	}

	/** Screen rectangle of `needle` on the editor line that contains `lineMarker` (lines in view only). */
	async textRect(editor, lineMarker, needle) {
		return editor.evaluate(
			(root, { lineMarker, needle }) => {
				const nbsp = /\u00a0/g;
				for (const line of root.querySelectorAll('.view-lines .view-line')) {
					const text = line.textContent.replace(nbsp, ' ');
					if (!text.includes(lineMarker)) continue;
					const start = text.indexOf(needle, text.indexOf(lineMarker));
					if (start < 0) continue;
					const range = document.createRange();
					let offset = 0;
					const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
					for (let node = walker.nextNode(); node; node = walker.nextNode()) {
						const length = node.textContent.length;
						if (offset <= start && start < offset + length) range.setStart(node, start - offset);
						if (offset < start + needle.length && start + needle.length <= offset + length) range.setEnd(node, start + needle.length - offset);
						offset += length;
					}
					const rect = range.getBoundingClientRect();
					return { x: rect.x, y: rect.y, width: rect.width, height: rect.height };
				}
				return undefined;
			},
			{ lineMarker, needle },
		);
	}

	/** The text of the editor lines in view, for error messages. */
	async visibleLines(editor) {
		return editor.evaluate((root) =>
			[...root.querySelectorAll('.view-lines .view-line')]
				.sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top))
				.map((line) => line.textContent.replace(/\u00a0/g, ' ')),
		);
	}
}
