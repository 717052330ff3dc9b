import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import type { FileFacts } from '../../../../core/src/scan/callFacts';
import { javaScriptFrontEnd } from '../../../../core/src/scan/javascript/index';
import { pythonFrontEnd } from '../../../../core/src/scan/python/index';
import type { SourceFrontEnd } from '../../../../core/src/scan/sourceFrontEnd';
import { nodeWasmAssets } from '../../../../node/src/nodeWasmAssets';
import { fixturesRoot } from '../../../support/paths';

/**
 * A folder of annotated call fixtures for one front end (see test/fixtures/calls/README.md; the
 * annotation is the same after the language's comment marker: `// expect: …`, `# expect: …`), with
 * its own tracking-plan.yaml. The call-fixture tests run over each set.
 */
export interface FixtureSet {
	readonly name: string;
	readonly root: string;
	readonly frontEnd: SourceFrontEnd;
	/** Fixture minimum: annotated call sites (positive + look-alike) the set must keep. */
	readonly minimumAnnotated: number;
}

export const fixtureSets: readonly FixtureSet[] = [
	{ name: 'JavaScript/TypeScript', root: path.join(fixturesRoot, 'calls'), frontEnd: javaScriptFrontEnd, minimumAnnotated: 80 },
	{ name: 'Python', root: path.join(fixturesRoot, 'python'), frontEnd: pythonFrontEnd, minimumAnnotated: 40 },
];

/** The set's source files (those its front end reads), sorted. */
export function fixtureFiles(set: FixtureSet): string[] {
	return readdirSync(set.root, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile() && set.frontEnd.handles(`file://${path.join(entry.parentPath, entry.name)}`))
		.map((entry) => path.join(entry.parentPath, entry.name))
		.sort();
}

const prepared = new Map<SourceFrontEnd, Promise<void>>();

/** Prepares a front end once per test process, from the npm packages' WebAssembly (as the hosts do from dist/wasm). */
export function prepareFrontEnd(frontEnd: SourceFrontEnd): Promise<void> {
	let ready = prepared.get(frontEnd);
	if (!ready) {
		ready = frontEnd.prepare ? frontEnd.prepare(nodeWasmAssets()) : Promise.resolve();
		prepared.set(frontEnd, ready);
	}
	return ready;
}

export function scanFixture(set: FixtureSet, file: string, text: string): FileFacts {
	return set.frontEnd.scan(`file://${file}`, text);
}
