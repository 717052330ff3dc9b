import { nodeWasmAssets } from '../../../node/src/nodeWasmAssets';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { FileChangeType, type Diagnostic } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { checkWorkspace, defaultFrontEnds, neverCancelled, type Severity } from '../../../core/src/index';
import { NodeFileSystem, toUri } from '../../../node/src/nodeFileSystem';
import type { LspTestClient } from '../../support/lspTestClient';
import type { Random } from './random';

/**
 * A random editing session against the language server, over a real LSP connection, on a copy of
 * examples/acme-saas: edits of open documents (incremental `didChange`), edits on disk and file
 * creations, deletions and renames (`workspace/didChangeWatchedFiles` after the disk changed), plan
 * edits (in the editor and on disk), nested plans appearing and disappearing, opening and closing.
 * Each operation waits until the server has applied it, so a seed replays the same session.
 */

const sourceExtensions = /\.(ts|tsx|js|jsx|mjs|cjs|vue|svelte|html)$/;
const planNames = /(^|\/)tracking-plan\.ya?ml$/;

/** Group type names as code writes them: the plan's, their usual typos, and ones no plan declares. */
const groupTypeLiterals = ["'company_id'", "'workspace_id'", "'team'", "'compnay_id'", "'company'", "'teams'", "'workspace'", "'org'", '`team`'];
const groupTypeNames = ['company_id', 'workspace_id', 'team', 'compnay_id', 'company', 'teams', 'workspace', 'org', 'Company_Id', 'department'];
const eventNames = ["'Report Exported'", "'Dashboard Shared'", "'Workspace Created'", "'Seat Added'", "'Seat Removed'", "'report exported'"];
const propertyNames = ["'plan'", "'seats'", "'Account Name'", "'csm_owner'", "'Weekly Active Users'", "'department'", "'member_count'", "'colour'"];
const values = ["'42'", "'acme'", '7', 'String(id)', "''", "['1', '2']", 'undefined'];

function browserCall(random: Random): string {
	const type = random.pick(groupTypeLiterals);
	const value = random.pick(values);
	return random.pick([
		`amplitude.setGroup(${type}, ${value});`,
		`amplitude.groupIdentify(${type}, ${value}, new amplitude.Identify().set(${random.pick(propertyNames)}, ${random.pick(values)}));`,
		`amplitude.track(${random.pick(eventNames)}, { format: 'csv' }, { groups: { [${type}]: ${value} } });`,
		`amplitude.track(${random.pick(eventNames)});`,
		`amplitude.track({ event_type: ${random.pick(eventNames)}, groups: { ${random.pick(groupTypeNames)}: ${value} } });`,
		`amplitude.setGroup(GroupTypes.${random.pick(['Company', 'Workspace', 'Team', 'Nope'])}, ${value});`,
		`amplitude.setGroup(COMPANY_GROUP, ${value});`,
		`amplitude.setGroup(someType, ${value});`,
		`analytics.group(${value}, { group_type: ${type}, ${random.pick(['group_value', 'name'])}: 'Acme' });`,
		`analytics.group(${value}, { group_type: ${type}, group_value: ${value}, name: 'Acme' });`,
	]);
}

function serverCall(random: Random): string {
	const type = random.pick(groupTypeLiterals);
	const user = random.pick(['{ user_id: actor }', '{}', '{ device_id: d }', '']);
	return random.pick([
		`amplitude.track(${random.pick(eventNames)}, { seats: 1 }, { ${user.slice(1, -1)} groups: { [${type}]: '1' } });`,
		`amplitude.groupIdentify(${type}, '1', new Identify().set(${random.pick(propertyNames)}, 3)${user ? `, ${user}` : ''});`,
		`amplitude.setGroup(${type}, '1', ${user || '{}'});`,
	]);
}

/** Text inserted at a random offset: mostly noise that breaks or shifts the code around it. */
const noise = [' ', '\n', '\n\n', '\t', '(', ')', '{', '}', '[', ']', "'", '"', '`', ';', ',', '.', 'x', '// ', '/*', '*/', '\r\n', 'await ', 'const ', '${', '<div>', 'amplitude.', 'setGroup', "'company_id'"];

interface OpenDocument {
	text: string;
	version: number;
	languageId: string;
}

export interface EditScenarioOptions {
	readonly folder: string;
	readonly client: LspTestClient;
	readonly random: Random;
	/**
	 * Which file-watcher events the client sends (all by default): a client that does not watch files,
	 * or a change from outside the editor, sends none of some. Told each file and change kind.
	 */
	readonly reports?: (file: string, type: FileChangeType) => boolean;
}

export class EditScenario {
	readonly open = new Map<string, OpenDocument>();
	/** One line per operation, in order (a failure prints the tail). */
	readonly log: string[] = [];
	private readonly originals = new Map<string, string>();
	private created = 0;
	private readonly folder: string;
	private readonly client: LspTestClient;
	private readonly random: Random;
	private readonly reports: (file: string, type: FileChangeType) => boolean;

	constructor(options: EditScenarioOptions) {
		this.reports = options.reports ?? (() => true);
		this.folder = options.folder;
		this.client = options.client;
		this.random = options.random;
		for (const file of this.filesOnDisk()) this.originals.set(file, this.read(file));
	}

	// ---- the operations

	/** Runs one random operation and waits until the server has applied it. */
	async step(): Promise<void> {
		const random = this.random;
		const operation = random.weighted<() => Promise<string>>([
			[30, () => this.editOpenSource()],
			[8, () => this.openFile()],
			[5, () => this.closeFile()],
			[10, () => this.editSourceOnDisk()],
			[7, () => this.createSource()],
			[5, () => this.deleteSource()],
			[2, () => this.renameSource()],
			[2, () => this.createImporterFirst()],
			[14, () => this.editPlanInEditor()],
			[8, () => this.editPlanOnDisk()],
			[3, () => this.toggleNestedPlan()],
			[3, () => this.saveAll()],
		]);
		this.log.push(await operation());
		await this.settled();
	}

	/** How many operations of each kind the session ran (the first words of each log line). */
	summary(): string {
		const kinds = new Map<string, number>();
		for (const line of this.log) {
			const kind = line.match(/^(edit open|edit on disk|open|close|create nested plan|delete nested plan|create|delete|rename|save all|[^:]*: nothing|[^:]*: every plan is open)/)?.[1] ?? line;
			const edited = /^(?:edit open|edit on disk) ([^:]+):/.exec(line)?.[1];
			const key = /nothing|every plan is open/.test(kind) ? 'no-op' : edited && planNames.test(edited) ? `${kind} (plan)` : kind;
			kinds.set(key, (kinds.get(key) ?? 0) + 1);
		}
		return [...kinds].map(([kind, n]) => `${kind} ${n}`).join(', ');
	}

	/** Waits until the server applied every update sent so far (a pull awaits the server's update queue). */
	async settled(): Promise<void> {
		await this.client.pull(toUri(path.join(this.folder, '.settled.ts')));
	}

	private async editOpenSource(): Promise<string> {
		const candidates = [...this.open.keys()].filter((file) => !planNames.test(file));
		if (candidates.length === 0 || this.random.chance(0.1)) return this.openFile(true);
		const file = this.random.pick(candidates);
		const document = this.open.get(file)!;
		const edit = this.random.chance(0.04) ? this.fullReplacement(file, document.text) : this.sourceEdit(file, document.text);
		await this.changeOpen(file, edit);
		return `edit open ${file}: ${edit.what}`;
	}

	private async editSourceOnDisk(): Promise<string> {
		const candidates = this.filesOnDisk().filter((file) => !planNames.test(file) && !this.open.has(file));
		if (candidates.length === 0) return this.createSource();
		const file = this.random.pick(candidates);
		const text = this.read(file);
		const edit = this.sourceEdit(file, text);
		this.write(file, apply(text, edit));
		await this.watched([[file, FileChangeType.Changed]]);
		return `edit on disk ${file}: ${edit.what}`;
	}

	private async openFile(sourceOnly = false): Promise<string> {
		const candidates = this.filesOnDisk().filter((file) => !this.open.has(file) && (!sourceOnly || !planNames.test(file)));
		if (candidates.length === 0) return 'open: nothing to open';
		const file = this.random.pick(candidates);
		const text = this.read(file);
		const languageId = planNames.test(file) ? 'yaml' : /\.tsx$/.test(file) ? 'typescriptreact' : /\.ts$/.test(file) ? 'typescript' : /\.py$/.test(file) ? 'python' : 'javascript';
		this.open.set(file, { text, version: 1, languageId });
		await this.client.open(this.uri(file), text, languageId, 1);
		return `open ${file}`;
	}

	private async closeFile(): Promise<string> {
		if (this.open.size === 0) return 'close: nothing open';
		const file = this.random.pick([...this.open.keys()]);
		// Sometimes the editor saves first; otherwise the unsaved edits are discarded, and the disk is the truth again.
		const save = this.random.chance(0.5) && existsSync(this.path(file));
		if (save) this.write(file, this.open.get(file)!.text);
		this.open.delete(file);
		await this.client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: this.uri(file) } });
		if (save) await this.watched([[file, FileChangeType.Changed]]);
		return `close ${file}${save ? ' (saved)' : ' (discarded)'}`;
	}

	private async saveAll(): Promise<string> {
		const saved = await this.saveOpenDocuments();
		return `save all (${saved.length})`;
	}

	/** Writes every open document's text to disk (as "save all" does) and tells the server. */
	async saveOpenDocuments(): Promise<string[]> {
		const saved = [...this.open.keys()].sort();
		const changes = saved.map((file) => [file, existsSync(this.path(file)) ? FileChangeType.Changed : FileChangeType.Created] as const);
		for (const file of saved) this.write(file, this.open.get(file)!.text);
		if (saved.length > 0) await this.watched(changes);
		return saved;
	}

	private async createSource(): Promise<string> {
		const random = this.random;
		const n = ++this.created;
		const folder = random.weighted<string>([
			[4, 'web/src/extra'],
			[3, 'api/src/extra'],
			[2, 'web/src/analytics'],
			[1, 'web/src/deep/er/still'],
			[1, 'scripts'],
			[1, 'web/node_modules/pkg'],
			[1, 'api/src/extra/dist'],
		]);
		const extension = random.weighted<string>([
			[6, '.ts'],
			[2, '.tsx'],
			[2, '.js'],
			[1, '.test.ts'],
			[1, '.vue'],
		]);
		const file = `${folder}/New${n}${extension}`;
		const text = this.newSourceText(file);
		this.write(file, text);
		if (random.chance(0.15)) {
			// Created in the editor: opened before the watcher reports it.
			this.open.set(file, { text, version: 1, languageId: 'typescript' });
			await this.client.open(this.uri(file), text, 'typescript', 1);
		}
		await this.watched([[file, FileChangeType.Created]]);
		return `create ${file}`;
	}

	/** A file that imports names from one that does not exist yet, then that file: the import must resolve once it appears. */
	private async createImporterFirst(): Promise<string> {
		const random = this.random;
		const folder = random.pick(['web/src/extra', 'api/src/extra', 'web/src/analytics']);
		const n = ++this.created;
		const exporter = `${folder}/Constants${n}.ts`;
		const importer = `${folder}/UsesConstants${n}.ts`;
		this.write(importer, [`import * as amplitude from '@amplitude/analytics-browser';`, `import { EXTRA_GROUP } from './Constants${n}';`, "amplitude.setGroup(EXTRA_GROUP, '1');", ''].join('\n'));
		await this.watched([[importer, FileChangeType.Created]]);
		await this.settled();
		this.write(exporter, `export const EXTRA_GROUP = ${random.pick(groupTypeLiterals)};\n`);
		await this.watched([[exporter, FileChangeType.Created]]);
		return `create ${importer}, then ${exporter}`;
	}

	private async deleteSource(): Promise<string> {
		const candidates = this.filesOnDisk().filter((file) => !planNames.test(file) && (!this.open.has(file) || this.random.chance(0.1)));
		if (candidates.length === 0) return 'delete: nothing to delete';
		const file = this.random.pick(candidates);
		rmSync(this.path(file));
		await this.watched([[file, FileChangeType.Deleted]]);
		return `delete ${file}${this.open.has(file) ? ' (open in the editor)' : ''}`;
	}

	private async renameSource(): Promise<string> {
		const candidates = this.filesOnDisk().filter((file) => !planNames.test(file) && !this.open.has(file));
		if (candidates.length === 0) return 'rename: nothing to rename';
		const file = this.random.pick(candidates);
		const target = `${path.posix.dirname(file)}/Renamed${++this.created}${path.posix.extname(file)}`;
		renameSync(this.path(file), this.path(target));
		await this.watched([
			[file, FileChangeType.Deleted],
			[target, FileChangeType.Created],
		]);
		return `rename ${file} -> ${target}`;
	}

	private async editPlanInEditor(): Promise<string> {
		const plans = [...this.open.keys()].filter((file) => planNames.test(file));
		if (plans.length === 0) {
			const onDisk = this.filesOnDisk().filter((file) => planNames.test(file));
			const file = onDisk.includes('tracking-plan.yaml') && this.random.chance(0.8) ? 'tracking-plan.yaml' : this.random.pick(onDisk);
			const text = this.read(file);
			this.open.set(file, { text, version: 1, languageId: 'yaml' });
			await this.client.open(this.uri(file), text, 'yaml', 1);
			return `open ${file}`;
		}
		const file = this.random.pick(plans);
		const document = this.open.get(file)!;
		const edit = this.planEdit(document.text);
		await this.changeOpen(file, edit);
		return `edit open ${file}: ${edit.what}`;
	}

	private async editPlanOnDisk(): Promise<string> {
		const plans = this.filesOnDisk().filter((file) => planNames.test(file) && !this.open.has(file));
		if (plans.length === 0) return 'edit plan on disk: every plan is open';
		const file = this.random.pick(plans);
		const text = this.read(file);
		const edit = this.planEdit(text);
		this.write(file, apply(text, edit));
		await this.watched([[file, FileChangeType.Changed]]);
		return `edit on disk ${file}: ${edit.what}`;
	}

	/** A plan in a sub-folder appears (it then governs that folder's files) or disappears. */
	private async toggleNestedPlan(): Promise<string> {
		const file = this.random.pick(['web/tracking-plan.yaml', 'api/src/tracking-plan.yml', 'web/src/extra/tracking-plan.yaml']);
		if (existsSync(this.path(file))) {
			if (this.open.has(file) && this.random.chance(0.5)) return this.closeFile();
			rmSync(this.path(file));
			await this.watched([[file, FileChangeType.Deleted]]);
			return `delete nested plan ${file}${this.open.has(file) ? ' (open in the editor)' : ''}`;
		}
		let text = this.originals.get('tracking-plan.yaml')!;
		for (let i = this.random.between(0, 3); i > 0; i--) text = apply(text, this.planEdit(text));
		this.write(file, text);
		await this.watched([[file, FileChangeType.Created]]);
		return `create nested plan ${file}`;
	}

	// ---- edits

	private sourceEdit(file: string, text: string): TextEdit {
		const random = this.random;
		const server = file.startsWith('api/');
		const kind = random.weighted<string>([
			[5, 'insert call'],
			[4, 'remove call'],
			[5, 'group type typo'],
			[4, 'noise'],
			[3, 'delete span'],
			[1, 'delete lines'],
			[1, 'duplicate lines'],
		]);
		switch (kind) {
			case 'insert call': {
				const at = lineStart(text, random.int(text.length + 1));
				const call = server ? serverCall(random) : browserCall(random);
				return { start: at, end: at, newText: `${call}\n`, what: `insert ${call}` };
			}
			case 'remove call': {
				const lines = matchingLines(text, /(setGroup|groupIdentify|track|logEvent|\.group)\(/);
				if (lines.length === 0) return this.sourceEdit(file, text);
				const line = random.pick(lines);
				return { ...line, newText: '', what: `remove line ${JSON.stringify(text.slice(line.start, line.end).trim().slice(0, 60))}` };
			}
			case 'group type typo': {
				const found = [...text.matchAll(/\b(company_id|workspace_id|team|compnay_id|company|teams|workspace|org|department)\b/g)];
				if (found.length === 0) return this.sourceEdit(file, text);
				const match = random.pick(found);
				const replacement = random.pick(groupTypeNames);
				return { start: match.index!, end: match.index! + match[0].length, newText: replacement, what: `${match[0]} -> ${replacement}` };
			}
			case 'noise': {
				const at = safeOffset(text, random.int(text.length + 1));
				const inserted = random.pick(noise);
				return { start: at, end: at, newText: inserted, what: `insert ${JSON.stringify(inserted)} at ${at}` };
			}
			case 'delete span': {
				const start = safeOffset(text, random.int(text.length + 1));
				const end = safeOffset(text, Math.min(text.length, start + random.between(1, random.chance(0.2) ? 300 : 25)));
				return { start, end, newText: '', what: `delete ${start}-${end}` };
			}
			case 'delete lines':
			case 'duplicate lines': {
				const start = lineStart(text, random.int(text.length + 1));
				let end = start;
				for (let i = random.between(1, 6); i > 0 && end < text.length; i--) end = lineEnd(text, end);
				if (kind === 'delete lines') return { start, end, newText: '', what: `delete lines ${start}-${end}` };
				return { start: end, end, newText: text.slice(start, end), what: `duplicate lines ${start}-${end}` };
			}
		}
		throw new Error(kind);
	}

	private fullReplacement(file: string, text: string): TextEdit {
		const original = this.originals.get(file);
		const newText = original !== undefined && this.random.chance(0.6) ? original : this.newSourceText(file);
		return { start: 0, end: text.length, newText, what: newText === original ? 'replace all: back to the original' : 'replace all: new content', full: true };
	}

	/** A new source file: calls (through the example's own modules or the SDK), constants others may import, or neither. */
	private newSourceText(file: string): string {
		const random = this.random;
		const dir = path.posix.dirname(file);
		const relative = (target: string) => {
			const r = path.posix.relative(dir, target);
			return r.startsWith('.') ? r : `./${r}`;
		};
		const lines: string[] = [];
		const kind = random.weighted<string>([
			[5, 'calls'],
			[2, 'constants'],
			[1, 'imports constants'],
			[1, 'nothing'],
		]);
		if (kind === 'constants') {
			lines.push(`export const EXTRA_GROUP = ${random.pick(groupTypeLiterals)};`, `export const Extra = { Type: ${random.pick(groupTypeLiterals)} } as const;`);
		} else if (kind === 'imports constants') {
			const others = this.filesOnDisk().filter((f) => /New\d+\.ts$/.test(f) && f !== file);
			const target = others.length > 0 ? random.pick(others).replace(/\.ts$/, '') : 'web/src/extra/New1';
			lines.push("import * as amplitude from '@amplitude/analytics-browser';", `import { EXTRA_GROUP, Extra } from '${relative(target)}';`);
			lines.push("amplitude.setGroup(EXTRA_GROUP, '1');", "amplitude.track('Report Exported', {}, { groups: { [Extra.Type]: '2' } });");
		} else if (kind === 'calls') {
			if (dir.startsWith('api')) {
				lines.push("import { Identify } from '@amplitude/analytics-node';", `import { amplitude } from '${relative('api/src/analytics/client')}';`);
				for (let i = random.between(1, 3); i > 0; i--) lines.push(serverCall(random));
			} else {
				lines.push("import * as amplitude from '@amplitude/analytics-browser';", `import { GroupTypes, COMPANY_GROUP } from '${relative('web/src/analytics/groups')}';`);
				// Segment calls map their traits through the plan's `segment` settings: plan edits of those must reach them.
				lines.push("import { AnalyticsBrowser } from '@segment/analytics-next';", "const analytics = AnalyticsBrowser.load({ writeKey: 'k' });");
				for (let i = random.between(1, 3); i > 0; i--) lines.push(browserCall(random));
			}
		} else {
			lines.push('export function formatSeats(n: number) {', '\treturn `${n} seats`;', '}');
		}
		const body = `${lines.join('\n')}\n`;
		return file.endsWith('.vue') ? `<template><div /></template>\n<script setup lang="ts">\n${body}</script>\n` : body;
	}

	private planEdit(text: string): TextEdit {
		const random = this.random;
		const kind = random.weighted<string>([
			[3, 'limit'],
			[3, 'add group type'],
			[2, 'remove group type'],
			[3, 'rename group type'],
			[2, 'level'],
			[3, 'sources'],
			[2, 'segment'],
			[2, 'event groups'],
			[2, 'property'],
			[2, 'break'],
			[1, 'restore'],
		]);
		const replaceMatch = (pattern: RegExp, make: (match: RegExpMatchArray) => string, what: string): TextEdit | undefined => {
			const found = [...text.matchAll(pattern)];
			if (found.length === 0) return undefined;
			const match = random.pick(found);
			const newText = make(match);
			return { start: match.index!, end: match.index! + match[0].length, newText, what: `${what}: ${JSON.stringify(match[0])} -> ${JSON.stringify(newText)}` };
		};
		let edit: TextEdit | undefined;
		switch (kind) {
			case 'limit':
				edit = replaceMatch(/(?<=\n {2}groupTypes: )\d+/g, () => String(random.between(1, 6)), 'group type limit');
				break;
			case 'add group type': {
				const at = text.search(/\ngroupTypes:[^\n]*\n/);
				if (at >= 0) {
					const offset = text.indexOf('\n', at + 1) + 1;
					const name = random.pick(groupTypeNames);
					const block = `  ${name}:\n    level: ${random.pick(['user', 'event', 'any'])}\n${random.chance(0.5) ? '    properties:\n      plan: { type: string }\n' : ''}`;
					edit = { start: offset, end: offset, newText: block, what: `add group type ${name}` };
				}
				break;
			}
			case 'remove group type': {
				const blocks = [...text.matchAll(/\n {2}[^\s#][^\n]*:\n(?: {4,}[^\n]*\n|\s*\n)*/g)];
				if (blocks.length > 0) {
					const block = random.pick(blocks);
					edit = { start: block.index! + 1, end: block.index! + block[0].length, newText: '', what: `remove block ${JSON.stringify(block[0].trim().split('\n')[0])}` };
				}
				break;
			}
			case 'rename group type':
				edit = replaceMatch(/(?<=\n {2})(company_id|workspace_id|team|compnay_id|company|teams|workspace|org|department|Company_Id)(?=:)/g, () => random.pick(groupTypeNames), 'rename');
				break;
			case 'level':
				edit = replaceMatch(/(?<=level: )\w+/g, () => random.pick(['user', 'event', 'any', 'users']), 'level');
				break;
			case 'sources':
				edit = replaceMatch(
					/(?<=\n {2})(include|exclude): \[[^\n]*\]/g,
					(m) =>
						m[0].startsWith('include')
							? `include: ${random.pick(['["web/**", "api/**"]', '["web/**"]', '["api/**"]', '["**/*"]', '["web/src/workspaces/**", "api/**"]', '[]'])}`
							: `exclude: ${random.pick(['["**/node_modules/**", "**/dist/**", "**/*.test.ts"]', '["**/seats.ts"]', '["web/src/extra/**", "**/*.test.ts"]', '["**/*.tsx"]', '[]'])}`,
					'sources',
				);
				break;
			case 'segment':
				edit = random.chance(0.5)
					? replaceMatch(/(?<=groupValueTrait: )\w+/g, (m) => (m[0] === 'name' ? 'group_value' : 'name'), 'segment value trait')
					: replaceMatch(/(?<=group(?:Type|Value)Trait: )\w+/g, () => random.pick(['group_type', 'group_value', 'name', 'type']), 'segment trait');
				break;
			case 'event groups':
				edit = replaceMatch(
					/(?<=\n {4}groups: )\[[^\n]*\]/g,
					() => `[${random.pick(['company_id', 'company_id, workspace_id', 'team', '', 'compnay_id', 'workspace_id, team'])}]`,
					'event groups',
				);
				break;
			case 'property': {
				const at = text.search(/\n {4}properties:\n/);
				if (at >= 0) {
					const offset = text.indexOf('\n', at + 1) + 1;
					const name = random.pick(['plan', 'seats', 'colour', 'department', 'Weekly Active Users', 'csm_owner']);
					edit = {
						start: offset,
						end: offset,
						newText: `      ${name}: { type: ${random.pick(['string', 'integer', 'number', 'boolean'])}${random.chance(0.3) ? ', dynamic: true' : ''} }\n`,
						what: `add property ${name}`,
					};
				}
				break;
			}
			case 'break': {
				const at = lineStart(text, random.int(text.length + 1));
				const inserted = random.pick(['\t', ': [', '  - x\n', '"unclosed\n', '&a ', '*missing\n', '{', 'groupTypes: 7\n', '---\n']);
				edit = { start: at, end: at, newText: inserted, what: `break the plan with ${JSON.stringify(inserted)} at ${at}` };
				break;
			}
			case 'restore':
				edit = { start: 0, end: text.length, newText: this.originals.get('tracking-plan.yaml')!, what: 'restore the original plan', full: true };
				break;
		}
		return edit ?? this.planEdit(text);
	}

	// ---- plumbing

	private async changeOpen(file: string, edit: TextEdit): Promise<void> {
		const document = this.open.get(file)!;
		const before = TextDocument.create(this.uri(file), document.languageId, document.version, document.text);
		document.text = apply(document.text, edit);
		document.version++;
		const contentChanges = edit.full ? [{ text: document.text }] : [{ range: { start: before.positionAt(edit.start), end: before.positionAt(edit.end) }, text: edit.newText }];
		await this.client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: this.uri(file), version: document.version }, contentChanges });
	}

	/** Tells the server about changes on disk, as a file watcher would (those `reports` lets through). */
	async watched(changes: readonly (readonly [string, FileChangeType])[]): Promise<void> {
		const reported = changes.filter(([file, type]) => this.reports(file, type));
		if (reported.length === 0) return;
		await this.client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: reported.map(([file, type]) => ({ uri: this.uri(file), type })) });
	}

	/** Every file below the folder (relative paths with `/`), node_modules included. */
	filesOnDisk(): string[] {
		return readdirSync(this.folder, { recursive: true, withFileTypes: true })
			.filter((entry) => entry.isFile())
			.map((entry) => path.relative(this.folder, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
			.filter((file) => sourceExtensions.test(file) || planNames.test(file))
			.sort();
	}

	uri(file: string): string {
		return toUri(this.path(file));
	}

	private path(file: string): string {
		return path.join(this.folder, ...file.split('/'));
	}

	private read(file: string): string {
		return readFileSync(this.path(file), 'utf8');
	}

	private write(file: string, text: string): void {
		mkdirSync(path.dirname(this.path(file)), { recursive: true });
		writeFileSync(this.path(file), text);
	}
}

interface TextEdit {
	readonly start: number;
	readonly end: number;
	readonly newText: string;
	readonly what: string;
	readonly full?: boolean;
}

function apply(text: string, edit: TextEdit): string {
	return text.slice(0, edit.start) + edit.newText + text.slice(edit.end);
}

/** Never between the \r and \n of a line break: an LSP position cannot name that offset. */
function safeOffset(text: string, offset: number): number {
	return offset > 0 && text[offset - 1] === '\r' && text[offset] === '\n' ? offset + 1 : offset;
}

function lineStart(text: string, offset: number): number {
	const at = text.lastIndexOf('\n', offset - 1);
	return at + 1;
}

function lineEnd(text: string, offset: number): number {
	const at = text.indexOf('\n', offset);
	return at < 0 ? text.length : at + 1;
}

function matchingLines(text: string, pattern: RegExp): { start: number; end: number }[] {
	const lines: { start: number; end: number }[] = [];
	let start = 0;
	while (start < text.length) {
		const end = lineEnd(text, start);
		if (pattern.test(text.slice(start, end))) lines.push({ start, end });
		start = end;
	}
	return lines;
}

// ---- comparing the server with a cold check

const severityNumbers: Record<Severity, number> = { error: 1, warning: 2, information: 3, hint: 4 };

/** A diagnostic as the comparison sees it: code, range, severity, message. */
function describeDiagnostic(d: Pick<Diagnostic, 'code' | 'range' | 'severity' | 'message'>): string {
	const { start, end } = d.range;
	return `${start.line + 1}:${start.character + 1}-${end.line + 1}:${end.character + 1} ${String(d.code)} (${d.severity}) ${d.message}`;
}

/** What the server reports for every file: pulled per document for open files, from `workspace/diagnostic` for the rest. */
export async function serverDiagnostics(client: LspTestClient, openUris: readonly string[]): Promise<Map<string, string[]>> {
	const byUri = new Map<string, string[]>();
	const report = await client.request<{ items: { uri: string; items: Diagnostic[] }[] }>('workspace/diagnostic', { previousResultIds: [] });
	for (const item of report.items) if (!openUris.includes(item.uri) && item.items.length > 0) byUri.set(item.uri, item.items.map(describeDiagnostic).sort());
	for (const uri of openUris) {
		const items = await client.pull(uri);
		if (items.length > 0) byUri.set(uri, items.map(describeDiagnostic).sort());
	}
	return byUri;
}

/** What a cold whole-workspace check (the CLI's) reports for the folder as it is on disk. */
export async function coldDiagnostics(folder: string): Promise<Map<string, string[]>> {
	const result = await checkWorkspace(new NodeFileSystem(), { roots: [toUri(folder)], frontEnds: defaultFrontEnds, wasmAssets: nodeWasmAssets() }, neverCancelled);
	const byUri = new Map<string, string[]>();
	for (const finding of result.findings) {
		const lines = result.lineIndexes.get(finding.uri)!;
		const line = describeDiagnostic({
			code: finding.code,
			severity: severityNumbers[finding.severity] as Diagnostic['severity'],
			message: finding.message,
			range: { start: lines.positionAt(finding.range.start), end: lines.positionAt(finding.range.end) },
		});
		byUri.set(finding.uri, [...(byUri.get(finding.uri) ?? []), line]);
	}
	for (const list of byUri.values()) list.sort();
	return byUri;
}

/** The differences, per file: `-` only in the cold check, `+` only in the server's answer. Empty when they agree. */
export function compareDiagnostics(cold: ReadonlyMap<string, string[]>, server: ReadonlyMap<string, string[]>, folderUri: string): string[] {
	const differences: string[] = [];
	for (const uri of [...new Set([...cold.keys(), ...server.keys()])].sort()) {
		const expected = cold.get(uri) ?? [];
		const actual = server.get(uri) ?? [];
		const missing = expected.filter((d) => !actual.includes(d));
		const extra = actual.filter((d) => !expected.includes(d));
		if (missing.length === 0 && extra.length === 0 && expected.length === actual.length) continue;
		const name = uri.startsWith(folderUri) ? uri.slice(folderUri.length + 1) : uri;
		differences.push(`${name}:`, ...missing.map((d) => `  - cold only:   ${d}`), ...extra.map((d) => `  + server only: ${d}`));
		if (missing.length === 0 && extra.length === 0) differences.push(`  (same diagnostics, different counts: cold ${expected.length}, server ${actual.length})`);
	}
	return differences;
}
