import type { ImportRef } from '../callFacts';
import { isSegmentSdk, isServerSideSdk, type SdkId } from '../sdks';

/**
 * The packages (and script-loader globals) the scanner knows, and what reading members off them,
 * calling them or constructing them yields. Everything else in the scanner asks this table rather
 * than looking at names.
 */
export type SdkModuleId =
	| 'amplitude-browser'
	| 'amplitude-node'
	| 'amplitude-react-native'
	| 'amplitude-unified'
	| 'amplitude-marketing-browser'
	| 'amplitude-js'
	| 'amplitude-react-native-legacy'
	| 'amplitude-node-legacy'
	| 'amplitude-identify-legacy'
	| 'amplitude-core'
	| 'segment-next'
	| 'segment-node'
	| 'segment-node-legacy'
	| 'amplitude-global'
	| 'segment-global';

/** The call surface an SDK client offers; recognisers dispatch on it. */
export type ClientApi =
	| 'amplitude' // analytics-browser/-node/-react-native, unified, marketing; also `ampli.client`
	| 'amplitude-global' // window.amplitude: the browser API plus amplitude-js's logEventWithGroups
	| 'amplitude-js'
	| 'amplitude-react-native-legacy'
	| 'amplitude-node-legacy'
	| 'segment-browser'
	| 'segment-node'
	| 'ampli';

/** A client the scanner can recognise calls on. */
export interface SdkClient {
	readonly sdk: SdkId;
	readonly api: ClientApi;
}

const moduleBySpecifier: ReadonlyMap<string, SdkModuleId> = new Map<string, SdkModuleId>([
	['@amplitude/analytics-browser', 'amplitude-browser'],
	['@amplitude/analytics-node', 'amplitude-node'],
	['@amplitude/analytics-react-native', 'amplitude-react-native'],
	['@amplitude/unified', 'amplitude-unified'],
	['@amplitude/marketing-analytics-browser', 'amplitude-marketing-browser'],
	['amplitude-js', 'amplitude-js'],
	['@amplitude/react-native', 'amplitude-react-native-legacy'],
	['@amplitude/node', 'amplitude-node-legacy'],
	['@amplitude/identify', 'amplitude-identify-legacy'],
	['@amplitude/analytics-core', 'amplitude-core'],
	['@segment/analytics-next', 'segment-next'],
	['@segment/analytics-node', 'segment-node'],
	['analytics-node', 'segment-node-legacy'],
]);

/** The SDK (of the table in ../sdks.ts) each module belongs to; undefined: not a client by itself. */
const sdkByModule: Readonly<Record<SdkModuleId, SdkId | undefined>> = {
	'amplitude-browser': 'amplitude-browser',
	'amplitude-node': 'amplitude-node',
	'amplitude-react-native': 'amplitude-react-native',
	'amplitude-unified': 'amplitude-unified',
	'amplitude-marketing-browser': 'amplitude-marketing-browser',
	'amplitude-js': 'amplitude-js',
	'amplitude-react-native-legacy': 'amplitude-react-native-legacy',
	'amplitude-node-legacy': 'amplitude-node-legacy',
	'amplitude-identify-legacy': undefined,
	'amplitude-core': undefined,
	'segment-next': 'segment-browser',
	'segment-node': 'segment-node',
	'segment-node-legacy': 'segment-node',
	'amplitude-global': 'amplitude-browser',
	'segment-global': 'segment-browser',
};

/** The SDK a module belongs to, if it is a client's module. */
export function sdkOfModule(module: SdkModuleId): SdkId | undefined {
	return sdkByModule[module];
}

/** Whether importing `specifier` makes a file server-side (it imports a server-side SDK's package). */
export function isServerSideModule(specifier: string): boolean {
	const module = sdkModuleOf(specifier);
	const sdk = module && sdkOfModule(module);
	return sdk !== undefined && isServerSideSdk(sdk);
}

/** The SDK module a specifier names (`@amplitude/analytics-browser`, also its subpaths), if any. */
export function sdkModuleOf(specifier: string): SdkModuleId | undefined {
	const exact = moduleBySpecifier.get(specifier);
	if (exact) return exact;
	const parts = specifier.split('/');
	const packageName = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
	return packageName === specifier ? undefined : moduleBySpecifier.get(packageName);
}

/** Frameworks, test tools and Node built-ins: their exports are never analytics clients. */
const wellKnownPackages: ReadonlySet<string> = new Set([
	'react',
	'react-dom',
	'preact',
	'vue',
	'svelte',
	'jest',
	'vitest',
	'sinon',
	'express',
	'lodash',
	'axios',
	'assert',
	'buffer',
	'child_process',
	'crypto',
	'events',
	'fs',
	'http',
	'https',
	'net',
	'os',
	'path',
	'stream',
	'url',
	'util',
	'zlib',
]);

/**
 * Packages whose exports are never SDK receivers for us: other vendors' look-alikes (PostHog,
 * Mixpanel, RudderStack, Amplitude Experiment) and every other `@amplitude/` or `@segment/`
 * package. Calls on them are not even offered to the workspace index as candidates.
 */
export function isForeignVendorModule(specifier: string): boolean {
	if (sdkModuleOf(specifier)) return false;
	const packageName = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!;
	return (
		/^(?:@amplitude\/|@segment\/|posthog|@posthog\/|mixpanel|@mixpanel\/|rudder|@rudderstack\/|node:|@angular\/|@jest\/|@testing-library\/|@nestjs\/)/.test(specifier) ||
		wellKnownPackages.has(packageName)
	);
}


/**
 * Whether an imported receiver may be a generated Ampli wrapper for typed event methods: any
 * method name could be an event, so only receivers whose export name or module path says so
 * (`ampli`, `./analytics`, `@app/lib/amplitude/back/generated`, `tracker`…) get such candidates.
 */
export function mayBeAmpliReceiver(ref: ImportRef): boolean {
	const names = [ref.exportName, ...(ref.members ?? [])].join('.');
	return /ampli|analytics|track/i.test(names) || /ampli|analytics|tracking/i.test(ref.module);
}

/** The client a module's root value is, when it is one (`import * as amplitude`, `window.analytics`). */
export function moduleRootClient(module: SdkModuleId): SdkClient | undefined {
	switch (module) {
		case 'amplitude-browser':
		case 'amplitude-node':
		case 'amplitude-react-native':
		case 'amplitude-unified':
		case 'amplitude-marketing-browser':
			return { sdk: module, api: 'amplitude' };
		case 'amplitude-global':
			return { sdk: 'amplitude-browser', api: 'amplitude-global' };
		case 'amplitude-js':
			return { sdk: 'amplitude-js', api: 'amplitude-js' };
		case 'segment-global':
			return { sdk: 'segment-browser', api: 'segment-browser' };
		default:
			return undefined;
	}
}

/** The path a default import stands for: CommonJS-style packages export their root; segment-node its class. */
export function defaultImportPath(module: SdkModuleId): readonly string[] {
	return module === 'segment-node' ? ['Analytics'] : [];
}

/** What calling `module.<path>(…)` returns, when it is a client (`createInstance()`, `getInstance()`, `AnalyticsBrowser.load()`). */
export function clientFromCall(module: SdkModuleId, path: readonly string[]): SdkClient | undefined {
	const key = path.join('.');
	switch (module) {
		case 'amplitude-browser':
		case 'amplitude-node':
		case 'amplitude-react-native':
		case 'amplitude-unified':
		case 'amplitude-marketing-browser':
			return key === 'createInstance' ? { sdk: module, api: 'amplitude' } : undefined;
		case 'amplitude-global':
			if (key === 'createInstance') return { sdk: 'amplitude-browser', api: 'amplitude' };
			return key === 'getInstance' ? { sdk: 'amplitude-js', api: 'amplitude-js' } : undefined;
		case 'amplitude-js':
			return key === 'getInstance' ? { sdk: 'amplitude-js', api: 'amplitude-js' } : undefined;
		case 'amplitude-react-native-legacy':
			return key === 'Amplitude.getInstance' ? { sdk: 'amplitude-react-native-legacy', api: 'amplitude-react-native-legacy' } : undefined;
		case 'amplitude-node-legacy':
			return key === 'init' ? { sdk: 'amplitude-node-legacy', api: 'amplitude-node-legacy' } : undefined;
		case 'segment-next':
			return key === 'AnalyticsBrowser.load' || key === 'AnalyticsBrowser.standalone' ? { sdk: 'segment-browser', api: 'segment-browser' } : undefined;
		default:
			return undefined;
	}
}

/** What `new module.<path>(…)` constructs, when it is a client (`new Analytics(…)`). */
export function clientFromConstruction(module: SdkModuleId, path: readonly string[]): SdkClient | undefined {
	const key = path.join('.');
	if (module === 'segment-node' && key === 'Analytics') return { sdk: 'segment-node', api: 'segment-node' };
	if (module === 'segment-node-legacy' && (key === '' || key === 'default')) return { sdk: 'segment-node', api: 'segment-node' };
	if (module === 'segment-next' && key === 'AnalyticsBrowser') return { sdk: 'segment-browser', api: 'segment-browser' };
	if (module === 'amplitude-node-legacy' && key === 'NodeClient') return { sdk: 'amplitude-node-legacy', api: 'amplitude-node-legacy' };
	return undefined;
}

/** A declared type naming a client class (`segment: Analytics`, `client: AnalyticsBrowser`). */
export function clientFromTypeName(module: SdkModuleId, path: readonly string[]): SdkClient | undefined {
	const key = path.join('.');
	if (module === 'segment-node' && key === 'Analytics') return { sdk: 'segment-node', api: 'segment-node' };
	if (module === 'segment-next' && (key === 'AnalyticsBrowser' || key === 'Analytics')) return { sdk: 'segment-browser', api: 'segment-browser' };
	if (module === 'segment-node-legacy' && key === '') return { sdk: 'segment-node', api: 'segment-node' };
	return undefined;
}

/** Whether `new module.<path>()` builds an Amplitude `Identify` (current SDKs, amplitude-js, legacy `@amplitude/identify`). */
export function isIdentifyClass(module: SdkModuleId, path: readonly string[]): boolean {
	const sdk = sdkOfModule(module);
	return path.length === 1 && path[0] === 'Identify' && !(sdk && isSegmentSdk(sdk));
}
