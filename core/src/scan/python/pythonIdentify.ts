import type { PropertyOperation, PropertyWriteFact } from '../callFacts';
import { fieldOf, type SyntaxNode } from '../treeSitter/syntaxNodes';
import { argumentsOf, constructorCall, type PythonTools } from './pythonCallSite';
import { readPropertyDict } from './pythonDicts';
import { unwrap } from './pythonSyntax';

/** amplitude-analytics' `Identify` methods (each returns the Identify, so they chain), and what they send. */
const operations: ReadonlyMap<string, PropertyOperation> = new Map([
	['set', '$set'],
	['set_once', '$setOnce'],
	['append', '$append'],
	['prepend', '$prepend'],
	['pre_insert', '$preInsert'],
	['post_insert', '$postInsert'],
	['remove', '$remove'],
	['add', '$add'],
	['unset', '$unset'],
	['clear_all', '$clearAll'],
]);

export interface IdentifyReading {
	readonly properties: readonly PropertyWriteFact[];
	readonly partlyUnknown: boolean;
	/** A dict passed where the SDK wants an `Identify`. */
	readonly plainObjectRange?: { start: number; end: number };
}

/**
 * Reads the Identify a group identify sends: `Identify().set("plan", p).unset("trial")` inline, or a
 * name bound to `Identify()` in the same scope with `identify.set(…)` statements between the
 * binding and `before` (the group identify call). Anything else is partly unknown.
 */
export class PythonIdentifyChains {
	/** `name.method(…)` calls of the file by receiver name, in source order (built when a variable is first read: most files have no group identify). */
	private receivers: Map<string, SyntaxNode[]> | undefined;

	constructor(
		private readonly tools: PythonTools,
		private readonly calls: readonly SyntaxNode[],
	) {}

	private get byReceiver(): Map<string, SyntaxNode[]> {
		if (this.receivers) return this.receivers;
		this.receivers = new Map();
		for (const call of this.calls) {
			const callee = fieldOf(call, 'function');
			const object = callee?.type === 'attribute' ? fieldOf(callee, 'object') : undefined;
			if (object?.type !== 'identifier') continue;
			const name = this.tools.text.slice(object.start, object.end);
			const list = this.receivers.get(name);
			if (list) list.push(call);
			else this.receivers.set(name, [call]);
		}
		return this.receivers;
	}

	read(node: SyntaxNode, before: number): IdentifyReading {
		const expression = unwrap(node);
		if (expression.type === 'dictionary') {
			const reading = readPropertyDict(this.tools.values, expression, '$set');
			return { ...reading, plainObjectRange: { start: expression.start, end: expression.end } };
		}
		const chain = this.chain(expression);
		if (chain) return chain;
		if (expression.type === 'identifier') return this.variable(expression, before) ?? { properties: [], partlyUnknown: true };
		return { properties: [], partlyUnknown: true };
	}

	/** `Identify().set(…).add(…)`: its operations, when the chain starts at a new Identify. */
	private chain(expression: SyntaxNode): IdentifyReading | undefined {
		const steps: SyntaxNode[] = [];
		let current = expression;
		for (;;) {
			const step = this.operationOf(current);
			if (!step) break;
			steps.unshift(current);
			current = unwrap(step.object);
		}
		if (!constructorCall(this.tools, current, ['Identify']) || current.type !== 'call') return undefined;
		return { properties: steps.flatMap((step) => this.write(step)), partlyUnknown: false };
	}

	private variable(identifier: SyntaxNode, before: number): IdentifyReading | undefined {
		const { scopes, text } = this.tools;
		const name = text.slice(identifier.start, identifier.end);
		const scope = scopes.scopeAt(identifier);
		const binding = scopes.lookup(name, scope, identifier.start);
		if (binding?.kind !== 'value' || binding.scope !== scope) return undefined;
		const initial = this.chain(unwrap(binding.value));
		if (!initial) return undefined;
		const properties = [...initial.properties];
		for (const call of this.byReceiver.get(name) ?? []) {
			if (call.start <= binding.at || call.start >= before || scopes.scopeAt(call) !== scope) continue;
			// The whole statement chain `identify.set(a).unset(b)`, innermost first.
			for (let step: SyntaxNode | undefined = call; step && this.operationOf(step); step = outerStep(step)) properties.push(...this.write(step));
		}
		return { properties, partlyUnknown: false };
	}

	private operationOf(node: SyntaxNode): { object: SyntaxNode; operation: PropertyOperation } | undefined {
		if (node.type !== 'call') return undefined;
		const callee = fieldOf(node, 'function');
		if (callee?.type !== 'attribute') return undefined;
		const object = fieldOf(callee, 'object');
		const method = fieldOf(callee, 'attribute');
		const operation = method && operations.get(this.tools.text.slice(method.start, method.end));
		return object && operation ? { object, operation } : undefined;
	}

	private write(step: SyntaxNode): PropertyWriteFact[] {
		const { operation } = this.operationOf(step)!;
		if (operation === '$clearAll') return [];
		const args = argumentsOf(this.tools, step);
		const key = args.positional[0] ?? args.keywords.get('key')?.value;
		const value = args.positional[1] ?? args.keywords.get('value')?.value;
		if (!key) return [];
		return [{ name: this.tools.values.name(key), operation, ...(value && operation !== '$unset' ? { value: this.tools.values.value(value) } : {}), range: { start: step.start, end: step.end } }];
	}
}

/** The call one step further along a chain (`a.set(x)` → `a.set(x).add(y)`). */
function outerStep(call: SyntaxNode): SyntaxNode | undefined {
	const attribute = call.parent;
	const outer = attribute?.parent;
	return attribute?.type === 'attribute' && call.field === 'object' && outer?.type === 'call' && attribute.field === 'function' ? outer : undefined;
}
