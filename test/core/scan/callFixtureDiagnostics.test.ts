import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import { checkWorkspace, codeRuleCodes, defaultFrontEnds, neverCancelled, type CheckResult, type Finding } from '../../../core/src/index';
import { NodeFileSystem, toPath, toUri } from '../../../node/src/nodeFileSystem';
import { nodeWasmAssets } from '../../../node/src/nodeWasmAssets';
import { fixtureSets } from './support/fixtureSets';
import { formatCodes, readDiagnosticExpectations } from './support/diagnosticExpectations';

/**
 * The real whole-workspace check (plan discovery, index, cross-file resolution, every rule) over the
 * call fixtures, governed by test/fixtures/calls/tracking-plan.yaml. Each annotated line states the
 * diagnostics that start on it (`diag=`, see support/diagnosticExpectations.ts); the annotations say
 * what the checker SHOULD report, so a line fails when the checker is wrong, not only when it changes.
 */
/** Code rules the JS fixtures must keep exercising (every code rule but the ones no call can trigger here). */
const notExercised = new Set(['group-property-limit', 'file-skipped']);

for (const set of fixtureSets) {
const callsRoot = set.root;
const planPath = path.join(callsRoot, 'tracking-plan.yaml');
const sourceFiles = readdirSync(callsRoot, { recursive: true, withFileTypes: true })
	.filter((entry) => entry.isFile() && defaultFrontEnds.some((frontEnd) => frontEnd.handles(toUri(path.join(entry.parentPath, entry.name)))))
	.map((entry) => path.join(entry.parentPath, entry.name))
	.sort();
const describeAll = (findings: readonly Finding[]): string[] => findings.map((finding) => `${path.relative(callsRoot, toPath(finding.uri))} ${finding.code}: ${finding.message}`);

describe(`call fixtures (${set.name}): the diagnostics of the whole-workspace check, line by line (diag=)`, () => {
	let result: CheckResult;
	const findingsByFile = new Map<string, Finding[]>();

	before(async () => {
		result = await checkWorkspace(new NodeFileSystem(), { roots: [toUri(callsRoot)], frontEnds: defaultFrontEnds, wasmAssets: nodeWasmAssets() }, neverCancelled);
		for (const finding of result.findings) {
			const file = toPath(finding.uri);
			findingsByFile.set(file, [...(findingsByFile.get(file) ?? []), finding]);
		}
	});

	it('the fixtures plan is the one plan, governs every fixture, and has no findings of its own', () => {
		assert.deepEqual(
			result.plans.map((plan) => toPath(plan.uri)),
			[planPath],
		);
		const ungoverned = sourceFiles.filter((file) => result.index.planFor(toUri(file))?.uri !== toUri(planPath));
		assert.deepEqual(ungoverned, []);
		assert.deepEqual(describeAll(findingsByFile.get(planPath) ?? []), []);
	});

	for (const file of sourceFiles) {
		const relative = path.relative(callsRoot, file);
		it(relative, () => {
			const text = readFileSync(file, 'utf8');
			const expectations = readDiagnosticExpectations(text, relative);
			const lines = result.index.lineIndex(toUri(file));
			const found = new Map<number, Finding[]>();
			for (const finding of findingsByFile.get(file) ?? []) {
				const line = lines.positionAt(finding.range.start).line;
				found.set(line, [...(found.get(line) ?? []), finding]);
			}
			const problems: string[] = [];
			for (const line of [...new Set([...expectations.keys(), ...found.keys()])].sort((a, b) => a - b)) {
				const where = `${relative}:${line + 1}`;
				const findings = found.get(line) ?? [];
				const expectation = expectations.get(line);
				if (!expectation) {
					for (const finding of findings) problems.push(`${where}:${lines.positionAt(finding.range.start).character + 1}: ${finding.code} on a line with no annotation: ${finding.message}`);
					continue;
				}
				const actual = formatCodes(findings.map((finding) => finding.code));
				const wanted = formatCodes(expectation.codes);
				if (actual === wanted) continue;
				const detail = findings.map((finding) => `\n    ${finding.code} at column ${lines.positionAt(finding.range.start).character + 1}: ${finding.message}`).join('');
				problems.push(`${where}: ${expectation.lookAlike ? 'look-alike (expect: none) has diagnostics' : `expected diag=${wanted}, found diag=${actual}`}${detail}`);
			}
			assert.deepEqual(problems, []);
		});
	}

	it('no diagnostic lands outside the fixture sources and the plan', () => {
		const known = new Set([planPath, ...sourceFiles]);
		const elsewhere = [...findingsByFile].filter(([file]) => !known.has(file)).flatMap(([, findings]) => describeAll(findings));
		assert.deepEqual(elsewhere, []);
	});

	it('the annotations exercise every code rule', { skip: set.frontEnd.language !== 'javascript' && 'the JavaScript fixtures exercise every rule; the others the rules their SDKs reach' }, () => {
		const expectedCodes = new Set<string>();
		for (const file of sourceFiles) {
			for (const expectation of readDiagnosticExpectations(readFileSync(file, 'utf8'), path.relative(callsRoot, file)).values()) {
				for (const code of expectation.codes) expectedCodes.add(code);
			}
		}
		const missing = codeRuleCodes.filter((code) => !notExercised.has(code) && !expectedCodes.has(code));
		assert.deepEqual(missing, []);
	});
});
}
