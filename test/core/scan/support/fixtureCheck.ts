import type { CallFact, CandidateCallFact, FileFacts } from '../../../../core/src/scan/callFacts';
import { sdkFamily } from '../../../../core/src/scan/sdks';
import { LineIndex } from '../../../../core/src/text/lineIndex';
import { readExpectations, type CallExpectation } from './fixtureExpectations';
import { hasImportedName, observe, type ObservedCall } from './observedCalls';

const comparedKeys = ['types', 'props', 'event', 'resolved'] as const;
/** Checked only when the annotation gives them: Segment trait keys, and userIdentity (`user=present`). */
const optionalKeys = ['traits', 'user'] as const;

/**
 * Checks one scanned fixture against its annotations; returns what disagrees (empty: all good).
 * `per-file`: cross-file lines only need something for the index to resolve; `resolved`: the facts
 * went through an index (candidates settled into calls), so cross-file lines are checked in full.
 */
export function fixtureProblems(file: string, text: string, facts: FileFacts, mode: 'per-file' | 'resolved' = 'per-file'): { problems: string[]; annotated: { positive: number; lookAlike: number } } {
	const problems: string[] = [];
	if (facts.scanError) problems.push(`${file}: scan error ${facts.scanError}`);
	const lines = new LineIndex(text);
	const lineOf = (call: CallFact): number => lines.positionAt(call.range.start).line;
	const callsByLine = groupBy(facts.calls, lineOf);
	const candidatesByLine = groupBy(facts.candidateCalls, lineOf);
	const expectations = readExpectations(text);
	const annotated = { positive: 0, lookAlike: 0 };
	const allLines = new Set([...callsByLine.keys(), ...candidatesByLine.keys(), ...expectations.keys()]);
	for (const line of [...allLines].sort((a, b) => a - b)) {
		const where = `${file}:${line + 1}`;
		const expected = expectations.get(line) ?? [];
		const calls = callsByLine.get(line) ?? [];
		const candidates = candidatesByLine.get(line) ?? [];
		if (expected.some((e) => e.none)) {
			annotated.lookAlike++;
			if (calls.length > 0 || candidates.length > 0) problems.push(`${where}: look-alike reported as ${describeAll(calls, candidates)}`);
			continue;
		}
		annotated.positive += expected.length;
		if (expected.length === 0) {
			problems.push(`${where}: call without an expect: annotation: ${describeAll(calls, candidates)}`);
			continue;
		}
		const remainingCalls = [...calls];
		let candidatesUsed = false;
		for (const expectation of expected) {
			if (expectation.flags.has('cross-file') && mode === 'per-file') {
				const problem = checkCrossFile(expectation, remainingCalls, candidates);
				if (problem) problems.push(`${where}: ${problem}`);
				else candidatesUsed ||= candidates.length > 0;
				continue;
			}
			const call = remainingCalls.shift();
			if (!call) {
				problems.push(`${where}: expected a call (${expectation.source}), found none`);
				continue;
			}
			for (const mismatch of mismatches(expectation, observe(call))) problems.push(`${where}: ${mismatch}`);
		}
		for (const call of remainingCalls) problems.push(`${where}: unexpected extra call ${describe(observe(call))}`);
		if (candidates.length > 0 && !candidatesUsed) problems.push(`${where}: unexpected candidate call(s) ${candidates.map((c) => describe(observe(c))).join('; ')}`);
	}
	return { problems, annotated };
}

/**
 * A cross-file line is resolved by the workspace index; per file we check that the scanner leaves
 * it something to resolve: a candidate call of the right family and kind, or an in-file call of the
 * right SDK and kind with an imported name.
 */
function checkCrossFile(expectation: CallExpectation, remainingCalls: CallFact[], candidates: readonly CandidateCallFact[]): string | undefined {
	const inFile = remainingCalls.findIndex((call) => call.sdk === expectation.sdk && call.kind === expectation.kind && hasImportedName(call));
	if (inFile >= 0) {
		remainingCalls.splice(inFile, 1);
		return undefined;
	}
	const family = sdkFamily(expectation.sdk as CallFact['sdk']);
	if (candidates.some((candidate) => sdkFamily(candidate.sdk) === family && candidate.kind === expectation.kind)) return undefined;
	return `cross-file ${expectation.source}: no candidate call of that family and kind, nor an in-file call with an imported name (found ${describeAll(remainingCalls, candidates)})`;
}

function mismatches(expectation: CallExpectation, observed: ObservedCall): string[] {
	const found: string[] = [];
	if (expectation.sdk !== observed.sdk) found.push(`sdk: expected ${expectation.sdk}, found ${observed.sdk}`);
	if (expectation.kind !== observed.kind) found.push(`kind: expected ${expectation.kind}, found ${observed.kind}`);
	for (const key of comparedKeys) {
		const want = expectation.values.get(key);
		if (!want) {
			found.push(`annotation lacks ${key}=`);
			continue;
		}
		if (JSON.stringify(want) !== JSON.stringify(observed[key])) found.push(`${key}: expected ${format(want)}, found ${format(observed[key])}`);
	}
	for (const key of optionalKeys) {
		const want = expectation.values.get(key);
		if (want && JSON.stringify(want) !== JSON.stringify(observed[key])) found.push(`${key}: expected ${format(want)}, found ${format(observed[key])}`);
	}
	return found;
}

function format(list: readonly string[]): string {
	return list.length === 0 ? '-' : list.map((item) => (/[\s,"]/.test(item) ? JSON.stringify(item) : item)).join(',');
}

function describe(observed: ObservedCall): string {
	return `${observed.sdk} ${observed.kind} types=${format(observed.types)} props=${format(observed.props)} event=${format(observed.event)} resolved=${observed.resolved[0]}`;
}

function describeAll(calls: readonly CallFact[], candidates: readonly CandidateCallFact[]): string {
	const all = [...calls.map((c) => describe(observe(c))), ...candidates.map((c) => `candidate ${describe(observe(c))}`)];
	return all.length === 0 ? 'nothing' : all.join('; ');
}

function groupBy<T>(items: readonly T[], key: (item: T) => number): Map<number, T[]> {
	const map = new Map<number, T[]>();
	for (const item of items) {
		const k = key(item);
		const list = map.get(k) ?? [];
		list.push(item);
		map.set(k, list);
	}
	return map;
}
