import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import { pythonFrontEnd } from '../../core/src/scan/python/index';
import { nodeWasmAssets } from '../../node/src/nodeWasmAssets';
import { repoRoot } from '../support/paths';

interface Snippet {
	readonly prefix: string | string[];
	readonly body: string[];
	readonly description: string;
}

const snippets = JSON.parse(readFileSync(path.join(repoRoot, 'snippets/python.json'), 'utf8')) as Record<string, Snippet>;

/** A snippet as inserted when every placeholder keeps its default: `${1:x}` → x, a mirror `$1` → the same, `${3}` → nothing; tabs as four spaces. */
function expandedSnippet(snippet: Snippet): string {
	const defaults = new Map<string, string>();
	const body = snippet.body.join('\n').replace(/\$\{(\d+):([^}]*)\}/g, (_, n: string, value: string) => {
		defaults.set(n, value);
		return value;
	});
	return body
		.replace(/\$\{(\d+)\}/g, '')
		.replace(/\$(\d+)/g, (_, n: string) => defaults.get(n) ?? '')
		.replace(/\t/g, '    ');
}

/** Python's own verdict on each source (undefined when it parses), or undefined overall when no python3 is installed. */
function pythonSyntaxErrors(sources: readonly string[]): (string | null)[] | undefined {
	const program = 'import ast, json, sys\nout = []\nfor s in json.loads(sys.stdin.read()):\n    try:\n        ast.parse(s); out.append(None)\n    except SyntaxError as e:\n        out.append(str(e))\nprint(json.dumps(out))';
	const run = spawnSync('python3', ['-c', program], { input: JSON.stringify(sources), encoding: 'utf8' });
	if (run.error) return undefined;
	assert.equal(run.status, 0, run.stderr);
	return JSON.parse(run.stdout) as (string | null)[];
}

describe('the Python snippets', () => {
	it('cover set_group, group_identify with an Identify, BaseEvent with groups, and Segment group and track', () => {
		const bodies = Object.values(snippets).map((s) => s.body.join('\n'));
		for (const call of ['.set_group(', '.group_identify(', 'Identify()', 'groups={', 'analytics.group(', 'integrations={']) {
			assert.ok(bodies.some((body) => body.includes(call)), call);
		}
	});

	/** What the Python front end reads from a snippet inserted into a module that imports the SDKs: each call's sdk, kind, group types and properties. */
	function recognised(name: string): unknown[] {
		const header = 'from amplitude import Amplitude, BaseEvent, EventOptions, Identify\nimport segment.analytics as analytics\nclient = Amplitude("API_KEY")\n';
		const facts = pythonFrontEnd.scan('file:///w/app/snippet.py', header + expandedSnippet(snippets[name]!));
		return facts.calls.map((call) => [call.sdk, call.kind, call.groups.map((g) => (g.type.kind === 'resolved' ? g.type.name : '?')), call.properties.map((p) => (p.name.kind === 'resolved' ? p.name.name : '?'))]);
	}
	before(() => pythonFrontEnd.prepare!(nodeWasmAssets()));

	it('are read by the Python front end as the calls they stand for', () => {
		assert.deepEqual(recognised('Amplitude (Python): user-level group (set_group)'), [['amplitude-python', 'user-level-group', ['company_id'], []]]);
		assert.deepEqual(recognised('Amplitude (Python): group identify with properties'), [['amplitude-python', 'group-identify', ['company_id'], ['Account Name', 'plan']]]);
		assert.deepEqual(recognised('Amplitude (Python): BaseEvent with event-level groups'), [['amplitude-python', 'event-level-groups', ['company_id'], []]]);
		assert.deepEqual(recognised('Segment (Python): group with Amplitude traits').map((call) => (call as unknown[]).slice(0, 2)), [['segment-python', 'segment-group']]);
		assert.deepEqual(recognised('Segment (Python): track with Amplitude groups').map((call) => (call as unknown[]).slice(0, 3)), [['segment-python', 'event-level-groups', ['company_id']]]);
	});

	it('are valid Python as inserted, placeholders at their defaults', (t) => {
		const sources = Object.values(snippets).map(expandedSnippet);
		const errors = pythonSyntaxErrors(sources);
		if (!errors) return t.skip('python3 is not installed');
		assert.deepEqual(
			errors.map((error, i) => error && `${Object.keys(snippets)[i]}: ${error}\n${sources[i]}`),
			sources.map(() => null),
		);
	});
});
