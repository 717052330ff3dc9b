import * as ts from 'typescript';
import type { TextRange } from '../../text/textRange';
import { addTo } from '../../util/multiMap';
import { newKeptScopes, ScopeTree, type Declaration, type KeptScopes } from './scopes';
import { accessedMemberName, isFunctionLike, unwrapExpression, walkSyntax } from './syntaxWalk';

/** What a class's `this.<name>` may hold: assigned expressions, field initialisers, or typed constructor parameters. */
export type ThisFieldSource = ts.Expression | ts.ParameterDeclaration;

/** What the model's walk gathers from one top-level statement (or, when nothing is kept, from the whole file). */
interface WalkFindings {
	readonly calls: ts.CallExpression[];
	readonly objectLiterals: ts.ObjectLiteralExpression[];
	readonly moduleSpecifiers: string[];
	readonly commonJsExports: { readonly name: string | undefined; readonly value: ts.Expression }[];
	readonly nameAssignments: { readonly target: ts.Identifier; readonly value: ts.Expression }[];
	readonly thisFields: { readonly owner: ts.ClassLikeDeclaration; readonly name: string; readonly source: ThisFieldSource }[];
	readonly returns: ts.ReturnStatement[];
	/** The declarations it made in the file scope, in order. */
	readonly fileDeclarations: Declaration[];
}

function noFindings(): WalkFindings {
	return { calls: [], objectLiterals: [], moduleSpecifiers: [], commonJsExports: [], nameAssignments: [], thisFields: [], returns: [], fileDeclarations: [] };
}

/**
 * The model's state kept for a file being edited: the scopes, and what the walk found in each
 * top-level statement of the previous version, by statement node. The incremental parser reuses
 * the node of a statement whose text an edit did not touch, so only the statements it re-created
 * are walked again. Only the previous version's statements count: a node the parser moved from
 * inside another statement (where it was walked, and given scopes, as part of it) is walked again.
 */
export interface KeptModel {
	readonly scopes: KeptScopes;
	statements: Map<ts.Statement, WalkFindings>;
}

export function newKeptModel(): KeptModel {
	return { scopes: newKeptScopes(), statements: new Map() };
}

/**
 * One parsed file and everything the recognisers look up, gathered in a single walk: scopes and
 * declarations, every call and object literal, assignments to plain names and to `this.<field>`.
 */
export class FileModel {
	readonly scopes: ScopeTree;
	readonly calls: ts.CallExpression[];
	readonly objectLiterals: ts.ObjectLiteralExpression[];
	/** Module specifiers in source order: imports, `export … from`, `require()`, `import()`. */
	readonly moduleSpecifiers: string[];
	/** CommonJS exports: `exports.x = …`, `module.exports.x = …`, `module.exports = {…}`. */
	readonly commonJsExports: { readonly name: string | undefined; readonly value: ts.Expression }[];
	private readonly nameAssignments: { readonly target: ts.Identifier; readonly value: ts.Expression }[];
	private readonly thisFields = new Map<ts.ClassLikeDeclaration, Map<string, ThisFieldSource[]>>();
	private assignmentsByDeclaration: Map<Declaration, ts.Expression[]> | undefined;
	private memberCallsByDeclaration: Map<Declaration, ts.CallExpression[]> | undefined;
	private returnsByFunction: Map<ts.Node, ts.ReturnStatement[]> | undefined;
	/** Where the walk writes. */
	private found: WalkFindings;

	constructor(
		readonly sourceFile: ts.SourceFile,
		/** The parsed text (for embedded scripts: the blanked copy, same offsets as the original). */
		readonly text: string,
		/** For a file being edited: what the walk of the previous version found, reused for unchanged statements (and updated). */
		kept?: KeptModel,
	) {
		this.scopes = new ScopeTree(sourceFile, kept?.scopes);
		if (!kept) {
			this.found = noFindings();
			walkSyntax(sourceFile, (node) => this.visit(node));
		} else {
			const all = noFindings();
			const walked = new Map<ts.Statement, WalkFindings>();
			for (const statement of sourceFile.statements) {
				let found = kept.statements.get(statement);
				if (found) this.scopes.redeclareInFileScope(found.fileDeclarations);
				else found = this.walkStatement(sourceFile, statement);
				walked.set(statement, found);
				appendFindings(all, found);
			}
			kept.statements = walked;
			this.found = all;
		}
		({ calls: this.calls, objectLiterals: this.objectLiterals, moduleSpecifiers: this.moduleSpecifiers, commonJsExports: this.commonJsExports, nameAssignments: this.nameAssignments } = this.found);
		for (const { owner, name, source } of this.found.thisFields) {
			let fields = this.thisFields.get(owner);
			if (!fields) this.thisFields.set(owner, (fields = new Map()));
			addTo(fields, name, source);
		}
	}

	private walkStatement(sourceFile: ts.SourceFile, statement: ts.Statement): WalkFindings {
		const found = noFindings();
		this.found = found;
		this.scopes.fileDeclarations = found.fileDeclarations;
		(statement as { parent: ts.Node }).parent = sourceFile;
		walkSyntax(statement, (node) => this.visit(node));
		this.scopes.fileDeclarations = undefined;
		return found;
	}

	rangeOf(node: ts.Node): TextRange {
		return { start: node.getStart(this.sourceFile), end: node.getEnd() };
	}

	textOf(node: ts.Node): string {
		return node.getText(this.sourceFile);
	}

	declarationOf(identifier: ts.Identifier): Declaration | undefined {
		return this.scopes.lookup(identifier.text, identifier);
	}

	/** Expressions assigned to a declared name after its declaration (`let c; c = createInstance()`). */
	assignmentsTo(declaration: Declaration): readonly ts.Expression[] {
		if (!this.assignmentsByDeclaration) {
			this.assignmentsByDeclaration = new Map();
			for (const { target, value } of this.nameAssignments) {
				const declared = this.declarationOf(target);
				if (declared) addTo(this.assignmentsByDeclaration, declared, value);
			}
		}
		return this.assignmentsByDeclaration.get(declaration) ?? [];
	}

	/** Calls `name.method(…)` whose receiver is the declared name (e.g. `identify.set('plan', p)`). */
	memberCallsOn(declaration: Declaration): readonly ts.CallExpression[] {
		if (!this.memberCallsByDeclaration) {
			this.memberCallsByDeclaration = new Map();
			for (const call of this.calls) {
				const callee = call.expression;
				if (!ts.isPropertyAccessExpression(callee)) continue;
				const receiver = unwrapExpression(callee.expression);
				if (!ts.isIdentifier(receiver)) continue;
				const declared = this.declarationOf(receiver);
				if (declared) addTo(this.memberCallsByDeclaration, declared, call);
			}
		}
		return this.memberCallsByDeclaration.get(declaration) ?? [];
	}

	/** A function's own `return` statements (not those of functions nested in it), in source order. */
	returnsOf(fn: ts.FunctionLikeDeclaration): readonly ts.ReturnStatement[] {
		if (!this.returnsByFunction) {
			this.returnsByFunction = new Map();
			for (const statement of this.found.returns) {
				let owner: ts.Node | undefined = statement.parent;
				while (owner && !isFunctionLike(owner)) owner = owner.parent;
				if (owner) addTo(this.returnsByFunction, owner, statement);
			}
		}
		return this.returnsByFunction.get(fn) ?? [];
	}

	/** What `this.<name>` may hold inside `at`'s class. */
	thisFieldSources(at: ts.Node, name: string): readonly ThisFieldSource[] {
		const owner = enclosingClassOfThis(at);
		return owner ? (this.thisFields.get(owner)?.get(name) ?? []) : [];
	}

	/** One node of the walk (one switch on its kind: this runs for every node of every scanned file). */
	private visit(node: ts.Node): boolean {
		const kind = node.kind;
		// Interfaces and type aliases hold no calls, values or bindings the recognisers read.
		if (kind === ts.SyntaxKind.InterfaceDeclaration || kind === ts.SyntaxKind.TypeAliasDeclaration) return false;
		this.scopes.enter(node);
		switch (kind) {
			case ts.SyntaxKind.CallExpression:
				this.visitCall(node as ts.CallExpression);
				break;
			case ts.SyntaxKind.ObjectLiteralExpression:
				this.found.objectLiterals.push(node as ts.ObjectLiteralExpression);
				break;
			case ts.SyntaxKind.ReturnStatement:
				this.found.returns.push(node as ts.ReturnStatement);
				break;
			case ts.SyntaxKind.BinaryExpression:
				if ((node as ts.BinaryExpression).operatorToken.kind === ts.SyntaxKind.EqualsToken) this.visitAssignment(node as ts.BinaryExpression);
				break;
			case ts.SyntaxKind.ImportDeclaration:
			case ts.SyntaxKind.ExportDeclaration: {
				const specifier = (node as ts.ImportDeclaration | ts.ExportDeclaration).moduleSpecifier;
				if (specifier && ts.isStringLiteral(specifier)) this.found.moduleSpecifiers.push(specifier.text);
				break;
			}
			case ts.SyntaxKind.ImportEqualsDeclaration: {
				const reference = (node as ts.ImportEqualsDeclaration).moduleReference;
				if (ts.isExternalModuleReference(reference) && ts.isStringLiteral(reference.expression)) this.found.moduleSpecifiers.push(reference.expression.text);
				break;
			}
			case ts.SyntaxKind.PropertyDeclaration: {
				const property = node as ts.PropertyDeclaration;
				if (!property.initializer || !ts.isClassLike(property.parent)) break;
				const name = ts.isIdentifier(property.name) || ts.isPrivateIdentifier(property.name) ? property.name.text : undefined;
				if (name) this.addThisField(property.parent, name, property.initializer);
				break;
			}
			case ts.SyntaxKind.Parameter: {
				const parameter = node as ts.ParameterDeclaration;
				if (ts.isConstructorDeclaration(parameter.parent) && ts.isIdentifier(parameter.name) && hasParameterPropertyModifier(parameter)) {
					this.addThisField(parameter.parent.parent, parameter.name.text, parameter);
				}
				break;
			}
		}
		return true;
	}

	private visitCall(node: ts.CallExpression): void {
		this.found.calls.push(node);
		const [first] = node.arguments;
		const isRequire = ts.isIdentifier(node.expression) && node.expression.text === 'require';
		const isDynamicImport = node.expression.kind === ts.SyntaxKind.ImportKeyword;
		if ((isRequire || isDynamicImport) && first && ts.isStringLiteralLike(first)) this.found.moduleSpecifiers.push(first.text);
	}

	private visitAssignment(node: ts.BinaryExpression): void {
		const target = unwrapExpression(node.left);
		if (ts.isIdentifier(target)) {
			this.found.nameAssignments.push({ target, value: node.right });
			return;
		}
		if (!ts.isPropertyAccessExpression(target) && !ts.isElementAccessExpression(target)) return;
		const name = accessedMemberName(target);
		const base = unwrapExpression(target.expression);
		if (base.kind === ts.SyntaxKind.ThisKeyword && name) {
			const owner = enclosingClassOfThis(node); // (from the assignment: its `this` has no parent yet, the walk sets parents on the way down)
			if (owner) this.addThisField(owner, name, node.right);
			return;
		}
		if (isCommonJsExportsObject(base) && name) this.found.commonJsExports.push({ name, value: node.right });
		else if (ts.isIdentifier(base) && base.text === 'module' && name === 'exports') this.found.commonJsExports.push({ name: undefined, value: node.right });
	}

	private addThisField(owner: ts.ClassLikeDeclaration, name: string, source: ThisFieldSource): void {
		this.found.thisFields.push({ owner, name, source });
	}
}

function appendFindings(into: WalkFindings, from: WalkFindings): void {
	for (const key of ['calls', 'objectLiterals', 'moduleSpecifiers', 'commonJsExports', 'nameAssignments', 'thisFields', 'returns'] as const) {
		const target = into[key] as unknown[];
		for (const item of from[key]) target.push(item);
	}
}

function hasParameterPropertyModifier(node: ts.ParameterDeclaration): boolean {
	return (ts.getModifiers(node) ?? []).some(
		(modifier) =>
			modifier.kind === ts.SyntaxKind.PrivateKeyword ||
			modifier.kind === ts.SyntaxKind.PublicKeyword ||
			modifier.kind === ts.SyntaxKind.ProtectedKeyword ||
			modifier.kind === ts.SyntaxKind.ReadonlyKeyword,
	);
}

/** `exports` or `module.exports`. */
function isCommonJsExportsObject(node: ts.Expression): boolean {
	if (ts.isIdentifier(node)) return node.text === 'exports';
	return ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'module' && node.name.text === 'exports';
}

/** The class whose instance `this` is at `node`: arrow functions keep the outer `this`, other functions rebind it. */
export function enclosingClassOfThis(node: ts.Node): ts.ClassLikeDeclaration | undefined {
	let current: ts.Node | undefined = node.parent;
	while (current) {
		if (ts.isClassLike(current)) return current;
		if (isFunctionLike(current) && !ts.isArrowFunction(current)) {
			return current.parent && ts.isClassLike(current.parent) ? current.parent : undefined;
		}
		current = current.parent;
	}
	return undefined;
}
