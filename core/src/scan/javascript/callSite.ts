import * as ts from 'typescript';
import type { CallFact, CallKind, GroupsInsertion } from '../callFacts';
import type { ConstantValues } from './constantValues';
import type { FileModel } from './fileModel';
import type { IdentifyChains } from './identifyChains';
import type { ReceiverResolver } from './receivers';
import type { SdkClient } from './sdkModules';
import { isNullish, objectProperty, propertyValue } from './syntaxWalk';

/** Everything recognisers share for one file. */
export interface ScanTools {
	readonly model: FileModel;
	readonly constants: ConstantValues;
	readonly receivers: ReceiverResolver;
	readonly identify: IdentifyChains;
	/** The file imports a server-side SDK, so an Ampli wrapper used here runs on Node. */
	readonly serverSideFile: boolean;
	/** Object literals already read as a call's argument: not reported again as HTTP payloads. */
	readonly consumed: Set<ts.Node>;
}

/** One call of a recognised method on a recognised client. */
export interface CallSite {
	readonly call: ts.CallExpression;
	readonly args: readonly ts.Expression[];
	readonly method: string;
	/** The node naming the method (`setGroup` in `amplitude.setGroup`, `sg` for an aliased import). */
	readonly calleeNode: ts.Node;
	readonly client: SdkClient;
	/** Read user_id/device_id (server-side SDKs, and candidates the index settles later). */
	readonly readsIdentity: boolean;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
export type CallFields = Partial<Omit<Mutable<CallFact>, 'sdk' | 'range' | 'calleeRange' | 'method'>> & { kind: CallKind };

/** Builds a CallFact for a call site, with empty defaults for what the recogniser did not fill. */
export function callFact(tools: ScanTools, site: CallSite, fields: CallFields): CallFact {
	tools.consumed.add(site.call);
	const defaults: CallFact = {
		sdk: site.client.sdk,
		kind: fields.kind,
		range: tools.model.rangeOf(site.call),
		calleeRange: tools.model.rangeOf(site.calleeNode),
		method: site.method,
		groups: [],
		groupsPartlyUnknown: false,
		properties: [],
		propertiesPartlyUnknown: false,
		userIdentity: 'not-required',
	};
	// Fields left undefined are omitted, not written as `undefined`.
	return Object.assign(defaults, Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)));
}

export type IdentityReading = 'present' | 'absent' | 'unknown';

/**
 * What an event read from code carries, whatever its shape (an SDK call, an HTTP payload): its groups
 * and group properties as the call fact keeps them, whether a `groups` key is there at all, and
 * whether it says whom it is for.
 */
export type EventContentsReading = Pick<
	CallFact,
	'groups' | 'groupsPartlyUnknown' | 'groupsRange' | 'groupsInsertion' | 'properties' | 'propertiesPartlyUnknown' | 'ignoredGroupPropertiesRange'
> & {
	/** A `groups` key is present (so the event carries event-level groups). */
	readonly hasGroups: boolean;
	readonly identity: IdentityReading;
};

/**
 * Whether any of the objects carries one of `keys` (`user_id`/`device_id`, or Segment's
 * `userId`/`anonymousId`): 'present'; 'unknown' when one is a variable or has a spread; else 'absent'.
 */
export function identityIn(tools: ScanTools, sources: readonly (ts.Expression | undefined)[], keys: readonly string[]): IdentityReading {
	let unknown = false;
	// Spreads of same-file object constants are read too (`{ ...options, groups }`), a few levels deep.
	const pending = sources.filter((source): source is ts.Expression => source !== undefined && !isNullish(source)).map((source) => ({ source, depth: 0 }));
	while (pending.length > 0) {
		const { source, depth } = pending.pop()!;
		const object = depth < 4 ? tools.constants.objectLiteral(source) : undefined;
		if (!object) {
			unknown = true;
			continue;
		}
		for (const key of keys) {
			const property = objectProperty(object, key);
			const value = property && propertyValue(property);
			if (value && !isNullish(value)) return 'present';
		}
		for (const element of object.properties) if (ts.isSpreadAssignment(element)) pending.push({ source: element.expression, depth: depth + 1 });
	}
	return unknown ? 'unknown' : 'absent';
}

/** A positional id argument (`identify(userId, deviceId, …)`): present unless every one is missing or null. */
export function identityFromArguments(args: readonly (ts.Expression | undefined)[]): IdentityReading {
	return args.some((arg) => arg !== undefined && !isNullish(arg)) ? 'present' : 'absent';
}

/** Appending an argument after the last one, preceded by `undefined`s up to `index`. */
export function argumentInsertion(tools: ScanTools, site: CallSite, index: number, form: 'argument' | 'segment-options'): GroupsInsertion {
	const last = site.args[site.args.length - 1];
	if (!last) {
		// `f()`: insert just inside the parentheses.
		const afterCallee = site.call.typeArguments ? site.call.typeArguments.end : site.call.expression.getEnd();
		const open = tools.model.text.indexOf('(', afterCallee);
		return { offset: open + 1, form, needsComma: false, placeholders: index };
	}
	return { offset: last.getEnd(), form, needsComma: true, placeholders: Math.max(0, index - site.args.length) };
}

/** Inline object literal arguments only: a quick fix must not edit a shared const elsewhere. */
export function inlineObject(expression: ts.Expression | undefined): ts.ObjectLiteralExpression | undefined {
	if (!expression) return undefined;
	let node: ts.Expression = expression;
	while (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression(node)) node = node.expression;
	return ts.isObjectLiteralExpression(node) ? node : undefined;
}
