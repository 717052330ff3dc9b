import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { cliPath, repoRoot } from '../support/paths';
import { trackplan, trackplanInProcess } from './support/runTrackplan';

// The bundles carry TypeScript's parser without its language service (scripts/typescriptParserOnly.mjs
// disables the service's load-time code). Whatever the parser needed from what was cut would show
// here: the bundled CLI must find exactly what the same code finds in-process with the whole of
// TypeScript, over every call shape the fixtures hold.
describe('the bundled CLI (TypeScript parser only) against the in-process core (whole TypeScript)', () => {
	for (const folder of ['test/fixtures/calls', 'examples/acme-saas']) {
		it(`finds the same calls and diagnostics in ${folder}`, async () => {
			const args = ['check', folder, '--format', 'json'];
			const bundled = trackplan(args);
			const inProcess = await trackplanInProcess(args);
			assert.equal(bundled.stderr, inProcess.stderr);
			assert.equal(bundled.code, inProcess.code);
			const output = JSON.parse(bundled.stdout) as { calls: unknown[]; diagnostics: unknown[] };
			assert.ok(output.calls.length > 10, `${folder}: ${output.calls.length} calls`);
			assert.deepEqual(output, JSON.parse(inProcess.stdout));
		});
	}

	it('leaves the type checker and the language service out of the bundle', () => {
		const bundle = readFileSync(cliPath, 'utf8');
		assert.ok(bundle.includes('function createSourceFile('), 'the parser is in');
		for (const absent of ['function createTypeChecker(', 'function createLanguageService(', 'function createProgram(']) assert.ok(!bundle.includes(absent), `${absent} is not`);
		assert.ok(bundle.length < 4_000_000, `dist/cli.js is ${bundle.length} bytes`);
		assert.equal(path.relative(repoRoot, cliPath), path.join('dist', 'cli.js'));
	});
});
