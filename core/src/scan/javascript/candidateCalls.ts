import type * as ts from 'typescript';
import type { CallFact, CandidateCallFact } from '../callFacts';
import { isSegmentSdk, isServerSideSdk, type SdkId } from '../sdks';
import { mayBeAmpliEventMethod, recogniseAmpliCall } from './ampliCalls';
import { recogniseAmplitudeCall } from './amplitudeCalls';
import type { CallSite, ScanTools } from './callSite';
import { recogniseLegacyClientCall } from './legacyAmplitudeCalls';
import type { ResolvedReceiver } from './receivers';
import { mayBeAmpliReceiver, type SdkClient } from './sdkModules';
import { hasSegmentNodeShape, recogniseSegmentCall } from './segmentCalls';

const amplitudeMethods: ReadonlySet<string> = new Set(['setGroup', 'groupIdentify', 'track', 'logEvent', 'identify']);
const ampliWrapperMethods: ReadonlySet<string> = new Set(['setGroup', 'groupIdentify', 'track']);
const segmentMethods: ReadonlySet<string> = new Set(['group', 'track', 'identify']);

type ExternalReceiver = Extract<ResolvedReceiver, { kind: 'external' }>;

/**
 * A method call on a receiver imported from another file. The scanner cannot know what the import
 * is, so it reads the call as at most one Amplitude-or-Ampli call and one Segment call (they differ
 * by shape); the workspace index keeps the one whose side matches what the import resolves to and
 * takes that SDK (see `settleCandidateCall`).
 * - `x.client.<method>` (Ampli's underlying client) is read as Ampli over the Amplitude API.
 * - `x.<method>` is read with the Ampli wrapper's signatures when the export is named `ampli`, or
 *   when the method can only be a typed event method; else with the Amplitude client's signatures.
 * User ids are always read for Amplitude-style calls; the index keeps the reading only when the
 * import turns out to be server-side (a server SDK, or an Ampli instance exported by a file that
 * runs server-side), so a browser client never gets a false missing-user-id finding.
 */
export function candidateInterpretations(tools: ScanTools, call: ts.CallExpression, method: string, calleeNode: ts.Node, receiver: ExternalReceiver): CandidateCallFact[] {
	const candidates: CandidateCallFact[] = [];
	const readsIdentity = true;
	const serverSide = tools.serverSideFile;
	const interpret = (client: SdkClient, readsIdentity: boolean, recognise: (site: CallSite) => CallFact | undefined): void => {
		const fact = recognise({ call, args: call.arguments, method, calleeNode, client, readsIdentity });
		if (fact) candidates.push({ ...fact, receiver: { ref: receiver.ref, via: receiver.via, members: receiver.members } });
	};
	// `ns.fn(…)` on a whole module (`import * as ns`, `require('./x')`) calls an exported function, not a client method.
	if (receiver.ref.exportName === '*' && !receiver.ref.members?.length) return candidates;
	const members = receiver.members.join('.');
	if (members === 'client') {
		if (amplitudeMethods.has(method)) interpret({ sdk: 'ampli', api: 'amplitude' }, readsIdentity, (site) => recogniseAmplitudeCall(tools, site));
		return candidates;
	}
	if (members !== '') return candidates;
	const namedAmpli = exportedName(receiver) === 'ampli';
	if (namedAmpli && ampliWrapperMethods.has(method)) {
		interpret({ sdk: 'ampli', api: 'ampli' }, readsIdentity, (site) => recogniseAmpliCall(tools, site, serverSide));
	} else if (amplitudeMethods.has(method)) {
		interpret({ sdk: 'amplitude-browser', api: 'amplitude' }, readsIdentity, (site) => recogniseAmplitudeCall(tools, site));
	} else if (method === 'logEventWithGroups') {
		interpret({ sdk: 'amplitude-js', api: 'amplitude-js' }, false, (site) => recogniseLegacyClientCall(tools, site));
	} else if (!segmentMethods.has(method) && mayBeAmpliEventMethod(method) && mayBeAmpliReceiver(receiver.ref)) {
		interpret({ sdk: 'ampli', api: 'ampli' }, readsIdentity, (site) => recogniseAmpliCall(tools, site, serverSide));
	}
	if (segmentMethods.has(method)) {
		const node = hasSegmentNodeShape(tools, call.arguments);
		interpret(node ? { sdk: 'segment-node', api: 'segment-node' } : { sdk: 'segment-browser', api: 'segment-browser' }, node, (site) => recogniseSegmentCall(tools, site));
	}
	return candidates;
}

/** The name the receiver is exported under (`ampli` for `import { ampli }` or `gen.ampli`). */
function exportedName(receiver: ExternalReceiver): string {
	const members = receiver.ref.members ?? [];
	return members.length > 0 ? members[members.length - 1]! : receiver.ref.exportName;
}

/**
 * What the workspace index does with a candidate once it knows the SDK the receiver's import
 * resolves to (an `sdk-instance` export for `via: 'value'`, an `sdk-factory` one for
 * `'call-result'`): keep it when the families match (Ampli and Amplitude candidates settle into
 * either, since only their signatures differ), take the resolved SDK, and drop the user-id
 * reading for browser-side SDKs. Undefined: not a call of that SDK.
 */
export function settleCandidateCall(candidate: CandidateCallFact, resolvedSdk: SdkId): CallFact | undefined {
	if (isSegmentSdk(candidate.sdk) !== isSegmentSdk(resolvedSdk) || resolvedSdk === 'http-api') return undefined;
	const { receiver: _receiver, ...fact } = candidate;
	const userIdentity = resolvedSdk === 'ampli' || isServerSideSdk(resolvedSdk) ? fact.userIdentity : 'not-required';
	return { ...fact, sdk: resolvedSdk, userIdentity };
}
