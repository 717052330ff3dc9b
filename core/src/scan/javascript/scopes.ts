import * as ts from 'typescript';
import { isFunctionLike } from './syntaxWalk';

export type DeclarationKind = 'import' | 'const' | 'let' | 'var' | 'parameter' | 'function' | 'class' | 'enum' | 'catch';

/** One step from a destructured value to a bound name: `{ a }` → property a, `[x]` → index 0. */
export type BindingStep = { readonly property: string } | { readonly index: number } | { readonly rest: true };

/** A name bound in the file, with what it was bound to (syntax only). */
export interface Declaration {
	readonly name: string;
	readonly kind: DeclarationKind;
	/** The declaring node: VariableDeclaration, ParameterDeclaration, FunctionDeclaration, ImportSpecifier, … */
	readonly node: ts.Node;
	readonly initializer?: ts.Expression;
	/** For destructuring: how the name is read off the initializer. */
	readonly bindingPath: readonly BindingStep[];
	/** For imports: the module and the exported name (`default`, `*` for a namespace or a whole CommonJS module). */
	readonly importSource?: { readonly module: string; readonly exportName: string };
	readonly typeNode?: ts.TypeNode;
}

export class Scope {
	readonly declarations = new Map<string, Declaration>();
	constructor(
		readonly parent: Scope | undefined,
		readonly isFunctionScope: boolean,
	) {}

	/** The first declaration of a name wins, except that a function's implementation replaces its overload signatures. */
	declare(declaration: Declaration): void {
		const existing = this.declarations.get(declaration.name);
		const replacesOverload = existing?.kind === 'function' && ts.isFunctionDeclaration(existing.node) && !existing.node.body && declaration.kind === 'function';
		if (!existing || replacesOverload) this.declarations.set(declaration.name, declaration);
	}
}

/** Nodes that open a scope (besides functions): checked by kind, once per node of every scanned file. */
const blockScopeKinds: ReadonlySet<ts.SyntaxKind> = new Set([
	ts.SyntaxKind.SourceFile,
	ts.SyntaxKind.Block,
	ts.SyntaxKind.ModuleBlock,
	ts.SyntaxKind.CaseBlock,
	ts.SyntaxKind.ForStatement,
	ts.SyntaxKind.ForInStatement,
	ts.SyntaxKind.ForOfStatement,
	ts.SyntaxKind.CatchClause,
	ts.SyntaxKind.ClassStaticBlockDeclaration,
]);

function createsScope(node: ts.Node): boolean {
	return blockScopeKinds.has(node.kind) || isFunctionLike(node);
}

/**
 * The scopes of a file being edited, kept from one version to the next: the scopes inside a
 * statement that was top-level in the previous version and that the incremental parser reused as a
 * top-level statement are still right (their parent chains end at the same file scope object, whose
 * declarations are declared again for each version). FileModel walks every other statement again.
 */
export interface KeptScopes {
	readonly fileScope: Scope;
	readonly scopes: WeakMap<ts.Node, Scope>;
}

export function newKeptScopes(): KeptScopes {
	return { fileScope: new Scope(undefined, true), scopes: new WeakMap() };
}

/** Lexical scopes of one file, built in a single pre-order pass (`enter` every node, parents first). */
export class ScopeTree {
	private readonly scopes: WeakMap<ts.Node, Scope> | Map<ts.Node, Scope>;
	readonly fileScope: Scope;
	/** Where declarations made in the file scope are also written (the walk of one top-level statement, to replay it later). */
	fileDeclarations: Declaration[] | undefined;

	constructor(sourceFile: ts.SourceFile, kept?: KeptScopes) {
		this.fileScope = kept?.fileScope ?? new Scope(undefined, true);
		// A kept file scope still holds the previous version's declarations: each version declares them again.
		if (kept) this.fileScope.declarations.clear();
		this.scopes = kept?.scopes ?? new Map<ts.Node, Scope>();
		this.scopes.set(sourceFile, this.fileScope);
	}

	/** Declares again, in order, what an earlier walk of an unchanged top-level statement declared in the file scope. */
	redeclareInFileScope(declarations: readonly Declaration[]): void {
		for (const declaration of declarations) this.declareIn(this.fileScope, declaration);
	}

	/** Records the scope a node opens and the names it declares (one switch on its kind: this runs for every node). */
	enter(node: ts.Node): void {
		// (Always a new scope: a node the incremental parser reused inside a changed statement may hold one whose parent is gone.)
		if (node.parent && createsScope(node)) {
			this.scopes.set(node, new Scope(this.scopeAt(node.parent), isFunctionLike(node)));
		}
		switch (node.kind) {
			case ts.SyntaxKind.VariableDeclaration:
				this.declareVariable(node as ts.VariableDeclaration);
				break;
			case ts.SyntaxKind.Parameter: {
				const parameter = node as ts.ParameterDeclaration;
				if (isFunctionLike(parameter.parent)) this.declareBinding(parameter.name, 'parameter', parameter, undefined, this.scopeAt(parameter.parent), parameter.type);
				break;
			}
			case ts.SyntaxKind.FunctionDeclaration: {
				const name = (node as ts.FunctionDeclaration).name;
				if (name) this.declareName(name, 'function', node, this.scopeAt(node.parent));
				break;
			}
			case ts.SyntaxKind.FunctionExpression: {
				const name = (node as ts.FunctionExpression).name;
				if (name) this.declareName(name, 'function', node, this.scopeAt(node));
				break;
			}
			case ts.SyntaxKind.ClassDeclaration: {
				const name = (node as ts.ClassDeclaration).name;
				if (name) this.declareName(name, 'class', node, this.scopeAt(node.parent));
				break;
			}
			case ts.SyntaxKind.EnumDeclaration:
				this.declareName((node as ts.EnumDeclaration).name, 'enum', node, this.scopeAt(node.parent));
				break;
			case ts.SyntaxKind.ImportDeclaration:
				this.declareImport(node as ts.ImportDeclaration);
				break;
			case ts.SyntaxKind.ImportEqualsDeclaration:
				this.declareImportEquals(node as ts.ImportEqualsDeclaration);
				break;
		}
	}

	/** The innermost scope containing `node` (a scope-opening node is inside its own scope). */
	scopeAt(node: ts.Node): Scope {
		let current: ts.Node | undefined = node;
		while (current) {
			const scope = this.scopes.get(current);
			if (scope) return scope;
			current = current.parent;
		}
		return this.fileScope;
	}

	/** The declaration `name` refers to at `at`, walking out through enclosing scopes. */
	lookup(name: string, at: ts.Node): Declaration | undefined {
		for (let scope: Scope | undefined = this.scopeAt(at); scope; scope = scope.parent) {
			const found = scope.declarations.get(name);
			if (found) return found;
		}
		return undefined;
	}

	private declareVariable(node: ts.VariableDeclaration): void {
		if (ts.isCatchClause(node.parent)) {
			this.declareBinding(node.name, 'catch', node, undefined, this.scopeAt(node.parent));
			return;
		}
		const list = node.parent;
		const flags = ts.isVariableDeclarationList(list) ? list.flags : ts.NodeFlags.None;
		const kind: DeclarationKind = flags & ts.NodeFlags.Const ? 'const' : flags & (ts.NodeFlags.Let | ts.NodeFlags.Using | ts.NodeFlags.AwaitUsing) ? 'let' : 'var';
		let scope = this.scopeAt(node);
		if (kind === 'var') while (!scope.isFunctionScope && scope.parent) scope = scope.parent;
		this.declareBinding(node.name, kind, node, node.initializer, scope, node.type);
	}

	private declareIn(scope: Scope, declaration: Declaration): void {
		if (scope === this.fileScope) this.fileDeclarations?.push(declaration);
		scope.declare(declaration);
	}

	private declareName(name: ts.Identifier, kind: DeclarationKind, node: ts.Node, scope: Scope): void {
		this.declareIn(scope, { name: name.text, kind, node, bindingPath: [] });
	}

	/** Declares every name of a binding pattern (iteratively), each with its path from the initializer. */
	private declareBinding(name: ts.BindingName, kind: DeclarationKind, node: ts.Node, initializer: ts.Expression | undefined, scope: Scope, typeNode?: ts.TypeNode): void {
		const pending: { name: ts.BindingName; path: BindingStep[] }[] = [{ name, path: [] }];
		while (pending.length > 0) {
			const { name: current, path } = pending.pop()!;
			if (ts.isIdentifier(current)) {
				this.declareIn(scope, {
					name: current.text,
					kind,
					node,
					bindingPath: path,
					...(initializer ? { initializer } : {}),
					...(typeNode && path.length === 0 ? { typeNode } : {}),
				});
			} else if (ts.isObjectBindingPattern(current)) {
				for (const element of current.elements) {
					const key = element.propertyName ?? element.name;
					const step: BindingStep = element.dotDotDotToken
						? { rest: true }
						: ts.isIdentifier(key) || ts.isStringLiteral(key) || ts.isNumericLiteral(key)
							? { property: key.text }
							: { rest: true };
					pending.push({ name: element.name, path: [...path, step] });
				}
			} else {
				current.elements.forEach((element, index) => {
					if (ts.isOmittedExpression(element)) return;
					pending.push({ name: element.name, path: [...path, element.dotDotDotToken ? { rest: true } : { index }] });
				});
			}
		}
	}

	private declareImport(node: ts.ImportDeclaration): void {
		const clause = node.importClause;
		if (!clause || !ts.isStringLiteral(node.moduleSpecifier)) return;
		const module = node.moduleSpecifier.text;
		const declare = (local: ts.Identifier, exportName: string, declaringNode: ts.Node): void =>
			this.declareIn(this.fileScope, { name: local.text, kind: 'import', node: declaringNode, bindingPath: [], importSource: { module, exportName } });
		if (clause.name) declare(clause.name, 'default', clause);
		const bindings = clause.namedBindings;
		if (bindings && ts.isNamespaceImport(bindings)) declare(bindings.name, '*', bindings);
		else if (bindings) {
			for (const specifier of bindings.elements) {
				const imported = specifier.propertyName ?? specifier.name;
				declare(specifier.name, imported.text, specifier);
			}
		}
	}

	private declareImportEquals(node: ts.ImportEqualsDeclaration): void {
		const reference = node.moduleReference;
		if (!ts.isExternalModuleReference(reference) || !ts.isStringLiteral(reference.expression)) return;
		this.declareIn(this.fileScope, { name: node.name.text, kind: 'import', node, bindingPath: [], importSource: { module: reference.expression.text, exportName: '*' } });
	}
}
