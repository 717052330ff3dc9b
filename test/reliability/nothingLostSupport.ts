import * as assert from 'node:assert/strict';
import * as ts from 'typescript';
import { parseDocument } from 'yaml';
import {
	applyTextEdits,
	checkPlan,
	neverCancelled,
	parsePlan,
	quickFixes,
	rename,
	type Finding,
	type QuickFix,
	type TextEdit,
	type WorkspaceIndex,
	type WorkspaceTextEdits,
} from '../../core/src/index';

/**
 * The "nothing lost" checks: every quick fix and rename changes its files only inside the spans it
 * means to change (byte for byte), touches only the plan and the file the fix is for, and leaves a
 * plan that still parses, with no plan finding it did not have before.
 */

/** What a check covered, for the figures in docs/reliability.md. */
export interface Tally {
	fixes: number;
	renames: number;
	editedFiles: number;
}

export const newTally = (): Tally => ({ fixes: 0, renames: 0, editedFiles: 0 });

/**
 * Applies `edits` to `original`, asserting that they do not overlap and that, outside them, the
 * result is the original byte for byte: rebuilt from the original's pieces between the edits and
 * the new texts, independently of applyTextEdits.
 */
export function applyConfined(original: string, edits: readonly TextEdit[], what: string): string {
	const sorted = [...edits].sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
	let rebuilt = '';
	let at = 0;
	for (const edit of sorted) {
		assert.ok(edit.range.start >= at && edit.range.start <= edit.range.end && edit.range.end <= original.length, `${what}: edits overlap or leave the document: ${JSON.stringify(sorted.map((e) => e.range))}`);
		rebuilt += original.slice(at, edit.range.start) + edit.newText;
		at = edit.range.end;
	}
	rebuilt += original.slice(at);
	const result = applyTextEdits(original, edits);
	assert.equal(result, rebuilt, `${what}: the result differs from the original outside the edits`);
	return result;
}

/** A plan's findings as `code: message` lines (positions move with edits; what is reported must not change). */
export function planFindingKeys(uri: string, text: string): string[] {
	return checkPlan(parsePlan(uri, text), {}, neverCancelled)
		.map((f) => `${f.code}: ${f.message}`)
		.sort();
}

/** The plan as data (aliases expanded), read the way parsePlan reads it. */
export function planData(text: string): unknown {
	return parseDocument(text.replace(/\r(?!\n)/g, '\n'), { uniqueKeys: false }).toJS({ maxAliasCount: -1 });
}

/** `before` is contained in `after`: every key of every mapping still there with the same value, lists equal. */
export function assertContained(before: unknown, after: unknown, where: string): void {
	if (before !== null && typeof before === 'object' && !Array.isArray(before)) {
		assert.ok(after !== null && typeof after === 'object' && !Array.isArray(after), `${where} is no longer a mapping`);
		for (const [key, value] of Object.entries(before)) {
			assert.ok(Object.hasOwn(after as object, key), `${where}.${key} was lost`);
			assertContained(value, (after as Record<string, unknown>)[key], `${where}.${key}`);
		}
		return;
	}
	// An empty value (`team:`) may become a mapping when an entry is added under it.
	if (before === null && after !== null && typeof after === 'object') return;
	assert.deepEqual(after, before, where);
}

/** TypeScript's syntax errors in a source file (a fix must not add any). */
export function syntaxErrors(uri: string, text: string): string[] {
	const kind = uri.endsWith('.tsx') ? ts.ScriptKind.TSX : uri.endsWith('.ts') ? ts.ScriptKind.TS : uri.endsWith('.jsx') ? ts.ScriptKind.JSX : ts.ScriptKind.JS;
	if (!/\.(c|m)?(j|t)sx?$/.test(uri)) return [];
	const file = ts.createSourceFile('checked', text, ts.ScriptTarget.Latest, false, kind);
	return (file as unknown as { parseDiagnostics: { messageText: string | { messageText: string } }[] }).parseDiagnostics.map((d) => (typeof d.messageText === 'string' ? d.messageText : d.messageText.messageText));
}

export interface FixWorld {
	readonly index: WorkspaceIndex;
	/** Current text of every file the index knows (plans and sources). */
	readonly text: (uri: string) => string;
	/** The plan governing a file. */
	readonly planOf: (uri: string) => string;
}

/** The name a "Change to …" fix replaces, from the finding's data. */
function replacedName(finding: Finding, text: string): string | undefined {
	const data = finding.data;
	switch (data?.rule) {
		case 'undeclared-group-type':
			return data.groupType;
		case 'undeclared-group-property':
			return data.property;
		case 'unknown-group-reference':
			return data.name;
		case 'plan-schema':
			return text.slice(finding.range.start, finding.range.end);
		default:
			return undefined;
	}
}

/**
 * Every quick fix of every finding of `uri`: applied to a copy, each must (1) edit only the plan and
 * `uri`, (2) change nothing outside its edits, (3) be the change it says — a pure insertion for
 * additions, the misspelt name itself for "Change to" — and (4) leave a plan that parses with no new
 * plan findings (and a source without new syntax errors).
 */
export function checkEveryFix(world: FixWorld, uri: string, tally: Tally): void {
	const text = world.text(uri);
	const findings = world.index.findings(uri, {}, neverCancelled);
	const fixes = quickFixes(world.index, uri, text, findings, neverCancelled);
	for (const fix of fixes) checkFix(world, uri, findings[fix.diagnostic]!, fix, tally);
}

export function checkFix(world: FixWorld, uri: string, finding: Finding, fix: QuickFix, tally: Tally): void {
	const what = `${uri}: "${fix.title}" (for ${finding.code} at ${finding.range.start})`;
	const planUri = world.planOf(uri);
	const touched = Object.keys(fix.edits);
	assert.ok(touched.length > 0, `${what}: no edits`);
	assert.deepEqual(
		touched.filter((target) => target !== uri && target !== planUri),
		[],
		`${what}: edits files other than the plan and the file the fix is for`,
	);
	tally.fixes++;
	for (const [target, edits] of Object.entries(fix.edits)) {
		tally.editedFiles++;
		const before = world.text(target);
		const after = applyConfined(before, edits, what);
		const isAddition = fix.title.startsWith('Add ');
		if (isAddition) {
			for (const edit of edits) assert.equal(edit.range.start, edit.range.end, `${what}: an addition replaces text`);
			for (const edit of edits) assert.equal(after.slice(0, edit.range.start) + after.slice(edit.range.start + edit.newText.length), before, `${what}: the result minus the insertion is not the original`);
		} else {
			const name = replacedName(finding, world.text(uri));
			assert.equal(edits.length, 1, `${what}: one replacement`);
			assert.equal(before.slice(edits[0]!.range.start, edits[0]!.range.end), name, `${what}: replaces more (or other) than the misspelt name`);
		}
		if (target === planUri) {
			const was = new Set(planFindingKeys(planUri, before));
			const now = planFindingKeys(planUri, after);
			assert.deepEqual(
				now.filter((key) => !was.has(key)),
				[],
				`${what}: new plan findings after the fix:\n${after}`,
			);
			if (isAddition) {
				assertContained(planData(before), planData(after), `${what}: plan`);
				// And it adds something: an entry written into a comment would keep every byte and add nothing.
				assert.notDeepEqual(planData(after), planData(before), `${what}: the plan reads the same after the addition:\n${after}`);
			}
		} else {
			assert.deepEqual(syntaxErrors(target, after), syntaxErrors(target, before), `${what}: new syntax errors`);
		}
	}
}

/** Every group type and group property a plan declares, with the offset of its declaration. */
export function renamableSymbols(index: WorkspaceIndex, planUri: string): { label: string; offset: number }[] {
	const plan = index.plan(planUri)!;
	const symbols: { label: string; offset: number }[] = [];
	for (const groupType of plan.model.groupTypes) {
		symbols.push({ label: groupType.name, offset: groupType.range.start });
		for (const property of groupType.properties) symbols.push({ label: `${groupType.name}.${property.name}`, offset: property.range.start });
	}
	return symbols;
}

/**
 * Renames the plan symbol declared at `offset` to `newName`: the edits touch only the plan and files
 * the index knows, each replaces exactly an occurrence of the old name (plain or quoted), and the
 * plan still parses with the same findings. Returns the edited texts by URI.
 */
export async function checkRename(world: FixWorld, planUri: string, offset: number, oldName: string, newName: string, tally: Tally): Promise<Map<string, string>> {
	const what = `rename "${oldName}" → "${newName}" in ${planUri}`;
	const result = await rename(world.index, planUri, offset, newName, async (uri) => world.text(uri), neverCancelled);
	assert.ok(result && 'edits' in result, `${what}: no rename (${JSON.stringify(result)})`);
	const edits: WorkspaceTextEdits = result.edits;
	assert.ok((edits[planUri] ?? []).length > 0, `${what}: the declaration is not renamed`);
	tally.renames++;
	const known = new Set([...world.index.sourceUris(), ...world.index.allPlans().map((p) => p.uri)]);
	const results = new Map<string, string>();
	for (const [uri, list] of Object.entries(edits)) {
		assert.ok(known.has(uri), `${what}: edits a file the workspace does not hold: ${uri}`);
		tally.editedFiles++;
		const before = world.text(uri);
		for (const edit of list) {
			const replaced = before.slice(edit.range.start, edit.range.end);
			assert.ok([oldName, `'${oldName}'`, `"${oldName}"`, JSON.stringify(oldName)].includes(replaced), `${what}: ${uri} replaces "${replaced}", not the name`);
		}
		results.set(uri, applyConfined(before, list, `${what}: ${uri}`));
	}
	// The same findings, by rule (their messages name the renamed symbol, and "did you mean" may change with it).
	const plan = results.get(planUri)!;
	const codes = (text: string) => planFindingKeys(planUri, text).map((key) => key.slice(0, key.indexOf(':')));
	assert.deepEqual(codes(plan), codes(world.text(planUri)), `${what}: the plan's findings changed:\n${plan}`);
	return results;
}
