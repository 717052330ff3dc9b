import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as fc from 'fast-check';
import { javaScriptFrontEnd } from '../../core/src/scan/javascript/index';
import { runFuzzTarget } from './support/fuzzSettings';
import { callTokens, disruptiveTokens, sourceFixtures } from './support/sourceInputs';

/**
 * The front end's edit path (issue 6: a keystroke re-parses and re-walks only what it changed) is
 * an optimisation and must never be seen: after every edit of a sequence — typing, deleting,
 * pasting calls, opening comments, strings and templates that swallow the rest of the file — the
 * facts scanned from the previous version's state are exactly those of a fresh scan of the text.
 */
const fixtures = sourceFixtures();
const scanEdited = javaScriptFrontEnd.scanEdited!;

interface TextEdit {
	readonly at: number;
	readonly deleteCount: number;
	readonly insert: string;
}

const snippets = [
	...disruptiveTokens,
	...callTokens,
	"amplitude.setGroup('team', id);\n",
	"\nconst TEAM = 'team';\n",
	"\nimport * as amplitude from '@amplitude/analytics-browser';\n",
	'\nfunction f() {\n',
	'\n}\n',
	'groups: { company: id }, ',
];
const textEdit: fc.Arbitrary<TextEdit> = fc.record({
	at: fc.nat({ max: 1_000_000 }),
	deleteCount: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 400 })),
	insert: fc.oneof({ arbitrary: fc.constantFrom(...snippets), weight: 4 }, { arbitrary: fc.string({ maxLength: 4 }), weight: 1 }, { arbitrary: fc.constant(''), weight: 1 }),
});

function applyEdit(text: string, edit: TextEdit): string {
	const at = edit.at % (text.length + 1);
	return text.slice(0, at) + edit.insert + text.slice(at + edit.deleteCount);
}

/** Edits one fixture step by step, checking each version's incremental facts against a fresh scan. */
function checkEdits(fixture: { uri: string; text: string }, edits: readonly TextEdit[]): void {
	let text = fixture.text;
	let state = scanEdited(fixture.uri, text, undefined).state;
	edits.forEach((edit, step) => {
		text = applyEdit(text, edit);
		const edited = scanEdited(fixture.uri, text, state);
		assert.deepEqual(edited.facts, javaScriptFrontEnd.scan(fixture.uri, text), `after edit ${step + 1} of ${fixture.uri}`);
		state = edited.state;
	});
}

describe('fuzzing: scanning an edited file from its previous state gives the facts of a fresh scan', () => {
	it(`every fixture, typed into character by character at a call and deleted again (${fixtures.length} files)`, () => {
		for (const fixture of fixtures) {
			const at = Math.max(0, fixture.text.search(/setGroup|track|groupIdentify|group\(/));
			const typed = "'compny'";
			const edits: TextEdit[] = [];
			for (let i = 0; i < typed.length; i++) edits.push({ at: at + i, deleteCount: 0, insert: typed[i]! });
			for (let i = typed.length - 1; i >= 0; i--) edits.push({ at: at + i, deleteCount: 1, insert: '' });
			checkEdits(fixture, edits);
		}
	});

	it('random edit sequences on the fixture sources', (t) => {
		const input = fc.record({ fixture: fc.integer({ min: 0, max: fixtures.length - 1 }), edits: fc.array(textEdit, { minLength: 1, maxLength: 12 }) });
		runFuzzTarget('edit sequences (incremental vs fresh scan)', input, ({ fixture, edits }) => checkEdits(fixtures[fixture]!, edits), 150, (line) => t.diagnostic(line));
	});

	it('a statement the parser moves out of another statement is walked again, with its scopes', () => {
		// Found by the long fuzz run (seed 20260707, input 5330): after `${` nested the functions of this
		// fixture in a block, and a later edit made them top-level again, a function kept the scopes of its
		// nested walk (and the findings of an older version), so its calls resolved through a stale block.
		const fixture = fixtures.find((candidate) => candidate.uri.endsWith('/calls/ampli-app/server/amplitude.ts'))!;
		checkEdits(fixture, [
			{ at: 1859, deleteCount: 0, insert: 'logEvent' },
			{ at: 0, deleteCount: 2, insert: 'window' },
			{ at: 37948, deleteCount: 1, insert: '${' },
			{ at: 59348, deleteCount: 3, insert: '' },
			{ at: 676854, deleteCount: 1, insert: "\nimport * as amplitude from '@amplitude/analytics-browser';\n" },
		]);
	});

	it('a state is used once: passing it again gives a fresh, correct scan', () => {
		const fixture = fixtures.find((candidate) => candidate.text.includes('setGroup'))!;
		const first = scanEdited(fixture.uri, fixture.text, undefined);
		const edited = `${fixture.text}\n// edited\n`;
		scanEdited(fixture.uri, edited, first.state);
		const again = `${fixture.text}\nconst x = 1;\n`;
		assert.deepEqual(scanEdited(fixture.uri, again, first.state).facts, javaScriptFrontEnd.scan(fixture.uri, again));
	});
});
