import * as ts from 'typescript';
import type { GroupFact, PropertyOperation, PropertyWriteFact } from '../callFacts';
import type { TextRange } from '../../text/textRange';
import type { ConstantValues } from './constantValues';
import type { FileModel } from './fileModel';
import { readPropertyObject } from './propertyObjects';
import type { ReceiverResolver } from './receivers';
import { isIdentifyClass } from './sdkModules';
import { unwrapExpression } from './syntaxWalk';

const operationByMethod: ReadonlyMap<string, PropertyOperation> = new Map<string, PropertyOperation>([
	['set', '$set'],
	['setOnce', '$setOnce'],
	['add', '$add'],
	['append', '$append'],
	['prepend', '$prepend'],
	['preInsert', '$preInsert'],
	['postInsert', '$postInsert'],
	['remove', '$remove'],
	['unset', '$unset'],
	['clearAll', '$clearAll'],
]);

/** Legacy `@amplitude/identify` methods: `setGroup` remembers a group; `identifyUser`/`identifyGroup` end the chain with an event. */
const legacyMethods: ReadonlySet<string> = new Set(['setGroup', 'identifyUser', 'identifyGroup']);

/** What an expression passed where an `Identify` is expected writes. */
export interface IdentifyReading {
	readonly properties: readonly PropertyWriteFact[];
	/** Some operations may come from elsewhere (an Identify passed in, built by a helper…). */
	readonly partlyUnknown: boolean;
	/** A plain object literal given instead of an Identify. */
	readonly plainObjectRange?: TextRange;
	/** Legacy `new Identify().setGroup(t, v)` groups. */
	readonly groups: readonly GroupFact[];
	/** Legacy `….identifyUser(userId, deviceId)` / `….identifyGroup(type, value)` that ends the chain. */
	readonly terminal?: { readonly method: 'identifyUser' | 'identifyGroup'; readonly call: ts.CallExpression };
}

/** How deep Identify variables are followed (`const a = new Identify(); const b = a;`). */
const maxDepth = 8;

/**
 * Reads `new Identify().set('plan', p).unset('legacy')`, and a variable built over several
 * statements (`const id = new Identify(); id.set('plan', p); groupIdentify('company', v, id)`):
 * only the operations written before `before` (the call's offset) count.
 */
export class IdentifyChains {
	constructor(
		private readonly model: FileModel,
		private readonly receivers: ReceiverResolver,
		private readonly constants: ConstantValues,
	) {}

	read(expression: ts.Expression, before: number, depth = 0): IdentifyReading {
		const chain: ts.CallExpression[] = [];
		let root = unwrapExpression(expression);
		while (ts.isCallExpression(root) && ts.isPropertyAccessExpression(root.expression) && isIdentifyMethod(root.expression.name.text)) {
			chain.unshift(root);
			root = unwrapExpression(root.expression.expression);
		}
		const base = this.readRoot(root, before, depth);
		const fromChain = this.readOperations(chain);
		return {
			properties: [...base.properties, ...fromChain.properties],
			partlyUnknown: base.partlyUnknown,
			groups: [...base.groups, ...fromChain.groups],
			...(base.plainObjectRange && chain.length === 0 ? { plainObjectRange: base.plainObjectRange } : {}),
			...(fromChain.terminal || base.terminal ? { terminal: (fromChain.terminal ?? base.terminal)! } : {}),
		};
	}

	private readRoot(root: ts.Expression, before: number, depth: number): IdentifyReading {
		// Anything but `new Identify()` of an Amplitude package, a literal, or a variable holding one: unknown writes.
		const unknown: IdentifyReading = { properties: [], partlyUnknown: true, groups: [] };
		if (ts.isNewExpression(root)) {
			const value = this.receivers.resolve(root.expression);
			return value?.kind === 'sdk' && value.module !== undefined && isIdentifyClass(value.module, value.path) ? { properties: [], partlyUnknown: false, groups: [] } : unknown;
		}
		if (ts.isObjectLiteralExpression(root)) {
			const object = readPropertyObject(this.model, this.constants, root, '$set');
			return { properties: object.properties, partlyUnknown: object.partlyUnknown, groups: [], plainObjectRange: this.model.rangeOf(root) };
		}
		if (!ts.isIdentifier(root) || depth > maxDepth) return unknown;
		const declaration = this.model.declarationOf(root);
		if (!declaration || declaration.bindingPath.length > 0 || (declaration.kind !== 'const' && declaration.kind !== 'let' && declaration.kind !== 'var')) return unknown;
		const initializer = declaration.initializer ?? this.model.assignmentsTo(declaration)[0];
		if (!initializer) return unknown;
		const initial = unwrapExpression(initializer);
		if (ts.isObjectLiteralExpression(initial)) {
			const object = readPropertyObject(this.model, this.constants, initial, '$set');
			return { properties: object.properties, partlyUnknown: object.partlyUnknown, groups: [], plainObjectRange: this.model.rangeOf(root) };
		}
		const start = this.read(initializer, before, depth + 1);
		// Statements on the variable before the call: `id.set('plan', p);` (each may be a chain itself).
		const statements = this.model
			.memberCallsOn(declaration)
			.filter((call) => call.getStart(this.model.sourceFile) < before && call.getStart(this.model.sourceFile) > initializer.getEnd() - 1)
			.map((call) => outermostChain(call));
		const later = this.readOperations(statements.flatMap((outer) => chainCalls(outer)));
		return {
			properties: [...start.properties, ...later.properties],
			partlyUnknown: start.partlyUnknown,
			groups: [...start.groups, ...later.groups],
			...(start.terminal ? { terminal: start.terminal } : {}),
		};
	}

	private readOperations(chain: readonly ts.CallExpression[]): { properties: PropertyWriteFact[]; groups: GroupFact[]; terminal?: IdentifyReading['terminal'] } {
		const properties: PropertyWriteFact[] = [];
		const groups: GroupFact[] = [];
		let terminal: IdentifyReading['terminal'];
		for (const call of chain) {
			const callee = call.expression as ts.PropertyAccessExpression;
			const method = callee.name.text;
			const range = { start: callee.name.getStart(this.model.sourceFile), end: call.getEnd() };
			const [first, second] = call.arguments;
			const operation = operationByMethod.get(method);
			if (operation === '$clearAll') continue; // clears everything: no property to name
			if (operation && first) {
				properties.push({ name: this.constants.name(first), operation, ...(second && operation !== '$unset' ? { value: this.constants.value(second) } : {}), range });
			} else if (method === 'setGroup' && first && second) {
				groups.push({ type: this.constants.name(first), value: this.constants.value(second), range });
			} else if (method === 'identifyUser' || method === 'identifyGroup') {
				terminal = { method, call };
			}
		}
		return terminal ? { properties, groups, terminal } : { properties, groups };
	}
}

function isIdentifyMethod(name: string): boolean {
	return operationByMethod.has(name) || legacyMethods.has(name);
}

/** From `id.set(…)`, the whole statement chain `id.set(…).unset(…)`. */
function outermostChain(call: ts.CallExpression): ts.CallExpression {
	let current = call;
	for (;;) {
		const access = current.parent;
		if (!access || !ts.isPropertyAccessExpression(access) || access.expression !== current || !isIdentifyMethod(access.name.text)) return current;
		const outer = access.parent;
		if (!outer || !ts.isCallExpression(outer) || outer.expression !== access) return current;
		current = outer;
	}
}

/** The identify-method calls of a chain, innermost first (`id.set(a).unset(b)` → [set, unset]). */
function chainCalls(outer: ts.CallExpression): ts.CallExpression[] {
	const calls: ts.CallExpression[] = [];
	let current: ts.Expression = outer;
	while (ts.isCallExpression(current) && ts.isPropertyAccessExpression(current.expression) && isIdentifyMethod(current.expression.name.text)) {
		calls.unshift(current);
		current = unwrapExpression(current.expression.expression);
	}
	return calls;
}
