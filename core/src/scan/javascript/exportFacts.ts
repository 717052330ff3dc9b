import * as ts from 'typescript';
import type { ExportFact, NameFact, ValueFact } from '../callFacts';
import type { ScanTools } from './callSite';
import { enumMemberValue } from './constantValues';
import { moduleRootClient, sdkModuleOf } from './sdkModules';
import { staticPropertyName } from './syntaxWalk';

/**
 * What the file exports that calls elsewhere may resolve through: constants (string, number…),
 * objects and enums of them (`Groups.COMPANY`), SDK clients and functions returning one, and
 * re-exports (`export { x } from './y'`; `export * from './y'` is keyed `*:./y`). ES modules and
 * the simple CommonJS forms (`exports.x = …`, `module.exports = { … }`).
 */
export function collectExports(tools: ScanTools): Record<string, ExportFact> {
	const exports: Record<string, ExportFact> = {};
	const put = (name: string, fact: ExportFact | undefined): void => {
		if (fact && !(name in exports)) exports[name] = fact;
	};
	for (const statement of tools.model.sourceFile.statements) {
		if (ts.isExportDeclaration(statement)) {
			collectExportDeclaration(tools, statement, put);
			continue;
		}
		if (ts.isExportAssignment(statement)) {
			put('default', exportedValue(tools, statement.expression));
			continue;
		}
		if (!isExported(statement)) continue;
		const name = isDefaultExport(statement) ? 'default' : undefined;
		if (ts.isVariableStatement(statement)) {
			for (const declaration of statement.declarationList.declarations) {
				if (ts.isIdentifier(declaration.name) && declaration.initializer) put(declaration.name.text, exportedValue(tools, declaration.initializer));
			}
		} else if (ts.isFunctionDeclaration(statement) && (statement.name || name)) {
			put(name ?? statement.name!.text, factoryFact(tools, statement));
		} else if (ts.isEnumDeclaration(statement)) {
			put(statement.name.text, enumFact(tools, statement));
		}
	}
	for (const { name, value } of tools.model.commonJsExports) {
		if (name) {
			put(name, exportedValue(tools, value));
			continue;
		}
		const object = tools.constants.objectLiteral(value);
		if (!object) {
			put('default', exportedValue(tools, value));
			continue;
		}
		for (const element of object.properties) {
			if (ts.isPropertyAssignment(element) || ts.isShorthandPropertyAssignment(element)) {
				const key = staticPropertyName(element.name);
				if (key) put(key, exportedValue(tools, ts.isPropertyAssignment(element) ? element.initializer : element.name));
			}
		}
	}
	return exports;
}

function collectExportDeclaration(tools: ScanTools, statement: ts.ExportDeclaration, put: (name: string, fact: ExportFact | undefined) => void): void {
	if (statement.isTypeOnly) return;
	const module = statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier) ? statement.moduleSpecifier.text : undefined;
	const clause = statement.exportClause;
	if (module !== undefined) {
		if (!clause) {
			put(`*:${module}`, { kind: 're-export', ref: { module, exportName: '*' } });
		} else if (ts.isNamespaceExport(clause)) {
			const sdkModule = sdkModuleOf(module);
			const client = sdkModule && moduleRootClient(sdkModule);
			put(clause.name.text, client ? { kind: 'sdk-instance', sdk: client.sdk } : { kind: 're-export', ref: { module, exportName: '*' } });
		} else {
			for (const specifier of clause.elements) {
				if (specifier.isTypeOnly) continue;
				put(specifier.name.text, { kind: 're-export', ref: { module, exportName: (specifier.propertyName ?? specifier.name).text } });
			}
		}
		return;
	}
	if (!clause || !ts.isNamedExports(clause)) return;
	for (const specifier of clause.elements) {
		if (specifier.isTypeOnly) continue;
		const local = specifier.propertyName ?? specifier.name;
		if (ts.isIdentifier(local)) put(specifier.name.text, exportedValue(tools, local));
	}
}

/** The export fact for a value: a constant, an object of constants, an SDK client, a factory, or a re-export of an import. */
export function exportedValue(tools: ScanTools, expression: ts.Expression): ExportFact | undefined {
	const symbolic = tools.receivers.resolve(expression);
	if (symbolic?.kind === 'sdk' && symbolic.client && symbolic.path.length === 0) return { kind: 'sdk-instance', sdk: symbolic.client.sdk };
	if (symbolic?.kind === 'function') return factoryFact(tools, symbolic.node);
	if (symbolic?.kind === 'external' && symbolic.via === 'value' && symbolic.members.length === 0) return { kind: 're-export', ref: symbolic.ref };
	const value = tools.constants.evaluate(expression);
	switch (value?.kind) {
		case 'string':
		case 'number':
		case 'boolean':
		case 'null':
			return { kind: 'constant', value: tools.constants.value(expression) };
		case 'import':
			return { kind: 're-export', ref: value.ref };
		case 'object': {
			const members: Record<string, ValueFact | NameFact> = {};
			for (const element of value.node.properties) {
				if (!ts.isPropertyAssignment(element) && !ts.isShorthandPropertyAssignment(element)) continue;
				const key = staticPropertyName(element.name);
				if (key !== undefined) members[key] = tools.constants.value(ts.isPropertyAssignment(element) ? element.initializer : element.name);
			}
			return { kind: 'object', members };
		}
		case 'enum':
			return enumFact(tools, value.node);
		default:
			return undefined;
	}
}

/**
 * A function returning an SDK client. One returning an imported `ampli` (`getBackendClient()`
 * returns the generated wrapper) is an Ampli factory by Ampli's own naming convention: ExportFact
 * has no way to say "returns import X", and the generated file always exports `ampli`.
 */
function factoryFact(tools: ScanTools, fn: ts.FunctionLikeDeclaration): ExportFact | undefined {
	const returned = tools.receivers.resolveReturns(fn);
	if (returned?.kind === 'sdk' && returned.client && returned.path.length === 0) return { kind: 'sdk-factory', sdk: returned.client.sdk };
	if (returned?.kind === 'external' && returned.via === 'value' && returned.members.length === 0) {
		const members = returned.ref.members ?? [];
		const name = members.length > 0 ? members[members.length - 1] : returned.ref.exportName;
		if (name === 'ampli') return { kind: 'sdk-factory', sdk: 'ampli' };
	}
	return undefined;
}

function enumFact(tools: ScanTools, declaration: ts.EnumDeclaration): ExportFact {
	const members: Record<string, ValueFact | NameFact> = {};
	for (const member of declaration.members) {
		const name = ts.isIdentifier(member.name) || ts.isStringLiteral(member.name) ? member.name.text : undefined;
		if (name === undefined) continue;
		const value = enumMemberValue(declaration, name);
		const range = tools.model.rangeOf(member.initializer ?? member.name);
		members[name] =
			value?.kind === 'string' ? { kind: 'string', value: value.value, range } : value?.kind === 'number' ? { kind: 'number', value: value.value, range } : { kind: 'unknown', range };
	}
	return { kind: 'object', members };
}

function isExported(statement: ts.Statement): boolean {
	return ts.canHaveModifiers(statement) && (ts.getModifiers(statement) ?? []).some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword);
}

function isDefaultExport(statement: ts.Statement): boolean {
	return ts.canHaveModifiers(statement) && (ts.getModifiers(statement) ?? []).some((modifier) => modifier.kind === ts.SyntaxKind.DefaultKeyword);
}
