import { fieldOf, fieldsOf, type SyntaxNode } from '../treeSitter/syntaxNodes';
import { unwrap } from './pythonSyntax';

/** What a name is bound to in a scope, as far as the file's syntax tells. */
export type Binding =
	/** `x = <value>` (also `x: T = <value>`, `(x := <value>)`, chained `a = x = <value>`). */
	| { readonly kind: 'value'; readonly at: number; readonly value: SyntaxNode; readonly scope: Scope }
	/** `import a.b` (binds `a` to the module `a`), `import a.b as c` (binds `c` to `a.b`). */
	| { readonly kind: 'module'; readonly at: number; readonly module: string }
	/** `from m import n as x`: the name `n` of module `m` (as written: `.constants`, `amplitude`). */
	| { readonly kind: 'from'; readonly at: number; readonly module: string; readonly name: string }
	| { readonly kind: 'function'; readonly at: number; readonly node: SyntaxNode; readonly scope: Scope }
	| { readonly kind: 'class'; readonly at: number; readonly node: SyntaxNode; readonly scope: Scope }
	/** A parameter, loop variable, `with … as`, unpacking, `+=`…: not statically known. */
	| { readonly kind: 'unknown'; readonly at: number };

export interface Scope {
	readonly kind: 'module' | 'function' | 'class';
	readonly node: SyntaxNode;
	readonly parent: Scope | undefined;
	readonly bindings: Map<string, Binding[]>;
	/** Modules of `from m import *` (module scope only). */
	readonly starImports: string[];
	/** For a class: `self.x = <value>` assignments in its methods, by attribute name. */
	readonly selfAttributes: Map<string, Binding[]>;
}

/**
 * The scopes of one Python file, built in one iterative pass: module, functions (and lambdas) and
 * class bodies, each with its bindings in source order. Names resolve as Python does: the function's
 * own scope, then enclosing functions (class bodies are skipped), then the module.
 */
export class PythonScopes {
	readonly module: Scope;
	private readonly scopeByNode = new Map<SyntaxNode, Scope>();
	/** Every module name written in an `import a.b.c` (so `a.b.c.X` reads as module `a.b.c`, name `X`). */
	readonly importedModules = new Set<string>();

	constructor(
		private readonly text: string,
		root: SyntaxNode,
	) {
		this.module = this.newScope('module', root, undefined);
		this.collect(root);
	}

	/** The innermost scope around `node`. */
	scopeAt(node: SyntaxNode): Scope {
		for (let current: SyntaxNode | undefined = node.parent; current; current = current.parent) {
			const scope = this.scopeByNode.get(current);
			if (scope && !(scope.kind === 'class' && isClassHeaderPart(node, current))) return scope;
		}
		return this.module;
	}

	/** The binding of `name` used at `at` from `scope`. */
	lookup(name: string, scope: Scope, at: number): Binding | undefined {
		let current: Scope | undefined = scope;
		let first = true;
		while (current) {
			if (first || current.kind !== 'class') {
				const found = pick(current.bindings.get(name), first ? at : undefined);
				if (found) return found;
			}
			first = false;
			current = current.parent;
		}
		return undefined;
	}

	private newScope(kind: Scope['kind'], node: SyntaxNode, parent: Scope | undefined): Scope {
		const scope: Scope = { kind, node, parent, bindings: new Map(), starImports: [], selfAttributes: new Map() };
		this.scopeByNode.set(node, scope);
		return scope;
	}

	private bind(scope: Scope, name: string, binding: Binding): void {
		const list = scope.bindings.get(name);
		if (list) list.push(binding);
		else scope.bindings.set(name, [binding]);
	}

	private collect(root: SyntaxNode): void {
		const stack: { node: SyntaxNode; scope: Scope; classScope: Scope | undefined }[] = [{ node: root, scope: this.module, classScope: undefined }];
		while (stack.length > 0) {
			const { node, scope, classScope } = stack.pop()!;
			let inner = scope;
			let innerClass = classScope;
			switch (node.type) {
				case 'function_definition':
				case 'lambda': {
					const name = fieldOf(node, 'name');
					inner = this.newScope('function', node, scope);
					if (name) this.bind(scope, this.textOf(name), { kind: 'function', at: node.start, node, scope: inner });
					const parameters = fieldOf(node, 'parameters');
					for (const identifier of parameters ? boundIdentifiers(parameters) : []) this.bind(inner, this.textOf(identifier), { kind: 'unknown', at: node.start });
					// `self.x = …` in a method belongs to the class it is defined in.
					innerClass = scope.kind === 'class' ? scope : undefined;
					break;
				}
				case 'class_definition': {
					const name = fieldOf(node, 'name');
					const body = fieldOf(node, 'body');
					inner = this.newScope('class', body ?? node, scope);
					if (name) this.bind(scope, this.textOf(name), { kind: 'class', at: node.start, node, scope: inner });
					break;
				}
				case 'assignment':
					this.assignment(node, scope, classScope);
					break;
				case 'named_expression': {
					const name = fieldOf(node, 'name');
					const value = fieldOf(node, 'value');
					if (name && value) this.bind(scope, this.textOf(name), { kind: 'value', at: node.start, value, scope });
					break;
				}
				case 'augmented_assignment':
				case 'for_statement':
				case 'for_in_clause':
				case 'as_pattern':
				case 'except_clause': {
					const target = fieldOf(node, 'left') ?? fieldOf(node, 'alias') ?? node.children.find((child) => child.type === 'identifier' && node.type === 'except_clause' && child !== node.children[0]);
					if (target) for (const identifier of boundIdentifiers(target)) this.bind(scope, this.textOf(identifier), { kind: 'unknown', at: node.start });
					break;
				}
				case 'import_statement':
				case 'import_from_statement':
					this.imports(node, scope);
					break;
				case 'global_statement':
				case 'nonlocal_statement':
					break;
			}
			for (let i = node.children.length - 1; i >= 0; i--) stack.push({ node: node.children[i]!, scope: inner, classScope: innerClass });
		}
	}

	private assignment(node: SyntaxNode, scope: Scope, classScope: Scope | undefined): void {
		// `a = b = value`: the innermost right-hand side is every target's value.
		let value = fieldOf(node, 'right');
		while (value?.type === 'assignment') value = fieldOf(value, 'right');
		const targets: SyntaxNode[] = [];
		for (let current: SyntaxNode | undefined = node; current?.type === 'assignment'; current = fieldOf(current, 'right')) {
			const left = fieldOf(current, 'left');
			if (left) targets.push(left);
		}
		for (const target of targets) {
			const left = unwrap(target);
			if (left.type === 'identifier') {
				this.bind(scope, this.textOf(left), value ? { kind: 'value', at: node.start, value, scope } : { kind: 'unknown', at: node.start });
			} else if (left.type === 'attribute' && classScope) {
				const object = fieldOf(left, 'object');
				const attribute = fieldOf(left, 'attribute');
				if (object && attribute && object.type === 'identifier' && this.textOf(object) === 'self') {
					const name = this.textOf(attribute);
					const binding: Binding = value ? { kind: 'value', at: node.start, value, scope } : { kind: 'unknown', at: node.start };
					const list = classScope.selfAttributes.get(name);
					if (list) list.push(binding);
					else classScope.selfAttributes.set(name, [binding]);
				}
			} else if (left.type !== 'attribute' && left.type !== 'subscript') {
				for (const identifier of boundIdentifiers(left)) this.bind(scope, this.textOf(identifier), { kind: 'unknown', at: node.start });
			}
		}
	}

	private imports(node: SyntaxNode, scope: Scope): void {
		const at = node.start;
		if (node.type === 'import_statement') {
			for (const item of fieldsOf(node, 'name')) {
				if (item.type === 'dotted_name') {
					const module = this.textOf(item).replace(/\s+/g, '');
					this.importedModules.add(module);
					this.bind(scope, module.split('.')[0]!, { kind: 'module', at, module: module.split('.')[0]! });
				} else if (item.type === 'aliased_import') {
					const name = fieldOf(item, 'name');
					const alias = fieldOf(item, 'alias');
					if (name && alias) this.bind(scope, this.textOf(alias), { kind: 'module', at, module: this.textOf(name).replace(/\s+/g, '') });
				}
			}
			return;
		}
		const moduleNode = fieldOf(node, 'module_name');
		if (!moduleNode) return;
		const module = this.textOf(moduleNode).replace(/\s+/g, '');
		if (node.children.some((child) => child.type === 'wildcard_import')) {
			scope.starImports.push(module);
			return;
		}
		for (const item of fieldsOf(node, 'name')) {
			if (item.type === 'dotted_name') {
				const name = this.textOf(item);
				this.bind(scope, name, { kind: 'from', at, module, name });
			} else if (item.type === 'aliased_import') {
				const name = fieldOf(item, 'name');
				const alias = fieldOf(item, 'alias');
				if (name && alias) this.bind(scope, this.textOf(alias), { kind: 'from', at, module, name: this.textOf(name) });
			}
		}
	}

	private textOf(node: SyntaxNode): string {
		return this.text.slice(node.start, node.end);
	}
}

/** The last binding before `at` (a use sees the assignment above it), else the last one (a function body sees the module's final value). */
function pick(bindings: readonly Binding[] | undefined, at: number | undefined): Binding | undefined {
	if (!bindings || bindings.length === 0) return undefined;
	if (at !== undefined) {
		for (let i = bindings.length - 1; i >= 0; i--) if (bindings[i]!.at < at) return bindings[i];
	}
	return bindings[bindings.length - 1];
}

/** A class's decorators, bases and name are evaluated in the enclosing scope, not the class body. */
function isClassHeaderPart(node: SyntaxNode, classBody: SyntaxNode): boolean {
	return !(node.start >= classBody.start && node.end <= classBody.end);
}

/** The identifiers a target or parameter list binds (`a`, `a, b`, `(a, *b)`, `x: int = 1`, `*args`). */
function boundIdentifiers(node: SyntaxNode): SyntaxNode[] {
	if (node.type === 'identifier') return [node];
	const found: SyntaxNode[] = [];
	const stack = [node];
	while (stack.length > 0) {
		const current = stack.pop()!;
		if (current.type === 'identifier') {
			// Default values and annotations are not bound names.
			if (current.field !== 'value' && current.field !== 'type') found.push(current);
			continue;
		}
		if (current.type === 'attribute' || current.type === 'subscript' || current.field === 'value' || current.field === 'type') continue;
		for (const child of current.children) stack.push(child);
	}
	return found;
}
