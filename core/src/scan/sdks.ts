/**
 * The one table of facts about the SDKs a call can go through, for every language front end.
 * Front ends map their own package or module names to these ids (for JS/TS:
 * `javascript/sdkModules.ts`); the rules and the workspace index read only this table.
 */

/** Which kind of API an SDK is: calls settle only into an SDK of the same Segment-or-not side. */
export type SdkFamily = 'ampli' | 'amplitude' | 'segment' | 'http';

export interface SdkFacts {
	/** Human name, for docs and messages. */
	readonly name: string;
	readonly family: SdkFamily;
	/** Server-side SDKs must put a user id or device id on every call (there is no browser session to take it from). */
	readonly serverSide: boolean;
}

/** Keyed by SDK id. The ids are stable: they appear in the CLI's JSON (`calls[].sdk`). */
export const sdks = {
	'amplitude-browser': { name: 'Amplitude Browser SDK (also the script loader)', family: 'amplitude', serverSide: false },
	'amplitude-node': { name: 'Amplitude Node.js SDK', family: 'amplitude', serverSide: true },
	'amplitude-react-native': { name: 'Amplitude React Native SDK', family: 'amplitude', serverSide: false },
	'amplitude-unified': { name: 'Amplitude Unified SDK', family: 'amplitude', serverSide: false },
	'amplitude-marketing-browser': { name: 'Amplitude Marketing Analytics Browser SDK', family: 'amplitude', serverSide: false },
	'amplitude-js': { name: 'legacy Amplitude JavaScript SDK (amplitude-js)', family: 'amplitude', serverSide: false },
	'amplitude-react-native-legacy': { name: 'legacy Amplitude React Native SDK', family: 'amplitude', serverSide: false },
	'amplitude-node-legacy': { name: 'legacy Amplitude Node SDK', family: 'amplitude', serverSide: true },
	ampli: { name: 'Ampli generated wrapper', family: 'ampli', serverSide: false },
	'segment-browser': { name: 'Segment Analytics.js', family: 'segment', serverSide: false },
	'segment-node': { name: 'Segment Node.js library', family: 'segment', serverSide: true },
	'http-api': { name: 'Amplitude HTTP API payload', family: 'http', serverSide: false },
	'amplitude-python': { name: 'Amplitude Python SDK (amplitude-analytics)', family: 'amplitude', serverSide: true },
	'segment-python': { name: 'Segment Python library (segment-analytics-python)', family: 'segment', serverSide: true },
} as const satisfies Readonly<Record<string, SdkFacts>>;

/** Which SDK a call goes through. */
export type SdkId = keyof typeof sdks;

export const sdkIds: readonly SdkId[] = Object.keys(sdks) as SdkId[];

/** Server-side SDKs must put user_id or device_id on every call. */
export function isServerSideSdk(sdk: SdkId): boolean {
	return sdks[sdk].serverSide;
}

export function sdkFamily(sdk: SdkId): SdkFamily {
	return sdks[sdk].family;
}

/** Segment's API (group traits, `userId`/`anonymousId`) rather than Amplitude's. */
export function isSegmentSdk(sdk: SdkId): boolean {
	return sdks[sdk].family === 'segment';
}
