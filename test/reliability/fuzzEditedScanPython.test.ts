import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import * as fc from 'fast-check';
import { pythonFrontEnd } from '../../core/src/scan/python/index';
import { type EditedPython, pythonGrammar, scanPythonTree } from '../../core/src/scan/python/scanPythonFile';
import { toUri } from '../../node/src/nodeFileSystem';
import { nodeWasmAssets } from '../../node/src/nodeWasmAssets';
import { repoRoot } from '../support/paths';
import { runFuzzTarget } from './support/fuzzSettings';
import { sourceFixtures } from './support/sourceInputs';

/**
 * The Python front end's edit path (tree-sitter `tree.edit` + incremental re-parse from the previous
 * version's tree) must never be seen: after every edit of a sequence — typing, deleting, pasting
 * calls, opening strings, triple quotes, f-strings, brackets and blocks — the facts scanned from the
 * previous state are exactly those of a fresh scan of the text. The JavaScript front end's is
 * fuzzEditedScan.test.ts; `npm run test:fuzz` runs both with many more inputs.
 */
function hasSyntaxError(text: string): boolean {
	const tree = pythonGrammar.parser().parse(text)!;
	try {
		return tree.rootNode.hasError;
	} finally {
		tree.delete();
	}
}

const moduleFixtures = [
	{
		uri: 'file:///fuzz/app/analytics.py',
		text: [
			'"""Analytics helpers."""',
			'from enum import Enum',
			'',
			'from amplitude import Amplitude, BaseEvent, EventOptions, Identify',
			'',
			'client = Amplitude("key")',
			'COMPANY = "company_id"',
			'',
			'',
			'class Group(str, Enum):',
			'    WORKSPACE = "workspace_id"',
			'',
			'',
			'@router.post("/seats")',
			'def seats(org_id: int, user_id: str, seats: int) -> dict:',
			'    client.set_group(COMPANY, str(org_id), EventOptions(user_id=user_id))',
			'    client.group_identify(Group.WORKSPACE.value, "w1", Identify().set("seats", seats), EventOptions(user_id=user_id))',
			'    event = BaseEvent("Seat Added", user_id, groups={"company_id": f"{org_id}"})',
			'    event["groups"] = {"team": "t"}',
			'    client.track(event)',
			'    return {"ok": True, "label": f"{org_id}: {seats:>4}"}',
			'',
		].join('\n'),
	},
];
/** The Python call fixtures (test/fixtures/python: a FastAPI service, a worker, Segment, Ampli, look-alikes). */
function pythonCallFixtures(): { uri: string; text: string }[] {
	const folder = path.join(repoRoot, 'test/fixtures/python');
	return readdirSync(folder, { recursive: true, encoding: 'utf8' })
		.filter((file) => file.endsWith('.py'))
		.sort()
		.map((file) => ({ uri: toUri(path.join(folder, file)), text: readFileSync(path.join(folder, file), 'utf8') }));
}
const fixtures = () => [...moduleFixtures, ...pythonCallFixtures(), ...sourceFixtures().filter((fixture) => fixture.uri.endsWith('.py'))];

interface TextEdit {
	readonly at: number;
	readonly deleteCount: number;
	readonly insert: string;
}

const snippets = [
	'"""', "'''", '"', "'", 'f"{', '}', '(', ')', '[', ']', '{', ':', '#', '\\\n', '\n', '\n    ', '\t', '\r\n', '\r', ',', '=',
	'client.set_group("team", x, EventOptions(user_id="u"))\n',
	'groups={"company_id": c}, ',
	'\nCOMPANY = "company_id"\n',
	'\nfrom amplitude import Amplitude, EventOptions\n',
	'\nclass C:\n    X = "team"\n',
	'\ndef f():\n',
	'Identify().set("plan", "pro")',
	'lambda: ',
];
const textEdit: fc.Arbitrary<TextEdit> = fc.record({
	at: fc.nat({ max: 1_000_000 }),
	deleteCount: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 300 })),
	insert: fc.oneof({ arbitrary: fc.constantFrom(...snippets), weight: 4 }, { arbitrary: fc.string({ maxLength: 4 }), weight: 1 }, { arbitrary: fc.constant(''), weight: 1 }),
});

function applyEdit(text: string, edit: TextEdit): string {
	const at = edit.at % (text.length + 1);
	return text.slice(0, at) + edit.insert + text.slice(at + edit.deleteCount);
}

/**
 * After each edit: the facts equal those of a full copy of the re-parsed tree (what the copy took
 * over from the previous version and what the analysis remembered change nothing), and, when the
 * text has no syntax error, those of a fresh scan. With a syntax error, tree-sitter's incremental
 * re-parse may recover from it differently than a fresh parse does (its error recovery starts from
 * the previous tree: seen on reports.py with two `'''` typed far apart), so only the first holds.
 */
function checkEdits(fixture: { uri: string; text: string }, edits: readonly TextEdit[]): void {
	const scanEdited = pythonFrontEnd.scanEdited!;
	let text = fixture.text;
	let state = scanEdited(fixture.uri, text, undefined).state;
	try {
		edits.forEach((edit, step) => {
			text = applyEdit(text, edit);
			const edited = scanEdited(fixture.uri, text, state);
			state = edited.state;
			const where = `after edit ${step + 1} of ${fixture.uri}: ${JSON.stringify(edit)}`;
			const tree = (state as EditedPython | undefined)?.tree;
			if (tree) assert.deepEqual(edited.facts, scanPythonTree(fixture.uri, text, tree), `${where} (the re-parsed tree read whole)`);
			if (!hasSyntaxError(text)) assert.deepEqual(edited.facts, pythonFrontEnd.scan(fixture.uri, text), `${where} (a fresh scan)`);
			else assert.equal(edited.facts.scanError, pythonFrontEnd.scan(fixture.uri, text).scanError, where);
		});
	} finally {
		pythonFrontEnd.disposeState?.(state);
	}
}

describe('fuzzing: scanning an edited Python file from its previous state gives the facts of a fresh scan', () => {
	before(() => pythonFrontEnd.prepare!(nodeWasmAssets()));

	it('every Python fixture, typed into character by character at a call and deleted again', () => {
		const all = fixtures();
		assert.ok(all.length >= 20, `${all.length} Python fixtures`);
		for (const fixture of all) {
			const at = Math.max(0, fixture.text.search(/set_group|group_identify|track\(|groups/));
			const typed = '"compny", """';
			const edits: TextEdit[] = [];
			for (let i = 0; i < typed.length; i++) edits.push({ at: at + i, deleteCount: 0, insert: typed[i]! });
			for (let i = typed.length - 1; i >= 0; i--) edits.push({ at: at + i, deleteCount: 1, insert: '' });
			checkEdits(fixture, edits);
		}
	});

	it('random edit sequences on the Python fixtures', (t) => {
		const all = fixtures();
		const input = fc.record({ fixture: fc.integer({ min: 0, max: all.length - 1 }), edits: fc.array(textEdit, { minLength: 1, maxLength: 12 }) });
		runFuzzTarget('Python edit sequences (incremental vs fresh scan)', input, ({ fixture, edits }) => checkEdits(all[fixture]!, edits), 150, (line) => t.diagnostic(line));
	});

	it('a state is used once: passing it again gives a fresh, correct scan', () => {
		const fixture = moduleFixtures[0]!;
		const first = pythonFrontEnd.scanEdited!(fixture.uri, fixture.text, undefined);
		const edited = `${fixture.text}\n# edited\n`;
		const second = pythonFrontEnd.scanEdited!(fixture.uri, edited, first.state);
		const again = `${fixture.text}\nx = 1\n`;
		const third = pythonFrontEnd.scanEdited!(fixture.uri, again, first.state);
		assert.deepEqual(third.facts, pythonFrontEnd.scan(fixture.uri, again));
		pythonFrontEnd.disposeState?.(second.state);
		pythonFrontEnd.disposeState?.(third.state);
	});
});
