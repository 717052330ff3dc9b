import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildWorkbook, checkWorkspace, defaultFrontEnds, neverCancelled, renderWorkbookCsv, renderWorkbookHtml, renderWorkbookMarkdown, type Workbook } from '../../../core/src/index';
import { printableText } from '../../../core/src/text/printableText';
import { hostileCodeNames, hostileCodeSource, hostilePlan } from '../../support/hostileText';
import { InMemoryFileSystem } from '../../support/inMemoryFileSystem';

// markdown-it (CommonMark with GitHub's tables and strikethrough; a devDependency, untyped), raw HTML and autolinks on, as a permissive renderer would.
const MarkdownIt = require('markdown-it') as new (options: object) => { render(markdown: string): string };
const markdownRenderer = new MarkdownIt({ html: true, linkify: true });

const root = 'file:///ws';
const description = 'First line <b>bold</b>\n\n- not a list\n1. not a list either\n    not code';

async function hostileWorkbook(): Promise<Workbook> {
	const plan = hostilePlan.replace('description: The paying customer.', `description: ${JSON.stringify(description)}`);
	const files = new InMemoryFileSystem({ [`${root}/tracking-plan.yaml`]: plan, [`${root}/src/names.ts`]: hostileCodeSource() });
	const result = await checkWorkspace(files, { roots: [root], frontEnds: defaultFrontEnds }, neverCancelled);
	return buildWorkbook(result.index, result.findings, { linkFor: (uri) => `../${uri.slice(root.length + 1)}` });
}

/** The text a browser shows for some HTML: tags dropped, entities decoded. */
function shownText(html: string): string {
	return html
		.replace(/<[^>]*>/g, '')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&#39;/g, "'")
		.replace(/&amp;/g, '&');
}

/** Every element in some HTML with its attributes: what could be live. */
function elements(html: string): string[] {
	return [...html.matchAll(/<([a-zA-Z][\w-]*)([^>]*)>/g)].map((m) => `${m[1]!.toLowerCase()}${m[2]}`);
}

describe('the workbook with hostile names from code and plan', () => {
	it('Markdown: rendered, no name becomes an element, and each name shows as exactly its printable text', async () => {
		const markdown = renderWorkbookMarkdown(await hostileWorkbook());
		const html = markdownRenderer.render(markdown);
		const allowed = new Set(['h1', 'h2', 'h3', 'p', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'code', 'strong', 'ul', 'li', 'hr', 'a']);
		for (const element of elements(html)) {
			const [tag] = element.split(/\s/);
			assert.ok(allowed.has(tag!), `no <${element}>`);
			assert.doesNotMatch(element, /\son\w+=|javascript:|evil\.example/i, element);
			if (tag === 'a') assert.match(element, /^a href="\.\.\/(src\/names\.ts|tracking-plan\.yaml)(#L\d+)?"$/, element);
		}
		const text = shownText(html);
		for (const { what, name } of hostileCodeNames) assert.ok(text.includes(printableText(name)), `${what}: ${printableText(name)}`);
		// The description is one paragraph of text: no list, no code block, its HTML shown as text.
		assert.ok(text.includes('First line <b>bold</b> - not a list 1. not a list either not code'), 'the description as one line');
	});

	it('Markdown: every table row has as many cells as its header (no pipe breaks a table)', async () => {
		const html = markdownRenderer.render(renderWorkbookMarkdown(await hostileWorkbook()));
		const tables = [...html.matchAll(/<table>([\s\S]*?)<\/table>/g)].map((m) => m[1]!);
		assert.ok(tables.length >= 5);
		for (const table of tables) {
			const rows = [...table.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => (m[1]!.match(/<t[hd][ >]/g) ?? []).length);
			assert.ok(rows.every((cells) => cells === rows[0]), `${rows.join(',')} cells in\n${table.slice(0, 400)}`);
		}
	});

	it('HTML: no name becomes an element or an attribute, and each shows as its printable text', async () => {
		const html = renderWorkbookHtml(await hostileWorkbook());
		for (const element of elements(html)) {
			assert.doesNotMatch(element, /^(img|script|iframe|object|embed|link|meta http-equiv)|\son\w+=|javascript:|evil\.example/i, element);
		}
		assert.doesNotMatch(html, /[\p{Cs}\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\u2028\u2029]/u, 'nothing raw a viewer acts on');
		const text = shownText(html);
		for (const { what, name } of hostileCodeNames) assert.ok(text.includes(printableText(name)), `${what}: ${printableText(name)}`);
	});

	it('CSV: no cell a spreadsheet runs as a formula, rows that parse, and each name in a cell as its printable text', async () => {
		const rows = parseCsv(renderWorkbookCsv(await hostileWorkbook()));
		const cells = rows.flat();
		for (const cell of cells) assert.doesNotMatch(cell, /^[=+\-@\t\r]/, `a formula: ${cell}`);
		for (const cell of cells) assert.doesNotMatch(cell, /[\p{Cc}\p{Cs}]/u, JSON.stringify(cell));
		const groupTypes = rows.slice(rows.findIndex((r) => r[0] === 'Group types') + 2);
		for (const { what, name } of hostileCodeNames) {
			const shown = printableText(name);
			const cell = /^[=+\-@]/.test(shown) ? `'${shown}` : shown;
			assert.ok(groupTypes.some((r) => r[1] === cell), `${what}: ${cell}`);
		}
	});
});

/** RFC 4180, strictly: quoted fields with "" for ", CRLF between records; throws on anything else. */
function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let at = 0;
	while (at < text.length) {
		let cell = '';
		if (text[at] === '"') {
			at++;
			for (;;) {
				const quote = text.indexOf('"', at);
				assert.ok(quote >= 0, 'unclosed quote');
				cell += text.slice(at, quote);
				at = quote + 1;
				if (text[at] !== '"') break;
				cell += '"';
				at++;
			}
		} else {
			const end = text.slice(at).search(/[,\r]/);
			cell = text.slice(at, end < 0 ? text.length : at + end);
			assert.ok(!cell.includes('"') && !cell.includes('\n'), `a bare field with a quote or line break: ${cell}`);
			at += cell.length;
		}
		row.push(cell);
		if (text[at] === ',') at++;
		else {
			assert.equal(text.slice(at, at + 2), '\r\n', `CRLF after a record, at ${at}`);
			at += 2;
			rows.push(row);
			row = [];
		}
	}
	return rows;
}
