import * as assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { javaScriptFrontEnd } from '../../core/src/scan/javascript/index';
import { codeRules } from '../../core/src/rules/code/codeRules';
import type { CodeRule } from '../../core/src/rules/codeRule';
import { NodeFileSystem, toUri } from '../../node/src/nodeFileSystem';
import { LspTestClient } from '../support/lspTestClient';
import { tempWorkspace, trackplanWith } from './hostileInputsSupport';

/**
 * Fault isolation where users meet it (test/core/workspaceIndex/faultIsolation.test.ts covers the
 * index itself): a rule that throws on one file, and the front end throwing on another, injected into
 * the real CLI and the real language server (in this process, so the patched modules are theirs).
 * The fault is logged with its stack, every other finding is still reported, the CLI exits 1 (an
 * incomplete check must not pass), and the server keeps answering.
 */

const sdk = "import * as amplitude from '@amplitude/analytics-browser';";
const workspace = tempWorkspace({
	'tracking-plan.yaml': 'groupTypes:\n  company: { level: user }\n',
	'src/ruleFault.ts': `${sdk}\namplitude.setGroup('compnay', '1');\namplitude.track('Unknown Event', {}, { groups: { company: '1' } });\n`,
	'src/scanFault.ts': `${sdk}\namplitude.setGroup('compnay', '1');\n`,
	'src/healthy.ts': `${sdk}\namplitude.setGroup('compnay', '1');\n`,
});
after(() => workspace.remove());

/** Makes the `unknown-event` rule throw on src/ruleFault.ts and the JavaScript front end throw on src/scanFault.ts; returns the undo. */
function injectFaults(): () => void {
	const rule = codeRules.find((r) => r.codes.includes('unknown-event')) as { check: CodeRule['check'] };
	const frontEnd = javaScriptFrontEnd as { scan: typeof javaScriptFrontEnd.scan; scanEdited: typeof javaScriptFrontEnd.scanEdited };
	const check = rule.check;
	const scan = frontEnd.scan;
	const scanEdited = frontEnd.scanEdited!;
	rule.check = function (context) {
		if (context.uri.endsWith('/ruleFault.ts')) throw new Error('injected fault in a rule');
		return check.call(this, context);
	};
	frontEnd.scan = function (uri, text) {
		if (uri.endsWith('/scanFault.ts')) throw new RangeError('injected fault in the front end');
		return scan.call(this, uri, text);
	};
	// (A file scanned again — opened, edited — goes through the front end's edit path.)
	frontEnd.scanEdited = function (uri, text, previous) {
		if (uri.endsWith('/scanFault.ts')) throw new RangeError('injected fault in the front end');
		return scanEdited.call(this, uri, text, previous);
	};
	return () => {
		rule.check = check;
		frontEnd.scan = scan;
		frontEnd.scanEdited = scanEdited;
	};
}

describe('an injected fault, through the CLI and the language server', () => {
	let undo: (() => void) | undefined;
	afterEach(() => undo?.());

	it('the CLI prints each fault with its stack, reports every other finding, and exits 1', async (t) => {
		const clean = await trackplanWith(new NodeFileSystem(), workspace.root, ['check', '.', '--format', 'json']);
		const codes = (stdout: string) => (JSON.parse(stdout) as { diagnostics: { file: string; code: string }[] }).diagnostics.map((d) => `${d.file} ${d.code}`).sort();
		undo = injectFaults();
		const faulty = await trackplanWith(new NodeFileSystem(), workspace.root, ['check', '.', '--format', 'json']);
		assert.equal(faulty.code, 1);
		assert.match(faulty.stderr, /internal error in rule unknown-event on file:\/\/.*\/src\/ruleFault\.ts; its findings are missing[^\n]*\nError: injected fault in a rule\n\s+at /);
		assert.match(faulty.stderr, /internal error in javascript front end on file:\/\/.*\/src\/scanFault\.ts[^\n]*\nRangeError: injected fault in the front end\n\s+at /);
		// Exactly what the faults cost: the rule's finding on that file, and the file the front end failed on.
		const lost = codes(clean.stdout).filter((line) => !codes(faulty.stdout).includes(line));
		assert.deepEqual(lost, ['src/ruleFault.ts unknown-event', 'src/scanFault.ts undeclared-group-type']);
		assert.ok(codes(faulty.stdout).includes('src/healthy.ts undeclared-group-type'));
		assert.ok(codes(faulty.stdout).includes('src/ruleFault.ts undeclared-group-type'));
		t.diagnostic(`CLI: 2 faults injected, ${codes(faulty.stdout).length} of ${codes(clean.stdout).length} findings still reported, exit ${faulty.code}`);
	});

	describe('the language server', () => {
		const client = new LspTestClient({ folder: workspace.root });
		const uri = (relative: string) => toUri(workspace.path(relative));
		before(async () => {
			undo = injectFaults();
			await client.initialize();
			await client.waitForInitialIndex();
		});
		after(() => client.dispose());

		it('logs each fault with its stack, reports the other findings, and keeps answering', async (t) => {
			const codes = async (relative: string) => (await client.pull(uri(relative))).map((d) => String(d.code)).sort();
			assert.deepEqual(await codes('src/healthy.ts'), ['undeclared-group-type']);
			// Without the fault: also unknown-event (the CLI test above shows the difference is exactly that).
			assert.deepEqual(await codes('src/ruleFault.ts'), ['level-mismatch', 'undeclared-group-type']);
			assert.deepEqual(await codes('src/scanFault.ts'), []);
			const errors = client.logs.filter((line) => line.includes('internal error'));
			assert.ok(errors.some((line) => /rule unknown-event on .*ruleFault\.ts; its findings are missing\. Error: injected fault in a rule\n\s+at /.test(line)), errors.join('\n'));
			assert.ok(errors.some((line) => /javascript front end on .*scanFault\.ts; its findings are missing\. RangeError: injected fault in the front end\n\s+at /.test(line)), errors.join('\n'));
			// Still serving: an edit of the faulty file is scanned (and fails again, contained), the others answer.
			await client.open(uri('src/scanFault.ts'), `${sdk}\namplitude.setGroup('compnay', '2');\n`);
			assert.deepEqual(await codes('src/scanFault.ts'), []);
			assert.ok(await client.request('textDocument/hover', { textDocument: { uri: uri('tracking-plan.yaml') }, position: { line: 1, character: 4 } }));
			t.diagnostic(`server: 2 faults injected, ${errors.length} internal errors logged with their stacks; the server kept answering`);
		});
	});
});
