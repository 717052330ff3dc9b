import * as ts from 'typescript';
import type { CallFact } from '../callFacts';
import { groupFromArguments, groupIdentifyCall, setGroupCall } from './amplitudeCalls';
import { eventCallFields, readAmplitudeEvent } from './amplitudeEvents';
import { callFact, identityFromArguments, type CallSite, type IdentityReading, type ScanTools } from './callSite';
import { isNullish, objectProperty } from './syntaxWalk';

/** Members of a generated Ampli class that are not tracking-plan events. */
const ampliApiMembers: ReadonlySet<string> = new Set([
	'load',
	'flush',
	'client',
	'isLoaded',
	'isInitializedAndEnabled',
	'disabled',
	'identify',
	'group',
	'reset',
	'setUserId',
	'setDeviceId',
	'getUserId',
	'getDeviceId',
	'getSessionId',
	'setSessionId',
	'setOptOut',
	'add',
	'remove',
	'revenue',
	'init',
	'then',
	'catch',
	'finally',
	'bind',
	'call',
	'apply',
	'toString',
]);

/** Whether `ampli.<method>(…)` may be a typed event method (anything not part of the wrapper's own API). */
export function mayBeAmpliEventMethod(method: string): boolean {
	return !ampliApiMembers.has(method) && /^[a-z_$][\w$]*$/i.test(method);
}

/**
 * The Ampli wrapper itself (`ampli.<…>`, not `ampli.client`): older generated
 * `setGroup(type, name, options?)` (legacy Node: `setGroup(userId, type, name, options?)`),
 * `groupIdentify(type, name, { plain props }, options?)` (a plain object is right here),
 * `track(event, options?)` (Node: `track(userId, event, options?)`), and typed event methods
 * `reportExported(props?, { groups })` (Node: `reportExported(userId, props?, options?)`).
 * `node` says the wrapper runs on Node (it then reads user ids).
 */
export function recogniseAmpliCall(tools: ScanTools, site: CallSite, node: boolean): CallFact | undefined {
	switch (site.method) {
		case 'setGroup':
			return ampliSetGroup(tools, site);
		case 'groupIdentify':
			return groupIdentifyCall(tools, site, 3, { plainObjectAllowed: true });
		case 'track':
			return ampliTrack(tools, site, node);
		default:
			return mayBeAmpliEventMethod(site.method) ? ampliEventMethod(tools, site, node) : undefined;
	}
}

function ampliSetGroup(tools: ScanTools, site: CallSite): CallFact | undefined {
	const [first, , third] = site.args;
	// Legacy Node Ampli: `setGroup(userId, type, value)`: a third argument that is a value, not options.
	const legacyNodeForm =
		first !== undefined && third !== undefined && !isNullish(third) && tools.constants.objectLiteral(third) === undefined && (isStringLike(tools, third) || tools.constants.evaluate(first)?.kind !== 'string');
	if (!legacyNodeForm) return setGroupCall(tools, site, 2);
	if (!site.args[1]) return undefined;
	return callFact(tools, site, {
		kind: 'user-level-group',
		groups: [groupFromArguments(tools, site, 1)],
		...(site.readsIdentity ? { userIdentity: identityFromArguments([site.args[0]]) } : {}),
	});
}

function isStringLike(tools: ScanTools, expression: ts.Expression): boolean {
	const value = tools.constants.evaluate(expression);
	return value?.kind === 'string' || value?.kind === 'number' || value?.kind === 'array';
}

function ampliTrack(tools: ScanTools, site: CallSite, node: boolean): CallFact | undefined {
	const [first] = site.args;
	if (!first) return undefined;
	const firstIsEvent = tools.constants.objectLiteral(first) !== undefined || ts.isNewExpression(first);
	const nodeForm = !firstIsEvent && (node || site.args.length >= 2);
	const reading = readAmplitudeEvent(tools, site, { eventIndex: nodeForm ? 1 : 0, optionsIndex: nodeForm ? 2 : 1, ampliEventClasses: true });
	const fields = eventCallFields(reading, site.readsIdentity);
	return callFact(tools, site, nodeForm && site.readsIdentity ? { ...fields, userIdentity: merge(identityFromArguments([first]), reading.identity) } : fields);
}

function ampliEventMethod(tools: ScanTools, site: CallSite, node: boolean): CallFact | undefined {
	const first = site.args[0];
	const firstValue = first && tools.constants.evaluate(first);
	const nodeForm = node || site.args.length >= 3 || firstValue?.kind === 'string';
	let optionsIndex = nodeForm ? 2 : 1;
	for (const index of [1, 2]) {
		const arg = site.args[index];
		const object = arg && tools.constants.objectLiteral(arg);
		if (object && objectProperty(object, 'groups')) optionsIndex = index;
	}
	const reading = readAmplitudeEvent(tools, site, { eventIndex: undefined, optionsIndex });
	const fields = eventCallFields(reading, site.readsIdentity);
	const event = { kind: 'resolved' as const, name: site.method, range: tools.model.rangeOf(site.calleeNode), matchBy: 'ampli-method' as const };
	const userIdentity = nodeForm && first ? merge(identityFromArguments([first]), reading.identity) : reading.identity;
	return callFact(tools, site, { ...fields, event, ...(site.readsIdentity ? { userIdentity } : {}) });
}

function merge(fromArgument: IdentityReading, fromOptions: IdentityReading): IdentityReading {
	if (fromArgument === 'present' || fromOptions === 'present') return 'present';
	return fromOptions === 'unknown' ? 'unknown' : 'absent';
}
