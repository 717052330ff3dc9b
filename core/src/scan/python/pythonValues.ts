import type { ImportRef, NameFact, ValueFact } from '../callFacts';
import { fieldOf, type SyntaxNode } from '../treeSitter/syntaxNodes';
import { submodule } from './pythonModules';
import type { Binding, PythonScopes, Scope } from './pythonScopes';
import { dottedName, stringLiteral, unwrap } from './pythonSyntax';

/** How far chains of names, attributes and calls are followed before giving up. */
const maxDepth = 24;

/** What an expression is, as far as the syntax of this one file tells. */
export type PyValue =
	| { readonly kind: 'string'; readonly value: string; readonly literal?: SyntaxNode }
	| { readonly kind: 'number'; readonly value: number }
	| { readonly kind: 'boolean'; readonly value: boolean }
	| { readonly kind: 'none' }
	| { readonly kind: 'dict'; readonly node: SyntaxNode }
	| { readonly kind: 'list'; readonly node: SyntaxNode }
	/** Something another module defines: `module` as imported (`amplitude`, `.constants`), then the attributes read off it. */
	| { readonly kind: 'external'; readonly module: string; readonly path: readonly string[]; readonly fromName: boolean }
	| { readonly kind: 'class'; readonly node: SyntaxNode; readonly scope: Scope }
	| { readonly kind: 'function'; readonly node: SyntaxNode; readonly scope: Scope }
	/** A member of an `Enum` class of this file (`Groups.COMPANY`): its value is a string only for `str` enums unless `.value` is read. */
	| { readonly kind: 'enum-member'; readonly value: PyValue | undefined; readonly stringLike: boolean }
	/** The result of calling `callee` (an SDK class: an instance; a function: what it returns). */
	| { readonly kind: 'call'; readonly callee: PyValue; readonly node: SyntaxNode }
	/** Attributes read off the result of calling something another module defines (`Ampli().client`). */
	| { readonly kind: 'call-member'; readonly call: Extract<PyValue, { kind: 'call' }>; readonly path: readonly string[] };

export class PythonValues {
	constructor(
		readonly text: string,
		readonly scopes: PythonScopes,
	) {}

	evaluate(node: SyntaxNode, depth = 0): PyValue | undefined {
		if (depth > maxDepth) return undefined;
		const expression = unwrap(node);
		switch (expression.type) {
			case 'string':
			case 'concatenated_string': {
				const literal = stringLiteral(this.text, expression);
				return literal ? { kind: 'string', value: literal.value, literal: expression } : undefined;
			}
			case 'integer':
			case 'float': {
				const value = Number(this.textOf(expression).replace(/_/g, ''));
				return Number.isFinite(value) ? { kind: 'number', value } : undefined;
			}
			case 'true':
			case 'false':
				return { kind: 'boolean', value: expression.type === 'true' };
			case 'none':
				return { kind: 'none' };
			case 'dictionary':
				return { kind: 'dict', node: expression };
			case 'list':
			case 'tuple':
				return { kind: 'list', node: expression };
			case 'identifier':
				return this.identifier(expression, depth);
			case 'attribute':
				return this.attribute(expression, depth);
			case 'call': {
				const callee = fieldOf(expression, 'function');
				const value = callee && this.evaluate(callee, depth + 1);
				return value ? this.callResult(value, expression, depth) : undefined;
			}
			default:
				return undefined;
		}
	}

	private identifier(node: SyntaxNode, depth: number): PyValue | undefined {
		const name = this.textOf(node);
		const scope = this.scopes.scopeAt(node);
		const binding = this.scopes.lookup(name, scope, node.start);
		if (!binding) {
			// `from ampli import *`: names of the generated module.
			const star = this.scopes.module.starImports;
			return star.length === 1 ? { kind: 'external', module: star[0]!, path: [name], fromName: true } : undefined;
		}
		return this.bindingValue(binding, depth);
	}

	/**
	 * An attribute assigned in several places (`self.client = Amplitude(key)` in production,
	 * `self.client = StubbedClient()` in tests): the one instance of an imported class, when every other
	 * assignment is an instance of a class of this file. Anything else stays unknown.
	 */
	private packageInstanceAmongOwnStubs(values: readonly (PyValue | undefined)[]): PyValue | undefined {
		const imported = values.filter((value) => value?.kind === 'call' && value.callee.kind === 'external');
		const ownStubs = values.filter((value) => value?.kind === 'call' && value.callee.kind === 'class');
		return imported.length === 1 && imported.length + ownStubs.length === values.length ? imported[0] : undefined;
	}

	bindingValue(binding: Binding, depth: number): PyValue | undefined {
		switch (binding.kind) {
			case 'value':
				return this.evaluate(binding.value, depth + 1);
			case 'module':
				return { kind: 'external', module: binding.module, path: [], fromName: false };
			case 'from':
				return { kind: 'external', module: binding.module, path: [binding.name], fromName: true };
			case 'class':
				return { kind: 'class', node: binding.node, scope: binding.scope };
			case 'function':
				return { kind: 'function', node: binding.node, scope: binding.scope };
			default:
				return undefined;
		}
	}

	private attribute(node: SyntaxNode, depth: number): PyValue | undefined {
		const objectNode = fieldOf(node, 'object');
		const attributeNode = fieldOf(node, 'attribute');
		if (!objectNode || !attributeNode) return undefined;
		const attribute = this.textOf(attributeNode);
		// `self.client` inside a method: what the class's methods assign to it.
		if (unwrap(objectNode).type === 'identifier' && this.textOf(unwrap(objectNode)) === 'self') {
			const classScope = this.enclosingClass(node);
			const bindings = classScope?.selfAttributes.get(attribute) ?? classScope?.bindings.get(attribute);
			if (!bindings || bindings.length === 0) return undefined;
			if (bindings.length === 1) return this.bindingValue(bindings[0]!, depth);
			return this.packageInstanceAmongOwnStubs(bindings.map((binding) => this.bindingValue(binding, depth)));
		}
		const object = this.evaluate(objectNode, depth + 1);
		if (!object) return undefined;
		if (object.kind === 'external') return { ...object, path: [...object.path, attribute] };
		if (object.kind === 'enum-member') return attribute === 'value' ? (object.value ?? undefined) : undefined;
		if (object.kind === 'call' && object.callee.kind === 'external') return { kind: 'call-member', call: object, path: [attribute] };
		if (object.kind === 'call-member') return { ...object, path: [...object.path, attribute] };
		if (object.kind === 'class') {
			const bindings = object.scope.bindings.get(attribute);
			if (!bindings || bindings.length !== 1) return undefined;
			const value = this.bindingValue(bindings[0]!, depth);
			const enumKind = this.enumKind(object.node);
			return enumKind ? { kind: 'enum-member', value, stringLike: enumKind === 'str' } : value;
		}
		return undefined;
	}

	private callResult(callee: PyValue, node: SyntaxNode, depth: number): PyValue | undefined {
		if (callee.kind === 'function') return this.returned(callee, depth) ?? { kind: 'call', callee, node };
		return { kind: 'call', callee, node };
	}

	/** What a function of this file returns, when every `return` returns the same thing (an SDK client, mostly). */
	returned(fn: Extract<PyValue, { kind: 'function' }>, depth: number): PyValue | undefined {
		const body = fieldOf(fn.node, 'body');
		if (!body) return undefined;
		if (fn.node.type === 'lambda') return this.evaluate(body, depth + 1);
		const returns: SyntaxNode[] = [];
		const stack = [body];
		while (stack.length > 0) {
			const current = stack.pop()!;
			if (current.type === 'return_statement') returns.push(current);
			else if (current.type !== 'function_definition' && current.type !== 'class_definition' && current.type !== 'lambda') stack.push(...current.children);
		}
		let found: PyValue | undefined;
		for (const statement of returns) {
			const expression = statement.children[0];
			if (!expression) continue;
			const value = this.evaluate(expression, depth + 1);
			if (!value || value.kind === 'none') continue;
			if (found && !sameValue(found, value)) return undefined;
			found = value;
		}
		return found;
	}

	/** 'str' for `class G(str, Enum)` / `StrEnum`, 'plain' for other `Enum`s, undefined for ordinary classes. */
	enumKind(classNode: SyntaxNode): 'str' | 'plain' | undefined {
		const bases = fieldOf(classNode, 'superclasses');
		if (!bases) return undefined;
		const names = bases.children.map((base) => dottedName(this.text, base)?.at(-1));
		if (names.includes('StrEnum')) return 'str';
		if (!names.some((name) => name === 'Enum' || name === 'IntEnum' || name === 'Flag')) return undefined;
		return names.includes('str') ? 'str' : 'plain';
	}

	private enclosingClass(node: SyntaxNode): Scope | undefined {
		for (let scope: Scope | undefined = this.scopes.scopeAt(node); scope; scope = scope.parent) if (scope.kind === 'class') return scope;
		return undefined;
	}

	/** An import reference for an external value of a workspace module, or undefined for a value it cannot name. */
	importRef(value: Extract<PyValue, { kind: 'external' }>): ImportRef | undefined {
		let module = value.module;
		let path = [...value.path];
		if (!value.fromName) {
			// `import app.constants` then `app.constants.GROUP`: the longest module written in an import.
			let best = 0;
			for (let length = 1; length <= path.length; length++) if (this.scopes.importedModules.has([module, ...path.slice(0, length)].join('.'))) best = length;
			module = [module, ...path.slice(0, best)].join('.');
			path = path.slice(best);
		} else if (path.length > 1 && /^[a-z_][a-z0-9_]*$/.test(path[0]!) && path[0] !== 'ampli') {
			// `from app import constants` then `constants.GROUP`: by PEP 8 a lower-case name read through is a submodule.
			module = submodule(module, path[0]!);
			path = path.slice(1);
		}
		const [exportName, ...members] = path;
		if (exportName === undefined) return undefined;
		// `Groups.COMPANY.value`: an Enum member's value, exported under `COMPANY.value` (see pythonExports.ts).
		if (members.length >= 2 && members[members.length - 1] === 'value') members.splice(members.length - 2, 2, `${members[members.length - 2]}.value`);
		return { module, exportName, ...(members.length > 0 ? { members } : {}) };
	}

	/** A group type, property or event name; a literal's range excludes its quotes. */
	name(node: SyntaxNode): NameFact {
		const expression = unwrap(node);
		const range = { start: node.start, end: node.end };
		const written = stringLiteral(this.text, expression);
		if (written) return { kind: 'resolved', name: written.value, range: written.inner };
		const value = this.evaluate(expression);
		const plain = value?.kind === 'enum-member' ? (value.stringLike ? value.value : undefined) : value;
		if (plain?.kind === 'string' || plain?.kind === 'number') {
			const literal = plain.kind === 'string' && plain.literal ? stringLiteral(this.text, plain.literal) : undefined;
			return { kind: 'resolved', name: String(plain.value), range, ...(literal ? { literal: literal.inner } : {}) };
		}
		if (value?.kind === 'external') {
			const ref = this.importRef(value);
			if (ref && !isPackageModule(value.module)) return { kind: 'import', ref, range, text: this.textOf(node) };
		}
		return { kind: 'unresolved', range, text: this.textOf(node) };
	}

	/** A group value or property value. */
	value(node: SyntaxNode, depth = 0): ValueFact {
		const range = { start: node.start, end: node.end };
		const value = this.evaluate(node);
		const plain = value?.kind === 'enum-member' ? (value.stringLike ? value.value : undefined) : value;
		switch (plain?.kind) {
			case 'string':
			case 'number':
			case 'boolean':
				return { kind: plain.kind, value: plain.value, range } as ValueFact;
			case 'none':
				return { kind: 'null', range };
			case 'dict':
				return { kind: 'object', range };
			case 'list':
				if (depth > 4) return { kind: 'unknown', range };
				return { kind: 'array', items: plain.node.children.filter((item) => item.type !== 'list_splat').map((item) => this.value(item, depth + 1)), range };
			case 'external': {
				const ref = this.importRef(plain);
				return ref && !isPackageModule(plain.module) ? { kind: 'import', ref, range } : { kind: 'unknown', range };
			}
			default:
				return { kind: 'unknown', range };
		}
	}

	/** The dictionary literal an expression is (or a same-file name bound to one). */
	dictionary(node: SyntaxNode): SyntaxNode | undefined {
		const value = this.evaluate(node);
		return value?.kind === 'dict' ? value.node : undefined;
	}

	textOf(node: SyntaxNode): string {
		return this.text.slice(node.start, node.end);
	}
}

/**
 * Installed packages and standard-library modules the front end knows are never workspace modules:
 * names read through them are not import references, calls on them not candidates (the SDKs, and
 * the look-alike vendors and frameworks whose objects have `track`/`group`-like methods).
 */
const packageRoots: ReadonlySet<string> = new Set([
	'amplitude', 'segment', 'requests', 'httpx', 'aiohttp', 'urllib', 'urllib3', 'enum', 'typing', 'os', 'sys', 'json', 'logging',
	'unittest', 'pytest', 'mock', 'collections', 'dataclasses', 'datetime', 'functools', 'asyncio',
	'posthog', 'mixpanel', 'rudderstack', 'sentry_sdk', 'django', 'rest_framework', 'flask', 'fastapi', 'starlette', 'celery', 'sqlalchemy', 'pydantic', 'boto3', 'redis', 'stripe',
]);

export function isPackageModule(module: string): boolean {
	return packageRoots.has(module.split('.')[0]!);
}

function sameValue(a: PyValue, b: PyValue): boolean {
	if (a.kind !== b.kind) return false;
	if (a.kind === 'call' && b.kind === 'call') return a.node === b.node || (sameValue(a.callee, b.callee) && a.callee.kind === 'external');
	if (a.kind === 'external' && b.kind === 'external') return a.module === b.module && a.path.join('.') === b.path.join('.');
	if ((a.kind === 'string' || a.kind === 'number') && (b.kind === 'string' || b.kind === 'number')) return a.value === b.value;
	return a === b;
}
