import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { isJavaScriptLike, scanJavaScriptFile } from '../../../core/src/scan/javascript/index';
import { isServerSideSdk, sdkIds, sdks, type SdkId } from '../../../core/src/scan/sdks';
import { fixturesRoot } from '../../support/paths';
import { readExpectations } from './support/fixtureExpectations';

const callsRoot = path.join(fixturesRoot, 'calls');

/** Every SDK id the call fixtures expect the JavaScript front end to report. */
function sdksExpectedByFixtures(): Set<string> {
	const found = new Set<string>();
	for (const entry of readdirSync(callsRoot, { recursive: true, withFileTypes: true })) {
		if (!entry.isFile() || !isJavaScriptLike(entry.name)) continue;
		for (const expectations of readExpectations(readFileSync(path.join(entry.parentPath, entry.name), 'utf8')).values()) {
			for (const expectation of expectations) if (expectation.sdk) found.add(expectation.sdk);
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
	it('holds exactly the SDKs the JavaScript front end reports in the call fixtures', () => {
		// (The Python SDKs come with the Python fixtures.)
		assert.deepEqual([...sdksExpectedByFixtures()].sort(), sdkIds.filter((sdk) => !sdk.endsWith('-python')).sort());
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
});
