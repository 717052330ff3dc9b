import * as assert from 'node:assert/strict';
import { parseDocument } from 'yaml';
import { checkWorkspace, defaultFrontEnds, documentText, neverCancelled, type WorkspaceFileSystem, type WorkspaceIndex } from '../../../core/src/index';
import { NodeFileSystem, toUri } from '../../../node/src/nodeFileSystem';

/**
 * The stale-disk differential's oracle: what the edits should be, computed without the language
 * server, from the files as the client holds them now (open documents' text, else the disk).
 */

/**
 * The workspace as the user sees it now: the disk, with each open document's text in its place; an
 * open document deleted on disk (not saved yet) is still there, as it is for the language server.
 */
function currentFiles(openTexts: ReadonlyMap<string, string>): WorkspaceFileSystem {
	const disk = new NodeFileSystem();
	return {
		stat: async (uri) => (openTexts.has(uri) ? { type: 'file', size: openTexts.get(uri)!.length } : disk.stat(uri)),
		readDirectory: async (uri) => {
			const entries = [...(await disk.readDirectory(uri))];
			for (const open of openTexts.keys()) {
				const name = open.slice(uri.length + 1);
				if (open.startsWith(`${uri}/`) && !name.includes('/') && !entries.some(([entry]) => entry === name)) entries.push([name, 'file']);
			}
			return entries;
		},
		readFile: async (uri) => openTexts.get(uri) ?? disk.readFile(uri),
		readTextUpTo: async (uri, maxBytes) => {
			const open = openTexts.get(uri);
			return open !== undefined ? { text: open } : disk.readTextUpTo(uri, maxBytes);
		},
	};
}

/** A cold index of the workspace as it is now (as the CLI would read it, with the editors' unsaved text). */
export async function coldIndex(folder: string, openTexts: ReadonlyMap<string, string>): Promise<WorkspaceIndex> {
	const result = await checkWorkspace(currentFiles(openTexts), { roots: [toUri(folder)], frontEnds: defaultFrontEnds }, neverCancelled);
	return result.index;
}

/** A plan that yaml reads without any error or duplicate key: only then is its data a fair expectation. */
export function cleanPlan(text: string): boolean {
	return parseDocument(documentText(text), { uniqueKeys: true }).errors.length === 0;
}

/**
 * yaml's Document API's view of an addition: the plan's data after the fix equals the data before with
 * the entry set at `path` (the parents created when missing), and nothing else.
 */
export function assertAddedEntry(before: string, after: string, path: readonly string[], value: unknown, what: string): void {
	const expected = parseDocument(before);
	expected.setIn(path, expected.createNode(value));
	assert.deepEqual(parseDocument(after).toJS(), expected.toJS(), `${what}: the plan's data is not the old data plus the entry:\n${after}`);
}

/**
 * yaml's Document API's view of a rename: the plan's data after it equals the data before with the
 * key renamed in place (and a group type's references in events, a property's displayProperty).
 */
export function assertRenamedData(before: string, after: string, target: { groupType: string; property?: string }, newName: string, what: string): void {
	const data = parseDocument(before).toJS() as { groupTypes?: Record<string, Record<string, unknown>>; events?: Record<string, { groups?: unknown[] }> };
	const renameKey = (record: Record<string, unknown>, from: string, to: string) => {
		const entries = Object.entries(record).map(([key, value]) => [key === from ? to : key, value] as const);
		for (const key of Object.keys(record)) delete record[key];
		for (const [key, value] of entries) record[key] = value;
	};
	const groupTypes = data.groupTypes ?? {};
	if (target.property === undefined) {
		renameKey(groupTypes, target.groupType, newName);
		for (const event of Object.values(data.events ?? {})) if (Array.isArray(event?.groups)) event.groups = event.groups.map((g) => (g === target.groupType ? newName : g));
	} else {
		const entry = groupTypes[target.groupType]!;
		renameKey(entry.properties as Record<string, unknown>, target.property, newName);
		if (entry.displayProperty === target.property) entry.displayProperty = newName;
	}
	assert.deepEqual(parseDocument(after).toJS(), data, `${what}: the plan's data is not the old data with the key renamed:\n${after}`);
}
