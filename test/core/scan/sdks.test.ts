import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { scanJavaScriptFile } from '../../../core/src/scan/javascript/index';
import { pythonFrontEnd } from '../../../core/src/scan/python/index';
import { isServerSideSdk, sdkIds, sdks, type SdkId } from '../../../core/src/scan/sdks';
import { readExpectations } from './support/fixtureExpectations';
import { fixtureFiles, fixtureSets, prepareFrontEnd } from './support/fixtureSets';

/** Every SDK id the call fixtures of every front end expect it to report. */
function sdksExpectedByFixtures(): Set<string> {
	const found = new Set<string>();
	for (const set of fixtureSets) {
		for (const file of fixtureFiles(set)) {
			for (const expectations of readExpectations(readFileSync(file, 'utf8')).values()) {
				for (const expectation of expectations) if (expectation.sdk) found.add(expectation.sdk);
			}
		}
	}
	return found;
}

/** npm packages and the SDK each belongs to (test data: the front end's own map is private). */
const packageSdks: readonly (readonly [string, SdkId])[] = [
	['@amplitude/analytics-browser', 'amplitude-browser'],
	['@amplitude/analytics-node', 'amplitude-node'],
	['@amplitude/analytics-react-native', 'amplitude-react-native'],
	['@amplitude/unified', 'amplitude-unified'],
	['@amplitude/marketing-analytics-browser', 'amplitude-marketing-browser'],
	['amplitude-js', 'amplitude-js'],
	['@amplitude/react-native', 'amplitude-react-native-legacy'],
	['@amplitude/node', 'amplitude-node-legacy'],
	['@segment/analytics-next', 'segment-browser'],
	['@segment/analytics-node', 'segment-node'],
	['analytics-node', 'segment-node'],
];

describe('the SDK table (core/src/scan/sdks.ts)', () => {
	it('holds exactly the SDKs the front ends report in their call fixtures', () => {
		assert.deepEqual([...sdksExpectedByFixtures()].sort(), [...sdkIds].sort());
	});

	it('keeps the ids of the CLI JSON contract (calls[].sdk)', () => {
		assert.deepEqual(sdkIds, [
			'amplitude-browser',
			'amplitude-node',
			'amplitude-react-native',
			'amplitude-unified',
			'amplitude-marketing-browser',
			'amplitude-js',
			'amplitude-react-native-legacy',
			'amplitude-node-legacy',
			'ampli',
			'segment-browser',
			'segment-node',
			'http-api',
			'amplitude-python',
			'segment-python',
		]);
	});

	it('says which SDKs are server-side and which are Segment', () => {
		assert.deepEqual(sdkIds.filter(isServerSideSdk), ['amplitude-node', 'amplitude-node-legacy', 'segment-node', 'amplitude-python', 'segment-python']);
		assert.deepEqual(
			sdkIds.filter((sdk) => sdks[sdk].family === 'segment'),
			['segment-browser', 'segment-node', 'segment-python'],
		);
	});

	it('decides whether importing a package makes a file server-side', () => {
		for (const [specifier, sdk] of packageSdks) {
			const facts = scanJavaScriptFile('file:///w/a.ts', `import x from '${specifier}';\nx.track('E');\n`);
			assert.equal(facts.serverSide === true, isServerSideSdk(sdk), specifier);
		}
		// A subpath of a package counts as the package.
		assert.equal(scanJavaScriptFile('file:///w/a.ts', "import x from '@amplitude/analytics-node/lib/esm';\n").serverSide, true);
		assert.equal(scanJavaScriptFile('file:///w/a.ts', "import x from '@amplitude/identify';\n").serverSide, undefined);
	});

	it('decides whether importing a Python package makes a file server-side', async () => {
		await prepareFrontEnd(pythonFrontEnd);
		for (const source of ['import amplitude', 'from amplitude import Amplitude', 'import segment.analytics as analytics', 'from segment.analytics import Client']) {
			assert.equal(pythonFrontEnd.scan('file:///w/a.py', `${source}\n`).serverSide, true, source);
		}
		assert.equal(pythonFrontEnd.scan('file:///w/a.py', 'import posthog\nimport requests\n').serverSide, undefined);
	});
});
