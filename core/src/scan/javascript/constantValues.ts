import * as ts from 'typescript';
import type { ImportRef, NameFact, ValueFact } from '../callFacts';
import type { FileModel } from './fileModel';
import type { BindingStep } from './scopes';
import { isMemberAccess, memberChain, objectProperty, propertyValue, unwrapExpression } from './syntaxWalk';

/** How far a chain of consts, member reads and array items is followed before giving up. */
const maxDepth = 24;

/** What a constant expression evaluates to, as far as the syntax of this one file tells. */
export type ConstantValue =
	| { readonly kind: 'string'; readonly value: string; readonly literal?: ts.StringLiteral | ts.NoSubstitutionTemplateLiteral }
	| { readonly kind: 'number'; readonly value: number }
	| { readonly kind: 'boolean'; readonly value: boolean }
	| { readonly kind: 'null' }
	| { readonly kind: 'import'; readonly ref: ImportRef }
	| { readonly kind: 'object'; readonly node: ts.ObjectLiteralExpression }
	| { readonly kind: 'array'; readonly node: ts.ArrayLiteralExpression }
	| { readonly kind: 'enum'; readonly node: ts.EnumDeclaration };

/** The text of a string literal without its quotes; an unterminated one (`'abc` at the end of a line or file) has no closing quote. */
function quotedTextRange(literal: ts.StringLiteral | ts.NoSubstitutionTemplateLiteral, sourceFile: ts.SourceFile): { start: number; end: number } {
	const start = literal.getStart(sourceFile) + 1;
	return { start, end: Math.max(start, literal.getEnd() - (literal.isUnterminated ? 0 : 1)) };
}

/**
 * Reads names and values: literals, template literals without substitutions, `const` bindings,
 * enum members, members of `const` object literals, and imported names (left for the index).
 * Anything computed stays unresolved.
 */
export class ConstantValues {
	constructor(private readonly model: FileModel) {}

	/** A group type, property or event name. A string literal's range excludes its quotes. */
	name(expression: ts.Expression): NameFact {
		const value = this.evaluate(expression);
		const range = this.model.rangeOf(expression);
		if (value?.kind === 'string' || value?.kind === 'number') {
			const literal = unwrapExpression(expression);
			const written = ts.isStringLiteral(literal) || ts.isNoSubstitutionTemplateLiteral(literal);
			const nameRange = written ? quotedTextRange(literal, this.model.sourceFile) : range;
			// A constant of this file: remember where the name is written (a rename edits it there).
			const constant = !written && value.kind === 'string' && value.literal ? { literal: quotedTextRange(value.literal, this.model.sourceFile) } : {};
			return { kind: 'resolved', name: String(value.value), range: nameRange, ...constant };
		}
		if (value?.kind === 'import') return { kind: 'import', ref: value.ref, range, text: this.model.textOf(expression) };
		return { kind: 'unresolved', range, text: this.model.textOf(expression) };
	}

	/** The name written as an object key: `company:`, `'org id':` (quotes excluded), `[GROUP_TYPE]:`. */
	keyName(name: ts.PropertyName): NameFact {
		if (ts.isComputedPropertyName(name)) return this.name(name.expression);
		if (ts.isStringLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name)) {
			return { kind: 'resolved', name: name.text, range: quotedTextRange(name, this.model.sourceFile) };
		}
		if (ts.isIdentifier(name) || ts.isNumericLiteral(name) || ts.isPrivateIdentifier(name)) {
			return { kind: 'resolved', name: name.text, range: this.model.rangeOf(name) };
		}
		return { kind: 'unresolved', range: this.model.rangeOf(name), text: this.model.textOf(name) };
	}

	/** A group value or property value. */
	value(expression: ts.Expression, depth = 0): ValueFact {
		const range = this.model.rangeOf(expression);
		const value = this.evaluate(expression);
		switch (value?.kind) {
			case 'string':
				return { kind: 'string', value: value.value, range };
			case 'number':
				return { kind: 'number', value: value.value, range };
			case 'boolean':
				return { kind: 'boolean', value: value.value, range };
			case 'null':
				return { kind: 'null', range };
			case 'import':
				return { kind: 'import', ref: value.ref, range };
			case 'object':
				return { kind: 'object', range };
			case 'array':
				if (depth > 4) return { kind: 'unknown', range };
				return {
					kind: 'array',
					items: value.node.elements.map((item) => (ts.isSpreadElement(item) || ts.isOmittedExpression(item) ? { kind: 'unknown' as const, range: this.model.rangeOf(item) } : this.value(item, depth + 1))),
					range,
				};
			default:
				return { kind: 'unknown', range };
		}
	}

	/** The object literal an expression stands for (inline, or a same-file `const`). */
	objectLiteral(expression: ts.Expression): ts.ObjectLiteralExpression | undefined {
		const value = this.evaluate(expression);
		return value?.kind === 'object' ? value.node : undefined;
	}

	evaluate(expression: ts.Expression, depth = 0): ConstantValue | undefined {
		if (depth > maxDepth) return undefined;
		const node = unwrapExpression(expression);
		if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return { kind: 'string', value: node.text, literal: node };
		if (ts.isNumericLiteral(node)) return { kind: 'number', value: Number(node.text) };
		if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.MinusToken && ts.isNumericLiteral(node.operand)) return { kind: 'number', value: -Number(node.operand.text) };
		if (node.kind === ts.SyntaxKind.TrueKeyword || node.kind === ts.SyntaxKind.FalseKeyword) return { kind: 'boolean', value: node.kind === ts.SyntaxKind.TrueKeyword };
		if (node.kind === ts.SyntaxKind.NullKeyword) return { kind: 'null' };
		if (ts.isObjectLiteralExpression(node)) return { kind: 'object', node };
		if (ts.isArrayLiteralExpression(node)) return { kind: 'array', node };
		if (ts.isIdentifier(node)) return this.evaluateIdentifier(node, depth);
		if (isMemberAccess(node)) return this.evaluateMemberChain(node, depth);
		return undefined;
	}

	private evaluateIdentifier(node: ts.Identifier, depth: number): ConstantValue | undefined {
		const declaration = this.model.declarationOf(node);
		if (!declaration) return undefined;
		if (declaration.kind === 'import' && declaration.importSource) {
			const { module, exportName } = declaration.importSource;
			return { kind: 'import', ref: { module, exportName } };
		}
		if (declaration.kind === 'enum' && ts.isEnumDeclaration(declaration.node)) return { kind: 'enum', node: declaration.node };
		if (declaration.kind !== 'const' || !declaration.initializer) return undefined;
		let value = this.evaluate(declaration.initializer, depth + 1);
		for (const step of declaration.bindingPath) {
			if (!value) return undefined;
			value = this.step(value, step, depth + 1);
		}
		return value;
	}

	/** `a.b.c` / `a['b']`: collects the names iteratively, then evaluates the base and reads them off. */
	private evaluateMemberChain(node: ts.PropertyAccessExpression | ts.ElementAccessExpression, depth: number): ConstantValue | undefined {
		const chain = memberChain(node, maxDepth);
		if (!chain) return undefined;
		let value = this.evaluate(chain.base, depth + 1);
		for (const name of chain.names) {
			if (!value) return undefined;
			value = this.step(value, { property: name }, depth + 1);
		}
		return value;
	}

	private step(value: ConstantValue, step: BindingStep, depth: number): ConstantValue | undefined {
		if ('rest' in step) return undefined;
		if ('index' in step) {
			if (value.kind !== 'array') return undefined;
			const item = value.node.elements[step.index];
			return item && !ts.isSpreadElement(item) && !ts.isOmittedExpression(item) && !value.node.elements.slice(0, step.index).some(ts.isSpreadElement) ? this.evaluate(item, depth + 1) : undefined;
		}
		const name = step.property;
		switch (value.kind) {
			case 'object': {
				const property = objectProperty(value.node, name);
				if (!property) return undefined;
				const index = value.node.properties.indexOf(property);
				if (value.node.properties.slice(index + 1).some(ts.isSpreadAssignment)) return undefined;
				const initializer = propertyValue(property);
				return initializer ? this.evaluate(initializer, depth + 1) : undefined;
			}
			case 'enum':
				return enumMemberValue(value.node, name);
			case 'import':
				return { kind: 'import', ref: memberOfImport(value.ref, name) };
			default:
				return undefined;
		}
	}
}

/** Reading `name` off an imported value: a namespace import's member is that export. */
export function memberOfImport(ref: ImportRef, name: string): ImportRef {
	if (ref.exportName === '*' && !ref.members?.length) return { module: ref.module, exportName: name };
	return { module: ref.module, exportName: ref.exportName, members: [...(ref.members ?? []), name] };
}

/** An enum member's value: its string or number initialiser, or the auto-incremented number. */
export function enumMemberValue(declaration: ts.EnumDeclaration, name: string): ConstantValue | undefined {
	let next: number | undefined = 0;
	for (const member of declaration.members) {
		let value: ConstantValue | undefined;
		const initializer = member.initializer && unwrapExpression(member.initializer);
		if (!initializer) value = next === undefined ? undefined : { kind: 'number', value: next };
		else if (ts.isStringLiteral(initializer) || ts.isNoSubstitutionTemplateLiteral(initializer)) value = { kind: 'string', value: initializer.text, literal: initializer };
		else if (ts.isNumericLiteral(initializer)) value = { kind: 'number', value: Number(initializer.text) };
		else if (ts.isPrefixUnaryExpression(initializer) && initializer.operator === ts.SyntaxKind.MinusToken && ts.isNumericLiteral(initializer.operand)) {
			value = { kind: 'number', value: -Number(initializer.operand.text) };
		}
		next = value?.kind === 'number' ? value.value + 1 : undefined;
		const memberName = ts.isIdentifier(member.name) || ts.isStringLiteral(member.name) ? member.name.text : undefined;
		if (memberName === name) return value;
	}
	return undefined;
}
