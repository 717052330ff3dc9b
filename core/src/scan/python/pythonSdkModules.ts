import type { SdkId } from '../sdks';
import type { PyValue } from './pythonValues';

/** The SDK classes a Python file can construct, by what they make. */
export type SdkClassName = 'Amplitude' | 'BaseEvent' | 'EventOptions' | 'Identify' | 'IdentifyEvent' | 'GroupIdentifyEvent' | 'SegmentClient' | 'HttpClient';

/** What a value is to the scanner: an SDK client (whose methods are recognised), an SDK class, or an HTTP sender. */
export type SdkRole =
	| { readonly role: 'client'; readonly sdk: Extract<SdkId, 'amplitude-python' | 'segment-python'> }
	| { readonly role: 'class'; readonly name: SdkClassName }
	/** A function that sends an HTTP request (`requests.post`, `httpx.post`, `session.post`): its `json=`/`data=` may be a payload. */
	| { readonly role: 'http-send' };

/**
 * Fully qualified names in the SDK packages: amplitude-analytics (`amplitude`), Segment's
 * segment-analytics-python (`segment.analytics`) and the legacy analytics-python (`analytics`,
 * only when the file configures it: see `legacyAnalytics`), requests and httpx.
 */
const classes: Readonly<Record<string, SdkClassName>> = {
	'amplitude.Amplitude': 'Amplitude',
	'amplitude.client.Amplitude': 'Amplitude',
	'amplitude.BaseEvent': 'BaseEvent',
	'amplitude.event.BaseEvent': 'BaseEvent',
	'amplitude.EventOptions': 'EventOptions',
	'amplitude.event.EventOptions': 'EventOptions',
	'amplitude.Identify': 'Identify',
	'amplitude.event.Identify': 'Identify',
	'amplitude.IdentifyEvent': 'IdentifyEvent',
	'amplitude.event.IdentifyEvent': 'IdentifyEvent',
	'amplitude.GroupIdentifyEvent': 'GroupIdentifyEvent',
	'amplitude.event.GroupIdentifyEvent': 'GroupIdentifyEvent',
	'segment.analytics.Client': 'SegmentClient',
	'segment.analytics.client.Client': 'SegmentClient',
	'requests.Session': 'HttpClient',
	'requests.sessions.Session': 'HttpClient',
	'httpx.Client': 'HttpClient',
	'httpx.AsyncClient': 'HttpClient',
};
const legacyClasses: Readonly<Record<string, SdkClassName>> = { 'analytics.Client': 'SegmentClient', 'analytics.client.Client': 'SegmentClient' };
const httpMethods: ReadonlySet<string> = new Set(['post', 'put', 'patch', 'request']);

/** The packages whose import makes a file run server-side (every Python SDK here is). */
export function isServerSidePythonModule(module: string): boolean {
	const root = module.split('.')[0];
	return module === 'amplitude' || module.startsWith('amplitude.') || module === 'segment.analytics' || module.startsWith('segment.analytics.') || root === 'analytics';
}

/**
 * The SDK role of a value. `legacyAnalytics`: the file configures the legacy `analytics` module
 * (`analytics.write_key = …`), so `import analytics` is Segment's and not an app module of that name.
 */
export function sdkRole(value: PyValue | undefined, legacyAnalytics: boolean): SdkRole | undefined {
	if (!value) return undefined;
	if (value.kind === 'external') {
		if (value.module.startsWith('.')) return undefined;
		const dotted = [value.module, ...value.path].join('.');
		const name = classes[dotted] ?? (legacyAnalytics ? legacyClasses[dotted] : undefined);
		if (name) return { role: 'class', name };
		if (dotted === 'segment.analytics' || (legacyAnalytics && dotted === 'analytics')) return { role: 'client', sdk: 'segment-python' };
		const [root, method, ...rest] = dotted.split('.');
		if ((root === 'requests' || root === 'httpx') && method && httpMethods.has(method) && rest.length === 0) return { role: 'http-send' };
		return undefined;
	}
	if (value.kind === 'call') {
		const callee = sdkRole(value.callee, legacyAnalytics);
		if (callee?.role !== 'class') return undefined;
		if (callee.name === 'Amplitude') return { role: 'client', sdk: 'amplitude-python' };
		if (callee.name === 'SegmentClient') return { role: 'client', sdk: 'segment-python' };
	}
	return undefined;
}

/** The class an SDK object was built from (`BaseEvent(…)`, `Identify()`), with the constructor call. */
export function sdkObjectClass(value: PyValue | undefined, legacyAnalytics: boolean): SdkClassName | undefined {
	if (value?.kind !== 'call') return undefined;
	const callee = sdkRole(value.callee, legacyAnalytics);
	return callee?.role === 'class' ? callee.name : undefined;
}
