import type { CallFact, CandidateCallFact, ImportRef } from '../callFacts';
import { recogniseAmpliPythonCall } from './ampliPythonCalls';
import { recogniseAmplitudePythonCall } from './amplitudePythonCalls';
import { argumentsOf, type PythonCallSite, type PythonTools } from './pythonCallSite';
import type { PythonIdentifyChains } from './pythonIdentify';
import type { MethodCall } from './pythonNodeIndex';
import { sdkRole } from './pythonSdkModules';
import { recogniseSegmentPythonCall } from './segmentPythonCalls';
import { isPackageModule, type PyValue } from './pythonValues';

const amplitudeMethods: ReadonlySet<string> = new Set(['set_group', 'group_identify', 'track']);
const segmentMethods: ReadonlySet<string> = new Set(['group', 'track', 'identify']);
/** The methods an SDK client's call is recognised by; any other call can only be an Ampli typed event method. */
const sdkMethods: ReadonlySet<string> = new Set([...amplitudeMethods, ...segmentMethods]);

/**
 * Every SDK call of the file, by what its receiver is (never by the method name alone): an SDK
 * client built or imported in this file gives calls; a receiver imported from another workspace
 * module gives candidate calls, which the workspace index keeps only when that module exports an
 * SDK client (see resolveImports.ts).
 */
export function recognisePythonCalls(tools: PythonTools, identify: PythonIdentifyChains, methodCalls: readonly MethodCall[]): { calls: CallFact[]; candidateCalls: CandidateCallFact[] } {
	const found: CallFact[] = [];
	const candidates: CandidateCallFact[] = [];
	// Ampli's typed event methods may have any name, but are called on its instance, which code names
	// `ampli` wherever it gets it (imported, star-imported, read off a module; its class `Ampli`): without those words, a
	// call of another method is no SDK call, and its receiver (the costly part) is not evaluated.
	const mayCallAmpli = /\b[Aa]mpli\b/.test(tools.text);
	for (const { call, receiver: receiverNode, methodNode, method } of methodCalls) {
		if (!mayCallAmpli && !sdkMethods.has(method)) continue;
		const receiver = tools.values.evaluate(receiverNode);
		const role = sdkRole(receiver, tools.legacyAnalytics);
		const site = (sdk: PythonCallSite['sdk']): PythonCallSite => ({ call, args: argumentsOf(tools, call), method, calleeNode: methodNode, sdk, readsIdentity: true });
		if (role?.role === 'client') {
			const fact = role.sdk === 'amplitude-python' ? recogniseAmplitudePythonCall(tools, identify, site(role.sdk)) : recogniseSegmentPythonCall(tools, site(role.sdk));
			if (fact) found.push(fact);
			continue;
		}
		const external = receiver && externalReceiver(tools, receiver);
		if (!external) continue;
		const candidate = (fact: CallFact | undefined): void => {
			if (fact) candidates.push({ ...fact, receiver: external });
		};
		const members = external.members.join('.');
		if (members === 'client') {
			if (amplitudeMethods.has(method)) candidate(recogniseAmplitudePythonCall(tools, identify, site('ampli')));
			continue;
		}
		if (members !== '') continue;
		// The generated wrapper's instance `ampli`, or one the code makes of its class (`Ampli()`).
		if (external.ref.exportName === 'ampli' || (external.via === 'call-result' && external.ref.exportName === 'Ampli')) {
			candidate(recogniseAmpliPythonCall(tools, site('ampli')));
			continue;
		}
		if (amplitudeMethods.has(method)) candidate(recogniseAmplitudePythonCall(tools, identify, site('amplitude-python')));
		if (segmentMethods.has(method)) candidate(recogniseSegmentPythonCall(tools, site('segment-python')));
	}
	return { calls: found, candidateCalls: candidates };
}

/**
 * A receiver imported from a workspace module (`from app.settings import amplitude_client`), the
 * result of calling one (`get_client()`), or attributes of that result (`Ampli().client`).
 */
function externalReceiver(tools: PythonTools, receiver: PyValue): CandidateCallFact['receiver'] | undefined {
	let via: 'value' | 'call-result' = 'value';
	let value = receiver;
	let readOff: readonly string[] = [];
	if (value.kind === 'call-member') {
		readOff = value.path;
		value = value.call;
	}
	if (value.kind === 'call') {
		via = 'call-result';
		value = value.callee;
	}
	if (value.kind !== 'external' || isPackageModule(value.module)) return undefined;
	const ref = tools.values.importRef(value);
	if (!ref) return undefined;
	const root: ImportRef = { module: ref.module, exportName: ref.exportName };
	return { ref: root, via, members: [...(ref.members ?? []), ...readOff] };
}
