import type { CallFact, CallKind, GroupsInsertion, SdkId } from '../callFacts';
import { fieldOf, type SyntaxNode } from '../treeSitter/syntaxNodes';
import type { PythonScopes } from './pythonScopes';
import { callArguments as readArguments, type Arguments } from './pythonSyntax';
import type { PythonValues } from './pythonValues';
import { sdkObjectClass, type SdkClassName } from './pythonSdkModules';

/** Everything the Python recognisers share for one file. */
export interface PythonTools {
	readonly text: string;
	readonly scopes: PythonScopes;
	readonly values: PythonValues;
	/** The file configures the legacy `analytics` module (see pythonSdkModules.ts). */
	readonly legacyAnalytics: boolean;
	/** The file imports a server-side SDK (every Python one). */
	readonly serverSideFile: boolean;
	/** Dicts already read as part of a call: not reported again as HTTP payloads. */
	readonly consumed: Set<SyntaxNode>;
	/** `name[…] = value` assignments of the file by the subscripted name (`event["groups"] = …`). */
	readonly subscriptAssignments: ReadonlyMap<string, readonly SyntaxNode[]>;
}

/** One call of a recognised method on a recognised client. */
export interface PythonCallSite {
	readonly call: SyntaxNode;
	readonly args: Arguments;
	readonly method: string;
	/** The node naming the method (`set_group` in `client.set_group`). */
	readonly calleeNode: SyntaxNode;
	readonly sdk: SdkId;
	/** Read user_id/device_id (server-side SDKs, and candidates the index settles later). */
	readonly readsIdentity: boolean;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
export type CallFields = Partial<Omit<Mutable<CallFact>, 'sdk' | 'range' | 'calleeRange' | 'method'>> & { kind: CallKind };

export function callFact(site: PythonCallSite, fields: CallFields): CallFact {
	const defaults: CallFact = {
		sdk: site.sdk,
		kind: fields.kind,
		range: { start: site.call.start, end: site.call.end },
		calleeRange: { start: site.calleeNode.start, end: site.calleeNode.end },
		method: site.method,
		groups: [],
		groupsPartlyUnknown: false,
		properties: [],
		propertiesPartlyUnknown: false,
		userIdentity: 'not-required',
	};
	return Object.assign(defaults, Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)));
}

export type IdentityReading = 'present' | 'absent' | 'unknown';

/**
 * Whether an SDK object built in this file (`EventOptions(user_id=…)`, `BaseEvent("E", user_id)`)
 * names a user: `positions` are the positional indices of `user_id` and `device_id`.
 */
export function identityOf(tools: PythonTools, node: SyntaxNode | undefined, expected: readonly SdkClassName[], positions: readonly number[]): IdentityReading {
	if (!node || node.type === 'none') return 'absent';
	const constructed = constructorCall(tools, node, expected);
	if (!constructed) return 'unknown';
	return identityInArguments(constructed.args, positions);
}

export function identityInArguments(args: Arguments, positions: readonly number[]): IdentityReading {
	if (args.splat) return 'unknown';
	const given = [args.keywords.get('user_id')?.value, args.keywords.get('device_id')?.value, ...positions.map((index) => args.positional[index])];
	return given.some((value) => value !== undefined && value.type !== 'none') ? 'present' : 'absent';
}

/** The `Class(…)` call an expression is, or is bound to in this file, when it builds one of `expected`. */
export function constructorCall(tools: PythonTools, node: SyntaxNode, expected: readonly SdkClassName[]): { call: SyntaxNode; args: Arguments; className: SdkClassName } | undefined {
	const value = tools.values.evaluate(node);
	const className = sdkObjectClass(value, tools.legacyAnalytics);
	if (!className || !expected.includes(className) || value?.kind !== 'call') return undefined;
	return { call: value.node, args: argumentsOf(tools, value.node), className };
}

const argumentCache = new WeakMap<SyntaxNode, Arguments>();

export function argumentsOf(tools: PythonTools, call: SyntaxNode): Arguments {
	let args = argumentCache.get(call);
	if (!args) {
		args = readArguments(tools.text, call);
		argumentCache.set(call, args);
	}
	return args;
}


/**
 * `argument` for Python: a keyword argument (`groups={…}`) appended to the call's arguments: at the
 * end of the last one (`needsComma`), or just inside the parentheses of an empty call.
 */
export function keywordArgumentInsertion(tools: PythonTools, call: SyntaxNode, args: Arguments): GroupsInsertion {
	if (args.last) return { offset: args.last.end, form: 'argument', needsComma: true, placeholders: 0 };
	const list = fieldOf(call, 'arguments');
	const open = list ? tools.text.indexOf('(', list.start) : -1;
	return { offset: open >= 0 ? open + 1 : call.end - 1, form: 'argument', needsComma: false, placeholders: 0 };
}

/** Segment's `user_id` (first positional) or `anonymous_id` keyword. */
export function identityInSegmentArguments(args: Arguments): IdentityReading {
	if (args.splat) return 'unknown';
	const given = [args.keywords.get('user_id')?.value, args.keywords.get('anonymous_id')?.value, args.positional[0]];
	return given.some((value) => value !== undefined && value.type !== 'none') ? 'present' : 'absent';
}
