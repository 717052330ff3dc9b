import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { FileChangeType, type CodeAction, type Diagnostic, type WorkspaceEdit } from 'vscode-languageserver';
import {
	applyTextEdits,
	defaultFrontEnds,
	documentText,
	LineIndex,
	neverCancelled,
	occurrencesOf,
	quickFixes,
	rename,
	type DiagnosticRef,
	type FindingData,
	type PlanSymbol,
	type WorkspaceIndex,
	type WorkspaceTextEdits,
} from '../../core/src/index';
import { fromLspRange, toLspDiagnostic } from '../../server/src/convert';
import { applyWorkspaceEdit, type ClientFile } from '../support/applyWorkspaceEdit';
import { LspTestClient } from '../support/lspTestClient';
import { copyOfExample } from '../server/exampleWorkspace';
import { renamableSymbols } from './nothingLostSupport';
import { EditScenario } from './support/editScenario';
import { fuzzSettings } from './support/fuzzSettings';
import { Random } from './support/random';
import { assertAddedEntry, assertRenamedData, cleanPlan, coldIndex } from './support/staleDiskOracle';

/**
 * The stale-disk differential (issue 13): seeded random sessions on a copy of examples/acme-saas
 * (edits in the editor and on disk, files created, deleted and renamed, plan edits: EditScenario),
 * interleaved with quick fixes and renames over a real LSP connection, against a client WITH file
 * watching and one WITHOUT (its disk changes to plans and to files with calls are never reported:
 * `git checkout` under a client that does not watch; see `reports`). After each fix and rename, the server's
 * WorkspaceEdit is applied as a client would (an edit for a document version that is no longer
 * current is rejected) and must equal the intended change applied to the current text, computed
 * without the server: the core's quick fix / rename on a cold index of the files as they are now,
 * and, for the plan, yaml's Document API (the data is the old data plus the entry, or with the key
 * renamed). The edit is then applied to the workspace (sometimes after the user typed meanwhile:
 * then a versioned edit must be rejected), and the session goes on.
 *
 * `npm test`: TRACKPLAN_STALE_SESSIONS [4] sessions of TRACKPLAN_STALE_OPERATIONS [120] operations,
 * seeds seed, seed+1, … (TRACKPLAN_FUZZ_SEED; `npm run test:fuzz` runs 16 of 300). Even sessions
 * watch files, odd ones do not; each declares documentChanges or not at random. A failure names the
 * seed and the client, lists the session's operations and writes them to a log file.
 */
const operations = Number(process.env.TRACKPLAN_STALE_OPERATIONS ?? 120);
const sessions = Number(process.env.TRACKPLAN_STALE_SESSIONS ?? 4);

const planNames = /(^|\/)tracking-plan\.ya?ml$/;
const rootPlan = 'tracking-plan.yaml';

interface Tally {
	steps: number;
	unseen: number;
	fixRequests: number;
	/** Pulled diagnostics sent back that no current finding matches (stale): no fix may come of them. */
	stalePulled: number;
	fixesOffered: number;
	fixesApplied: number;
	renames: number;
	renamesApplied: number;
	refusals: number;
	unchanged: number;
	rejectedAsStale: number;
	notAppliedAfterTyping: number;
}

class StaleDiskSession {
	readonly log: string[] = [];
	readonly tally: Tally = { steps: 0, unseen: 0, fixRequests: 0, stalePulled: 0, fixesOffered: 0, fixesApplied: 0, renames: 0, renamesApplied: 0, refusals: 0, unchanged: 0, rejectedAsStale: 0, notAppliedAfterTyping: 0 };
	readonly scenario: EditScenario;
	/** Each file's text as the server last read it from disk (the no-watching client decides from it what goes unreported). */
	private readonly known = new Map<string, string>();
	private renamed = 0;
	/** The root plan's text when yaml last read it without an error (the random plan edits often break it). */
	private lastCleanPlan: string | undefined;

	constructor(
		private readonly folder: string,
		private readonly client: LspTestClient,
		private readonly random: Random,
		private readonly watching: boolean,
		private readonly versioned: boolean,
	) {
		this.scenario = new EditScenario({ folder, client, random, reports: (file, type) => this.reports(file, type) });
		for (const file of this.scenario.filesOnDisk()) this.known.set(file, this.read(file));
	}

	async step(): Promise<void> {
		const plan = this.clientFile(this.uri(rootPlan))?.text;
		const broken = plan !== undefined && !cleanPlan(plan);
		if (!broken) this.lastCleanPlan = plan;
		const kind = broken && this.random.chance(0.3) ? 'repair' : this.random.weighted<string>([
			[5, 'scenario'],
			[3, 'fix'],
			[3, 'rename'],
		]);
		if (kind === 'repair') {
			this.log.push(await this.repairPlan());
		} else if (kind === 'scenario') {
			await this.scenario.step();
			this.tally.steps++;
			this.log.push(this.scenario.log.at(-1)!);
		} else if (kind === 'fix') {
			this.log.push(await this.quickFix());
		} else {
			this.log.push(await this.rename());
		}
		await this.scenario.settled();
	}

	/**
	 * Without file watching, every change to a plan (edited, created, deleted) and every change to a file
	 * the server scanned (calls, or trigger words: edited, deleted) goes unreported. A source file
	 * appearing, and changes to files the server never scanned, are reported: the server brings up to
	 * date only the files it knows an edit can depend on, and the plans that could govern them (no
	 * rescan of the workspace per request), so a file it never saw cannot be in its edits.
	 */
	private reports(file: string, type: FileChangeType): boolean {
		if (!this.watching && (planNames.test(file) || type !== FileChangeType.Created)) {
			const was = this.known.get(file);
			const scanned = planNames.test(file) || (was !== undefined && defaultFrontEnds.some((f) => f.handles(this.uri(file)) && f.mayContainGroupCalls(was)));
			if (scanned) {
				this.tally.unseen++;
				return false;
			}
		}
		if (existsSync(this.path(file))) this.known.set(file, this.read(file));
		else this.known.delete(file);
		return true;
	}

	/** A plan broken by the random edits stays broken, and then nothing is fixed or renamed: back to its last clean text, in the editor or on disk. */
	private async repairPlan(): Promise<string> {
		const current = this.clientFile(this.uri(rootPlan))?.text;
		if (current === undefined || this.lastCleanPlan === undefined || current === this.lastCleanPlan) return 'repair the plan: nothing to repair';
		const document = this.scenario.open.get(rootPlan);
		if (document) {
			document.text = this.lastCleanPlan;
			document.version++;
			await this.client.change(this.uri(rootPlan), document.text, document.version);
			return 'repair the plan in the editor: its last clean text';
		}
		writeFileSync(this.path(rootPlan), this.lastCleanPlan);
		await this.scenario.watched([[rootPlan, FileChangeType.Changed]]);
		return 'repair the plan on disk: its last clean text';
	}

	// ---- quick fixes

	private async quickFix(): Promise<string> {
		let cold = await this.cold();
		// A file with something to fix, most of the time (opened if need be).
		const fixable = cold.sourceUris().filter((u) => /\.(ts|tsx)$/.test(u) && cold.findings(u, {}, neverCancelled).some((f) => f.data && f.data.rule !== 'file-skipped'));
		const file = fixable.length > 0 && this.random.chance(0.9) ? await this.openSource(this.file(this.random.pick(fixable))) : await this.openSource();
		if (!file) return 'fix: no source file to open';
		const uri = this.uri(file);
		cold = await this.cold();
		const text = this.scenario.open.get(file)!.text;
		const lines = new LineIndex(text);
		const current = cold.findings(uri, {}, neverCancelled).filter((f) => f.data);
		// The diagnostics the client sends back: the current ones, or (as a real client does) the ones it pulled
		// from the server, which may be stale after unreported disk changes; only those matching a current
		// finding (code and range) may be fixed, with the current finding's data.
		const pulled = this.random.chance(0.5);
		const diagnostics: Diagnostic[] = pulled ? (await this.client.pull(uri)).filter((d) => d.data) : current.map((f) => toLspDiagnostic(f, lines));
		if (diagnostics.length === 0) return `fix in ${file}: no finding with a fix`;
		const refs: DiagnosticRef[] = diagnostics.map((d) => {
			const range = fromLspRange(d.range, lines);
			const match = current.find((f) => f.code === d.code && f.range.start === range.start && f.range.end === range.end);
			return { code: String(d.code), range, ...(match ? { data: match.data } : {}) };
		});
		if (pulled) this.tally.stalePulled += refs.filter((r) => !r.data).length;
		this.tally.fixRequests++;
		const actions = await this.client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostics[0]!.range, context: { diagnostics } });
		const expected = quickFixes(cold, uri, text, refs, neverCancelled);
		const what = `fix in ${file} (${pulled ? 'pulled' : 'current'} diagnostics)`;
		assert.deepEqual(
			actions.map((a) => a.title),
			expected.map((f) => f.title),
			`${what}: the server offers other fixes than the current files call for`,
		);
		this.tally.fixesOffered += actions.length;
		if (actions.length === 0) return `${what}: none offered`;
		const pick = this.random.int(actions.length);
		const fix = expected[pick]!;
		const texts = this.checkEdit(actions[pick]!.edit!, fix.edits, `${what} "${fix.title}"`);
		const planUri = Object.keys(fix.edits).find((u) => planNames.test(u));
		const data = refs[fix.diagnostic]!.data!;
		const before = planUri ? this.currentText(planUri) : undefined;
		if (planUri && before !== undefined && cleanPlan(before)) {
			const added = addition(data, cold, planUri);
			if (added) assertAddedEntry(before, texts.get(planUri)!, added.path, added.value, `${what} "${fix.title}"`);
		}
		const outcome = await this.applyAsClient(actions[pick]!.edit!, texts);
		if (outcome === 'applied') this.tally.fixesApplied++;
		return `${what}: ${actions.length} offered, "${fix.title}" ${outcome}`;
	}

	// ---- renames

	private async rename(): Promise<string> {
		const cold = await this.cold();
		const planUri = this.uri(rootPlan);
		const plan = cold.plan(planUri);
		if (!plan) return 'rename: no plan';
		const symbols = renamableSymbols(cold, planUri);
		if (symbols.length === 0) return 'rename: nothing to rename';
		const chosen = this.random.pick(symbols);
		const groupType = plan.model.groupTypes.find((g) => g.range.start <= chosen.offset && (chosen.label === g.name || chosen.label.startsWith(`${g.name}.`)))!;
		const property = chosen.label === groupType.name ? undefined : chosen.label.slice(groupType.name.length + 1);
		const symbol: PlanSymbol = property === undefined ? { kind: 'groupType', name: groupType.name } : { kind: 'groupProperty', groupType: groupType.name, name: property };
		// From the plan (open or not), or from a use in an open source file.
		const uses = occurrencesOf(cold, plan, symbol).filter((o) => o.role === 'code' && this.scenario.open.has(this.file(o.uri)));
		const from = uses.length > 0 && this.random.chance(0.5) ? this.random.pick(uses) : { uri: planUri, range: { start: chosen.offset, end: chosen.offset } };
		const offset = from.range.start + (from.uri === planUri ? 0 : 1);
		const oldName = symbol.name;
		const siblings = property === undefined ? plan.model.groupTypes.map((g) => g.name) : groupType.properties.map((p) => p.name);
		const newName = this.random.weighted<string>([
			[6, `renamed_${++this.renamed}`],
			[1, `renamed ${this.renamed} it's`],
			[2, this.random.pick(siblings)],
			[1, ''],
			[1, 'two\nlines'],
		]);
		const what = `rename ${chosen.label} -> ${JSON.stringify(newName)} from ${this.file(from.uri)}`;
		const text = this.currentText(from.uri)!;
		const expected = await rename(cold, from.uri, offset, newName, async (u) => this.currentText(u), neverCancelled);
		this.tally.renames++;
		let edit: WorkspaceEdit | null;
		try {
			edit = await this.client.request<WorkspaceEdit | null>('textDocument/rename', { textDocument: { uri: from.uri }, position: new LineIndex(text).positionAt(offset), newName });
		} catch (error) {
			const message = (error as Error).message;
			assert.ok(expected && 'refusal' in expected, `${what}: the server refused ("${message}"), the current files allow it: ${JSON.stringify(expected)}`);
			assert.equal(message, expected.refusal.message, `${what}: refused for another reason`);
			this.tally.refusals++;
			return `${what}: refused (${expected.refusal.reason})`;
		}
		assert.ok(!(expected && 'refusal' in expected), `${what}: the server renamed, the current files call for a refusal: ${expected && 'refusal' in expected ? expected.refusal.message : ''}`);
		if (!expected || 'unchanged' in expected) {
			assert.equal(edit, null, `${what}: expected no edit`);
			this.tally.unchanged++;
			return `${what}: nothing to do`;
		}
		assert.ok(edit, `${what}: no edit, expected ${JSON.stringify(expected.edits)}`);
		const texts = this.checkEdit(edit, expected.edits, what);
		for (const [uri, list] of Object.entries(expected.edits)) {
			const before = this.currentText(uri)!;
			for (const e of list) {
				const replaced = before.slice(e.range.start, e.range.end);
				if (!planNames.test(uri)) assert.ok([oldName, `'${oldName}'`, `"${oldName}"`].includes(replaced), `${what}: ${this.file(uri)} replaces "${replaced}", not the name`);
			}
		}
		const planBefore = this.currentText(planUri)!;
		if (cleanPlan(planBefore)) assertRenamedData(planBefore, texts.get(planUri)!, { groupType: groupType.name, ...(property !== undefined ? { property } : {}) }, newName, what);
		const outcome = await this.applyAsClient(edit, texts);
		if (outcome === 'applied') this.tally.renamesApplied++;
		return `${what}: ${Object.keys(expected.edits).length} file(s), ${outcome}`;
	}

	// ---- applying edits as a client

	/** The server's edit applied to the client's files equals the expected edits applied to the current texts. Returns the new texts. */
	private checkEdit(edit: WorkspaceEdit, expected: WorkspaceTextEdits, what: string): Map<string, string> {
		assert.equal(edit.documentChanges !== undefined, this.versioned, `${what}: documentChanges ${this.versioned ? 'expected' : 'not declared by the client'}`);
		const applied = applyWorkspaceEdit(edit, (uri) => this.clientFile(uri));
		assert.ok('texts' in applied, `${what}: the client rejects the edit (${'rejected' in applied ? applied.rejected : ''})`);
		const want = new Map(Object.entries(expected).filter(([, list]) => list.length > 0).map(([uri, list]) => [uri, applyTextEdits(this.currentText(uri)!, list)]));
		assert.deepEqual([...applied.texts.keys()].sort(), [...want.keys()].sort(), `${what}: other files edited`);
		for (const [uri, text] of want) assert.equal(applied.texts.get(uri), text, `${what}: ${this.file(uri)} differs from the intended change to its current text`);
		return applied.texts;
	}

	/**
	 * Applies the edit to the workspace as a client does: open documents changed in the editor, other
	 * files written (and reported as the client reports). Sometimes the user types in an edited open
	 * document first: a versioned edit is then rejected, and a plain one is not applied.
	 */
	private async applyAsClient(edit: WorkspaceEdit, texts: Map<string, string>): Promise<string> {
		const openEdited = [...texts.keys()].map((uri) => this.file(uri)).filter((file) => this.scenario.open.has(file));
		if (openEdited.length > 0 && this.random.chance(0.15)) {
			const file = this.random.pick(openEdited);
			const document = this.scenario.open.get(file)!;
			document.text += '\n// typed meanwhile\n';
			document.version++;
			await this.client.change(this.uri(file), document.text, document.version);
			if (!this.versioned) {
				this.tally.notAppliedAfterTyping++;
				return 'not applied (the user typed meanwhile; plain changes carry no version)';
			}
			const applied = applyWorkspaceEdit(edit, (uri) => this.clientFile(uri));
			assert.ok('rejected' in applied, `an edit for ${file} at its old version was not rejected after the user typed`);
			this.tally.rejectedAsStale++;
			return `rejected as stale after typing in ${file}`;
		}
		const written: [string, FileChangeType][] = [];
		for (const [uri, text] of texts) {
			const file = this.file(uri);
			const document = this.scenario.open.get(file);
			if (document) {
				document.text = text;
				document.version++;
				await this.client.change(uri, text, document.version);
			} else {
				writeFileSync(this.path(file), text);
				written.push([file, FileChangeType.Changed]);
			}
		}
		if (written.length > 0) await this.scenario.watched(written);
		return 'applied';
	}

	private clientFile(uri: string): ClientFile | undefined {
		const open = this.scenario.open.get(this.file(uri));
		if (open) return { text: open.text, version: open.version };
		return existsSync(this.path(this.file(uri))) ? { text: documentText(this.read(this.file(uri))), version: null } : undefined;
	}

	// ---- helpers

	private async openSource(wanted?: string): Promise<string | undefined> {
		if (wanted !== undefined && (this.scenario.open.has(wanted) || !existsSync(this.path(wanted)))) return this.scenario.open.has(wanted) ? wanted : undefined;
		const open = [...this.scenario.open.keys()].filter((file) => !planNames.test(file));
		if (open.length > 0 && this.random.chance(0.8)) return this.random.pick(open);
		const candidates = this.scenario.filesOnDisk().filter((file) => !planNames.test(file) && !this.scenario.open.has(file) && /\.(ts|tsx)$/.test(file));
		if (candidates.length === 0) return open[0];
		const file = wanted ?? this.random.pick(candidates);
		const text = documentText(this.read(file));
		const languageId = file.endsWith('.tsx') ? 'typescriptreact' : 'typescript';
		this.scenario.open.set(file, { text, version: 1, languageId });
		await this.client.open(this.uri(file), text, languageId, 1);
		return file;
	}

	private cold(): Promise<WorkspaceIndex> {
		return coldIndex(this.folder, new Map([...this.scenario.open].map(([file, document]) => [this.uri(file), document.text])));
	}

	private currentText(uri: string): string | undefined {
		return this.clientFile(uri)?.text;
	}

	private uri(file: string): string {
		return this.scenario.uri(file);
	}

	private file(uri: string): string {
		const root = this.scenario.uri('');
		return decodeURIComponent(uri.slice(root.replace(/\/$/, '').length + 1));
	}

	private path(file: string): string {
		return path.join(this.folder, ...file.split('/'));
	}

	private read(file: string): string {
		return readFileSync(this.path(file), 'utf8');
	}
}

/** The entry a plan-editing fix adds, as the diagnostic's data says: its path in the plan and its value. */
function addition(data: FindingData, cold: WorkspaceIndex, planUri: string): { path: string[]; value: unknown } | undefined {
	switch (data.rule) {
		case 'undeclared-group-type':
			return { path: ['groupTypes', data.groupType], value: { level: data.usedAt } };
		case 'undeclared-group-property':
			return { path: ['groupTypes', data.groupType, 'properties', data.property], value: { type: data.valueType ?? 'string' } };
		case 'unknown-event': {
			const declared = new Set(cold.plan(planUri)?.model.groupTypes.map((g) => g.name));
			return { path: ['events', data.event], value: { groups: data.groupTypes.filter((g) => declared.has(g)) } };
		}
		default:
			return undefined;
	}
}

async function runSession(seed: number, watching: boolean, report: (line: string) => void): Promise<void> {
	const started = Date.now();
	const random = new Random(seed);
	const versioned = random.chance(0.5);
	const example = copyOfExample();
	const client = new LspTestClient({ folder: example.folder, watchFiles: watching, documentChanges: versioned });
	const session = new StaleDiskSession(example.folder, client, random, watching, versioned);
	const client_ = `${watching ? 'with' : 'without'} file watching, ${versioned ? 'documentChanges' : 'plain changes'}`;
	try {
		await client.initialize();
		await client.waitForInitialIndex();
		for (let i = 1; i <= operations; i++) {
			try {
				await session.step();
			} catch (error) {
				const logFile = path.join(example.folder, '..', `trackplan-stale-disk-${seed}.log`);
				writeFileSync(logFile, session.log.map((line, n) => `${n + 1}. ${line}`).join('\n'));
				throw new Error(
					[`Stale-disk differential: operation ${i} failed (seed ${seed}, client ${client_}; the session is in ${logFile}).`, (error as Error).message, 'Operations:', ...session.log.map((line, n) => `  ${n + 1}. ${line}`)].join('\n'),
				);
			}
		}
		const t = session.tally;
		assert.ok(t.fixesApplied + t.renamesApplied > 0, 'the session applied no edit at all');
		report(
			`seed ${seed} (${client_}): ${operations} operations in ${Date.now() - started} ms: ${t.steps} edits/file operations (${t.unseen} disk changes unreported), ` +
				`${t.fixRequests} code-action requests (${t.stalePulled} stale diagnostics sent, ${t.fixesOffered} fixes offered, ${t.fixesApplied} applied), ${t.renames} renames (${t.renamesApplied} applied, ${t.refusals} refused, ${t.unchanged} no-ops), ` +
				`${t.rejectedAsStale} edits rejected as stale after typing, ${t.notAppliedAfterTyping} not applied after typing`,
		);
	} finally {
		await client.dispose();
		rmSync(example.folder, { recursive: true, force: true });
	}
}

describe('stale-disk differential: every fix and rename equals the intended change to the files as they are now', () => {
	for (let session = 0; session < sessions; session++) {
		const seed = fuzzSettings.seed + session;
		const watching = session % 2 === 0;
		it(`${operations} random operations, client ${watching ? 'with' : 'without'} file watching (seed ${seed})`, async (t) => {
			await runSession(seed, watching, (line) => t.diagnostic(line));
		});
	}
});
