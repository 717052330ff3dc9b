import * as ts from 'typescript';
import type { ImportRef } from '../callFacts';
import { memberOfImport } from './constantValues';
import type { FileModel } from './fileModel';
import {
	clientFromCall,
	clientFromConstruction,
	clientFromTypeName,
	defaultImportPath,
	isForeignVendorModule,
	moduleRootClient,
	sdkModuleOf,
	type SdkClient,
	type SdkModuleId,
} from './sdkModules';
import type { BindingStep, Declaration } from './scopes';
import { isFunctionLike, isMemberAccess, memberChain, unwrapExpression } from './syntaxWalk';

/** How deep resolution follows consts, calls and returns before giving up (keeps the stack shallow). */
const maxDepth = 32;

/**
 * What an expression holds, as far as import sources and data flow in this file tell:
 * - `sdk`: something read off an SDK package or global (`module` + member `path`), or a client
 *   (`client`) with members read off it. `path` [] with a `client` is the client itself.
 * - `external`: read off an import from another file (the workspace index decides what it is).
 * - `window`: the browser global object.
 * - `function`: a function declared in this file (calling it yields what it returns).
 */
export type SymbolicValue =
	| { readonly kind: 'sdk'; readonly module?: SdkModuleId; readonly client?: SdkClient; readonly path: readonly string[] }
	| { readonly kind: 'external'; readonly ref: ImportRef; readonly via: 'value' | 'call-result'; readonly members: readonly string[] }
	| { readonly kind: 'window' }
	| { readonly kind: 'function'; readonly node: ts.FunctionLikeDeclaration };

/** A recognised receiver of a method call. */
export type ResolvedReceiver =
	| { readonly kind: 'client'; readonly client: SdkClient }
	| { readonly kind: 'external'; readonly ref: ImportRef; readonly via: 'value' | 'call-result'; readonly members: readonly string[] };

/** Resolves receivers and callees by import source and data flow: never by a variable's name alone. */
export class ReceiverResolver {
	private readonly cache = new Map<ts.Node, SymbolicValue | null>();
	private readonly inProgress = new Set<ts.Node>();
	private readonly byDeclaration = new Map<Declaration, SymbolicValue | null>();

	constructor(private readonly model: FileModel) {}

	/** The client (or imported value) `expression` is, if it is one. */
	receiver(expression: ts.Expression): ResolvedReceiver | undefined {
		return asReceiver(this.resolve(expression));
	}

	/** For a direct call `f(…)`: when `f` is a method read off a client (`import { setGroup as sg }`), that client and method name. */
	calledMethod(callee: ts.Expression): { readonly client: SdkClient; readonly method: string } | undefined {
		const value = this.resolve(callee);
		if (value?.kind !== 'sdk' || value.path.length === 0) return undefined;
		const method = value.path[value.path.length - 1]!;
		const receiver = asReceiver({ ...value, path: value.path.slice(0, -1) });
		return receiver?.kind === 'client' ? { client: receiver.client, method } : undefined;
	}

	resolve(expression: ts.Expression, depth = 0): SymbolicValue | undefined {
		if (depth > maxDepth) return undefined;
		const node = unwrapExpression(expression);
		// A name: cached (and guarded against cycles) by its declaration, not per use.
		if (node.kind === ts.SyntaxKind.Identifier) return this.resolveIdentifier(node as ts.Identifier, depth);
		const cached = this.cache.get(node);
		if (cached !== undefined) return cached ?? undefined;
		if (this.inProgress.has(node)) return undefined;
		this.inProgress.add(node);
		const value = this.compute(node, depth);
		this.inProgress.delete(node);
		this.cache.set(node, value ?? null);
		return value;
	}

	private compute(node: ts.Expression, depth: number): SymbolicValue | undefined {
		if (isMemberAccess(node)) return this.resolveMemberChain(node, depth);
		if (ts.isCallExpression(node)) return this.resolveCall(node, depth);
		if (ts.isNewExpression(node)) return this.resolveConstruction(node, depth);
		if (ts.isConditionalExpression(node)) return this.resolve(node.whenTrue, depth + 1) ?? this.resolve(node.whenFalse, depth + 1);
		if (ts.isBinaryExpression(node)) {
			const operator = node.operatorToken.kind;
			if (operator === ts.SyntaxKind.BarBarToken || operator === ts.SyntaxKind.QuestionQuestionToken) return this.resolve(node.left, depth + 1) ?? this.resolve(node.right, depth + 1);
			if (operator === ts.SyntaxKind.AmpersandAmpersandToken) return this.resolve(node.right, depth + 1);
		}
		if (ts.isFunctionExpression(node) || ts.isArrowFunction(node)) return { kind: 'function', node };
		return undefined;
	}

	private resolveIdentifier(node: ts.Identifier, depth: number): SymbolicValue | undefined {
		const declaration = this.model.declarationOf(node);
		if (!declaration) return globalValue(node.text);
		// A name is read in many places (`props`, `setState`): what its declaration holds is resolved once
		// (null while in progress, so `let c = c || x` ends).
		const cached = this.byDeclaration.get(declaration);
		if (cached !== undefined) return cached ?? undefined;
		this.byDeclaration.set(declaration, null);
		const value = this.resolveDeclaration(declaration, depth);
		this.byDeclaration.set(declaration, value ?? null);
		return value;
	}

	private resolveDeclaration(declaration: Declaration, depth: number): SymbolicValue | undefined {
		switch (declaration.kind) {
			case 'import':
				return declaration.importSource ? importedValue(declaration.importSource.module, declaration.importSource.exportName) : undefined;
			case 'function':
				return isFunctionLike(declaration.node) ? { kind: 'function', node: declaration.node } : undefined;
			case 'parameter':
				return declaration.typeNode ? this.resolveTypeAnnotation(declaration.typeNode) : undefined;
			case 'const':
			case 'let':
			case 'var': {
				const sources = declaration.initializer ? [declaration.initializer] : [];
				if (declaration.kind !== 'const') sources.push(...this.model.assignmentsTo(declaration));
				for (const source of sources) {
					let value = this.resolve(source, depth + 1);
					for (const step of declaration.bindingPath) value = value && readStep(value, step);
					if (value) return value;
				}
				return declaration.typeNode ? this.resolveTypeAnnotation(declaration.typeNode) : undefined;
			}
			default:
				return undefined;
		}
	}

	/** `segment: Analytics` where `Analytics` is imported from a Segment package. */
	private resolveTypeAnnotation(type: ts.TypeNode): SymbolicValue | undefined {
		if (!ts.isTypeReferenceNode(type)) return undefined;
		const names: string[] = [];
		let name: ts.EntityName = type.typeName;
		while (ts.isQualifiedName(name)) {
			names.unshift(name.right.text);
			name = name.left;
		}
		const declaration = this.model.declarationOf(name);
		const source = declaration?.kind === 'import' ? declaration.importSource : undefined;
		const module = source && sdkModuleOf(source.module);
		if (!source || !module) return undefined;
		const path = [...importPath(module, source.exportName), ...names];
		const client = clientFromTypeName(module, path);
		return client ? { kind: 'sdk', client, path: [] } : undefined;
	}

	/** `a.b.c`: collects the names iteratively, resolves the base once, then reads them off. */
	private resolveMemberChain(node: ts.PropertyAccessExpression | ts.ElementAccessExpression, depth: number): SymbolicValue | undefined {
		const chain = memberChain(node, maxDepth);
		if (!chain) return undefined;
		const { base, names } = chain;
		// `this.segment.x`: the field's value, then the rest read off it.
		const fromThis = base.kind === ts.SyntaxKind.ThisKeyword;
		let value = fromThis ? this.resolveThisField(base, names[0]!, depth) : this.resolve(base, depth + 1);
		for (const name of fromThis ? names.slice(1) : names) value = value && readMember(value, name);
		return value;
	}

	/** `this.segment`: whatever the class assigns to that field (constructor, initialiser, typed parameter property). */
	private resolveThisField(thisNode: ts.Node, name: string, depth: number): SymbolicValue | undefined {
		for (const source of this.model.thisFieldSources(thisNode, name)) {
			const value = ts.isParameter(source) ? (source.type ? this.resolveTypeAnnotation(source.type) : undefined) : this.resolve(source, depth + 1);
			if (value) return value;
		}
		return undefined;
	}

	private resolveCall(node: ts.CallExpression, depth: number): SymbolicValue | undefined {
		const callee = unwrapExpression(node.expression);
		if (ts.isIdentifier(callee) && callee.text === 'require' && !this.model.declarationOf(callee)) {
			const [specifier] = node.arguments;
			return specifier && ts.isStringLiteralLike(specifier) ? importedValue(specifier.text, '*') : undefined;
		}
		const value = this.resolve(callee, depth + 1);
		if (!value) return undefined;
		switch (value.kind) {
			case 'sdk': {
				const client = value.module ? clientFromCall(value.module, value.path) : undefined;
				return client ? { kind: 'sdk', client, path: [] } : undefined;
			}
			case 'external':
				return value.via === 'value' && value.members.length === 0 ? { ...value, via: 'call-result' } : undefined;
			case 'function':
				return this.resolveReturns(value.node, depth + 1);
			default:
				return undefined;
		}
	}

	private resolveConstruction(node: ts.NewExpression, depth: number): SymbolicValue | undefined {
		const value = this.resolve(node.expression, depth + 1);
		if (value?.kind !== 'sdk' || !value.module) return undefined;
		const client = clientFromConstruction(value.module, value.path);
		return client ? { kind: 'sdk', client, path: [] } : undefined;
	}

	/** What a function of this file returns: the first `return` (or arrow body) that resolves. */
	resolveReturns(fn: ts.FunctionLikeDeclaration, depth = 0): SymbolicValue | undefined {
		if (depth > maxDepth || !fn.body) return undefined;
		if (!ts.isBlock(fn.body)) return this.resolve(fn.body, depth + 1);
		for (const statement of this.model.returnsOf(fn)) {
			const found = statement.expression && this.resolve(statement.expression, depth + 1);
			if (found) return found;
		}
		return undefined;
	}
}

/** Free names the browser provides: `window`, and the script-loader globals when the file does not bind them. */
function globalValue(name: string): SymbolicValue | undefined {
	if (name === 'window' || name === 'globalThis' || name === 'self') return { kind: 'window' };
	if (name === 'amplitude') return moduleValue('amplitude-global', []);
	if (name === 'analytics') return moduleValue('segment-global', []);
	return undefined;
}

function moduleValue(module: SdkModuleId, path: readonly string[]): SymbolicValue {
	const client = moduleRootClient(module);
	return client ? { kind: 'sdk', module, client, path } : { kind: 'sdk', module, path };
}

function importPath(module: SdkModuleId, exportName: string): readonly string[] {
	if (exportName === '*') return [];
	if (exportName === 'default') return defaultImportPath(module);
	return [exportName];
}

/** An imported binding: an SDK package's export, or (other than look-alike vendors) something the index resolves. */
function importedValue(specifier: string, exportName: string): SymbolicValue | undefined {
	const module = sdkModuleOf(specifier);
	if (module) return moduleValue(module, importPath(module, exportName));
	if (isForeignVendorModule(specifier)) return undefined;
	return { kind: 'external', ref: { module: specifier, exportName }, via: 'value', members: [] };
}

function readMember(value: SymbolicValue, name: string): SymbolicValue | undefined {
	switch (value.kind) {
		case 'window':
			if (name === 'amplitude') return moduleValue('amplitude-global', []);
			if (name === 'analytics') return moduleValue('segment-global', []);
			return undefined;
		case 'sdk':
			return { ...value, path: [...value.path, name] };
		case 'external':
			// A namespace import's member is that export (`import * as gen` → `gen.ampli` is export `ampli`).
			if (value.via === 'value' && value.members.length === 0 && value.ref.exportName === '*' && !value.ref.members?.length) {
				return { ...value, ref: memberOfImport(value.ref, name) };
			}
			return { ...value, members: [...value.members, name] };
		default:
			return undefined;
	}
}

function readStep(value: SymbolicValue, step: BindingStep): SymbolicValue | undefined {
	if ('property' in step) return readMember(value, step.property);
	// `const [analytics] = await AnalyticsBrowser.load(…)`: the first item is the loaded client.
	if ('index' in step && step.index === 0 && value.kind === 'sdk' && value.client?.api === 'segment-browser' && value.path.length === 0) return value;
	return undefined;
}

function asReceiver(value: SymbolicValue | undefined): ResolvedReceiver | undefined {
	if (!value) return undefined;
	if (value.kind === 'sdk') return value.client && value.path.length === 0 ? { kind: 'client', client: value.client } : undefined;
	if (value.kind === 'external') return { kind: 'external', ref: value.ref, via: value.via, members: value.members };
	return undefined;
}
