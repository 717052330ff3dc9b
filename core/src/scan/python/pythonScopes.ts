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

	private newScope(kind: Scope['kind'], node: SyntaxNode, parent: Scope | undefined, memo?: FunctionMemo): Scope {
		const scope: Scope = { kind, node, parent, bindings: new Map(), starImports: [], selfAttributes: new Map() };
		this.scopeByNode.set(node, scope);
		memo?.scopes.push(scope);
		return scope;
	}

	private addSelfAttribute(classScope: Scope, name: string, binding: Binding): void {
		const list = classScope.selfAttributes.get(name);
		if (list) list.push(binding);
		else classScope.selfAttributes.set(name, [binding]);
	}

	private bind(scope: Scope, name: string, binding: Binding): void {
		const list = scope.bindings.get(name);
		if (list) list.push(binding);
		else scope.bindings.set(name, [binding]);
	}

	private collect(root: SyntaxNode): void {
		const stack: Visit[] = [{ node: root, scope: this.module, classScope: undefined, memo: undefined }];
		while (stack.length > 0) {
			const { node, scope, classScope, memo } = stack.pop()!;
			let inner = scope;
			let innerClass = classScope;
			let innerMemo = memo;
			switch (node.type) {
				case 'function_definition':
				case 'lambda': {
					const name = fieldOf(node, 'name');
					const remembered = node.type === 'function_definition' ? functionMemos.get(node) : undefined;
					if (remembered && remembered.text === this.text.slice(node.start, node.end)) {
						if (name) this.bind(scope, this.textOf(name), functionBinding(node, remembered.scope));
						this.reuse(remembered, scope, memo);
						continue;
					}
					inner = this.newScope('function', node, scope, memo);
					if (name) this.bind(scope, this.textOf(name), functionBinding(node, inner));
					if (node.type === 'function_definition') {
						innerMemo = { text: this.text.slice(node.start, node.end), scope: inner, scopes: [], selfAttributes: [], importedModules: [], nested: [] };
						functionMemos.set(node, innerMemo);
						memo?.nested.push(innerMemo);
					}
					const parameters = fieldOf(node, 'parameters');
					for (const identifier of parameters ? boundIdentifiers(parameters) : []) this.bind(inner, this.textOf(identifier), unknownBinding(node));
					// `self.x = …` in a method belongs to the class it is defined in.
					innerClass = scope.kind === 'class' ? scope : undefined;
					break;
				}
				case 'class_definition': {
					const name = fieldOf(node, 'name');
					const body = fieldOf(node, 'body');
					inner = this.newScope('class', body ?? node, scope, memo);
					if (name) this.bind(scope, this.textOf(name), { kind: 'class', get at() { return node.start; }, node, scope: inner });
					break;
				}
				case 'assignment':
					this.assignment(node, scope, classScope, memo);
					break;
				case 'named_expression': {
					const name = fieldOf(node, 'name');
					const value = fieldOf(node, 'value');
					if (name && value) this.bind(scope, this.textOf(name), valueBinding(node, value, scope));
					break;
				}
				case 'augmented_assignment':
				case 'for_statement':
				case 'for_in_clause':
				case 'as_pattern':
				case 'except_clause': {
					const target = fieldOf(node, 'left') ?? fieldOf(node, 'alias') ?? node.children.find((child) => child.type === 'identifier' && node.type === 'except_clause' && child !== node.children[0]);
					if (target) for (const identifier of boundIdentifiers(target)) this.bind(scope, this.textOf(identifier), unknownBinding(node));
					break;
				}
				case 'import_statement':
				case 'import_from_statement':
					this.imports(node, scope, memo);
					break;
				case 'global_statement':
				case 'nonlocal_statement':
					break;
			}
			for (let i = node.children.length - 1; i >= 0; i--) stack.push({ node: node.children[i]!, scope: inner, classScope: innerClass, memo: innerMemo });
		}
	}

	/**
	 * A function whose subtree the previous version's scan already read (the same node, taken over by
	 * an incremental copy, with the same text): its scopes are linked in again instead of rebuilt, and
	 * what it contributes outside itself (its methods' `self.x = …`, its imported modules) is added again.
	 */
	private reuse(memo: FunctionMemo, scope: Scope, outer: FunctionMemo | undefined): void {
		(memo.scope as { parent: Scope | undefined }).parent = scope;
		outer?.nested.push(memo);
		const link = (current: FunctionMemo): void => {
			this.scopeByNode.set(current.scope.node, current.scope);
			for (const inner of current.scopes) this.scopeByNode.set(inner.node, inner);
			for (const module of current.importedModules) this.importedModules.add(module);
			current.nested.forEach(link);
		};
		link(memo);
		if (scope.kind === 'class') for (const [name, binding] of memo.selfAttributes) this.addSelfAttribute(scope, name, binding);
	}

	private assignment(node: SyntaxNode, scope: Scope, classScope: Scope | undefined, memo: FunctionMemo | undefined): void {
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
				this.bind(scope, this.textOf(left), value ? valueBinding(node, value, scope) : unknownBinding(node));
			} else if (left.type === 'attribute' && classScope) {
				const object = fieldOf(left, 'object');
				const attribute = fieldOf(left, 'attribute');
				if (object && attribute && object.type === 'identifier' && this.textOf(object) === 'self') {
					const name = this.textOf(attribute);
					const binding = value ? valueBinding(node, value, scope) : unknownBinding(node);
					this.addSelfAttribute(classScope, name, binding);
					memo?.selfAttributes.push([name, binding]);
				}
			} else if (left.type !== 'attribute' && left.type !== 'subscript') {
				for (const identifier of boundIdentifiers(left)) this.bind(scope, this.textOf(identifier), unknownBinding(node));
			}
		}
	}

	private imports(node: SyntaxNode, scope: Scope, memo: FunctionMemo | undefined): void {
		if (node.type === 'import_statement') {
			for (const item of fieldsOf(node, 'name')) {
				if (item.type === 'dotted_name') {
					const module = this.textOf(item).replace(/\s+/g, '');
					this.importedModules.add(module);
					memo?.importedModules.push(module);
					this.bind(scope, module.split('.')[0]!, moduleBinding(node, module.split('.')[0]!));
				} else if (item.type === 'aliased_import') {
					const name = fieldOf(item, 'name');
					const alias = fieldOf(item, 'alias');
					if (name && alias) this.bind(scope, this.textOf(alias), moduleBinding(node, this.textOf(name).replace(/\s+/g, '')));
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
				this.bind(scope, name, fromBinding(node, module, name));
			} else if (item.type === 'aliased_import') {
				const name = fieldOf(item, 'name');
				const alias = fieldOf(item, 'alias');
				if (name && alias) this.bind(scope, this.textOf(alias), fromBinding(node, module, this.textOf(name)));
			}
		}
	}

	private textOf(node: SyntaxNode): string {
		return this.text.slice(node.start, node.end);
	}
}

interface Visit {
	readonly node: SyntaxNode;
	readonly scope: Scope;
	readonly classScope: Scope | undefined;
	/** The function being read, whose memo collects what its subtree adds. */
	readonly memo: FunctionMemo | undefined;
}

/**
 * What reading a function's subtree gave: everything in it depends on that subtree alone (and its
 * text), so a later scan of an incrementally copied tree, where the same node object stands for an
 * unchanged function, links it in again instead of reading it (see copySyntaxTree.ts).
 */
interface FunctionMemo {
	readonly text: string;
	readonly scope: Scope;
	/** Scopes inside it other than its own and those of nested functions (lambdas, classes). */
	readonly scopes: Scope[];
	/** Its `self.x = …` assignments, for the class it is a method of. */
	readonly selfAttributes: [string, Binding][];
	readonly importedModules: string[];
	readonly nested: FunctionMemo[];
}

const functionMemos = new WeakMap<SyntaxNode, FunctionMemo>();

// A binding's offset is its statement's: read from the node, which an incremental copy moves in place.
function valueBinding(statement: SyntaxNode, value: SyntaxNode, scope: Scope): Binding {
	return { kind: 'value', get at() { return statement.start; }, value, scope };
}
function unknownBinding(statement: SyntaxNode): Binding {
	return { kind: 'unknown', get at() { return statement.start; } };
}
function moduleBinding(statement: SyntaxNode, module: string): Binding {
	return { kind: 'module', get at() { return statement.start; }, module };
}
function fromBinding(statement: SyntaxNode, module: string, name: string): Binding {
	return { kind: 'from', get at() { return statement.start; }, module, name };
}
function functionBinding(node: SyntaxNode, scope: Scope): Binding {
	return { kind: 'function', get at() { return node.start; }, node, scope };
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
