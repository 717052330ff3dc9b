import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { checkWorkspace, defaultFrontEnds, documentText, LineIndex, neverCancelled, type WorkspaceIndex } from '../../core/src/index';
import { NodeFileSystem, toPath, toUri } from '../../node/src/nodeFileSystem';
import { fixturesRoot, repoRoot } from '../support/paths';
import { checkEveryFix, checkRename, newTally, planData, renamableSymbols, type FixWorld } from './nothingLostSupport';

/**
 * Nothing lost, on the real fixtures: the call fixtures (every SDK, look-alikes, Ampli, Segment,
 * markup files) and the example workspace. Every quick fix of every finding of every file, and a
 * rename of every group type and group property of their plans, changes its files only where it
 * means to, byte for byte; after a rename, every file reports what it reported before.
 */

const workspaces = [
	{ name: 'test/fixtures/calls', folder: path.join(fixturesRoot, 'calls') },
	{ name: 'examples/acme-saas', folder: path.join(repoRoot, 'examples/acme-saas') },
];

interface Loaded extends FixWorld {
	readonly index: WorkspaceIndex;
	readonly planUri: string;
	/** Replaces files' texts in the index (and the world), e.g. with a rename's result; returns how to undo it. */
	readonly replace: (texts: ReadonlyMap<string, string>) => () => void;
}

async function load(folder: string): Promise<Loaded> {
	const result = await checkWorkspace(new NodeFileSystem(), { roots: [toUri(folder)], frontEnds: defaultFrontEnds }, neverCancelled);
	const index = result.index;
	const texts = new Map<string, string>();
	for (const uri of [...index.allPlans().map((p) => p.uri), ...index.sourceUris()]) texts.set(uri, documentText(readFileSync(toPath(uri), 'utf8')));
	const planUri = index.allPlans()[0]!.uri;
	const set = (uri: string, text: string) => {
		texts.set(uri, text);
		if (index.plan(uri)) index.setPlan(uri, text);
		else index.setSource(uri, text);
	};
	return {
		index,
		planUri,
		text: (uri) => texts.get(uri)!,
		planOf: (uri) => index.planFor(uri)?.uri ?? uri,
		replace: (replacements) => {
			const originals = new Map([...replacements.keys()].map((uri) => [uri, texts.get(uri)!]));
			for (const [uri, text] of replacements) set(uri, text);
			return () => {
				for (const [uri, text] of originals) set(uri, text);
			};
		},
	};
}

/** Every finding of the workspace as `file line code` (messages name symbols; a rename may change them). */
function findingLines(world: Loaded): string[] {
	const lines = new Map<string, LineIndex>();
	return world.index
		.allFindings({}, neverCancelled)
		.map((f) => {
			if (!lines.has(f.uri)) lines.set(f.uri, new LineIndex(world.text(f.uri)));
			return `${path.basename(toPath(f.uri))} ${lines.get(f.uri)!.positionAt(f.range.start).line} ${f.code}`;
		})
		.sort();
}

describe('nothing lost: quick fixes and renames on the call fixtures and the example', () => {
	for (const workspace of workspaces) {
		it(`${workspace.name}: every quick fix of every finding keeps every other byte and edits only the plan and its file`, async (t) => {
			const world = await load(workspace.folder);
			const tally = newTally();
			const files = [world.planUri, ...world.index.sourceUris()];
			for (const uri of files) checkEveryFix(world, uri, tally);
			t.diagnostic(`${files.length} files: ${tally.fixes} quick fixes applied, ${tally.editedFiles} edited files checked byte for byte`);
			assert.ok(tally.fixes >= (workspace.name === 'examples/acme-saas' ? 5 : 20), `only ${tally.fixes} fixes`);
		});

		it(`${workspace.name}: renaming every group type and property renames every use, and every file reports what it did`, async (t) => {
			const world = await load(workspace.folder);
			const tally = newTally();
			const before = findingLines(world);
			const plan = world.index.plan(world.planUri)!;
			for (const symbol of renamableSymbols(world.index, world.planUri)) {
				const groupType = plan.model.groupTypes.find((g) => symbol.label === g.name || symbol.label.startsWith(`${g.name}.`))!;
				const oldName = symbol.label === groupType.name ? groupType.name : symbol.label.slice(groupType.name.length + 1);
				// A name YAML must quote and JavaScript must escape in strings and quote as an object key. (No quotes: inside
				// an HTML attribute they are written as &quot; / &#39;, which the browser decodes but the scanner does not.)
				const newName = `${oldName} \\ v2`;
				const edited = await checkRename(world, world.planUri, symbol.offset, oldName, newName, tally);
				const renamedPlan = planData(edited.get(world.planUri)!) as { groupTypes: Record<string, unknown> };
				assert.ok(symbol.label === groupType.name ? newName in renamedPlan.groupTypes : true, `${symbol.label}: not renamed in the plan`);
				const undo = world.replace(edited);
				try {
					const after = findingLines(world);
					const lost = before.filter((line, i) => before.indexOf(line) === i && after.filter((l) => l === line).length !== before.filter((l) => l === line).length);
					const gained = after.filter((line, i) => after.indexOf(line) === i && !before.includes(line));
					assert.deepEqual({ lost, gained }, { lost: [], gained: [] }, `${workspace.name}: renaming ${symbol.label} to ${newName} changed what the files report`);
				} finally {
					undo();
				}
			}
			assert.deepEqual(findingLines(world), before);
			t.diagnostic(`${tally.renames} renames, ${tally.editedFiles} edited files checked byte for byte`);
		});
	}
});
