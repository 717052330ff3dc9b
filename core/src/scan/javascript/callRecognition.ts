import * as ts from 'typescript';
import type { CallFact, CandidateCallFact } from '../callFacts';
import { recogniseAmpliCall } from './ampliCalls';
import { recogniseAmplitudeCall } from './amplitudeCalls';
import { candidateInterpretations } from './candidateCalls';
import type { CallSite, ScanTools } from './callSite';
import { recogniseLegacyClientCall, recogniseLegacyNodeCall } from './legacyAmplitudeCalls';
import type { ResolvedReceiver } from './receivers';
import { isServerSideSdk } from '../sdks';
import { recogniseSegmentCall } from './segmentCalls';
import { accessedMemberName, accessedMemberNode, isMemberAccess, unwrapExpression } from './syntaxWalk';

/** Every call of the file on a recognised client, and every call on an imported receiver (as candidates). */
export function recogniseCalls(tools: ScanTools): { calls: CallFact[]; candidateCalls: CandidateCallFact[] } {
	const calls: CallFact[] = [];
	const candidateCalls: CandidateCallFact[] = [];
	for (const call of tools.model.calls) {
		const target = callTarget(tools, call);
		if (!target) continue;
		const { receiver, method, calleeNode } = target;
		if (receiver.kind === 'external') {
			const candidates = candidateInterpretations(tools, call, method, calleeNode, receiver);
			if (candidates.length > 0) tools.consumed.add(call);
			candidateCalls.push(...candidates);
			continue;
		}
		const site: CallSite = { call, args: call.arguments, method, calleeNode, client: receiver.client, readsIdentity: isServerSideSdk(receiver.client.sdk) };
		const fact = recogniseClientCall(tools, site);
		if (fact) calls.push(fact);
	}
	return { calls, candidateCalls };
}

/** The receiver and method of `receiver.method(…)` / `receiver?.method?.(…)`, or of a method imported by name (`sg(…)`). */
function callTarget(tools: ScanTools, call: ts.CallExpression): { receiver: ResolvedReceiver; method: string; calleeNode: ts.Node } | undefined {
	const callee = unwrapExpression(call.expression);
	if (isMemberAccess(callee)) {
		const method = accessedMemberName(callee);
		if (method === undefined) return undefined;
		const receiver = tools.receivers.receiver(callee.expression);
		return receiver ? { receiver, method, calleeNode: accessedMemberNode(callee) } : undefined;
	}
	if (ts.isIdentifier(callee)) {
		const called = tools.receivers.calledMethod(callee);
		return called ? { receiver: { kind: 'client', client: called.client }, method: called.method, calleeNode: callee } : undefined;
	}
	return undefined;
}

function recogniseClientCall(tools: ScanTools, site: CallSite): CallFact | undefined {
	switch (site.client.api) {
		case 'amplitude':
			return recogniseAmplitudeCall(tools, site);
		case 'amplitude-global':
			return site.method === 'logEventWithGroups' ? recogniseLegacyClientCall(tools, site) : recogniseAmplitudeCall(tools, site);
		case 'amplitude-js':
		case 'amplitude-react-native-legacy':
			return recogniseLegacyClientCall(tools, site);
		case 'amplitude-node-legacy':
			return recogniseLegacyNodeCall(tools, site);
		case 'segment-browser':
		case 'segment-node':
			return recogniseSegmentCall(tools, site);
		case 'ampli':
			return recogniseAmpliCall(tools, site, tools.serverSideFile);
	}
}
