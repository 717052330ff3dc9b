import * as ts from 'typescript';

/**
 * Visits every node under `root` in source order (pre-order) with an explicit stack, so deeply
 * nested input cannot overflow the call stack here. `visit` returning false skips the node's
 * children. Each child's `parent` is set on the way down: files are parsed without TypeScript's
 * separate parent-setting pass, and a node's parent chain is complete by the time it is visited.
 * Leaves (identifiers, literals, keywords and other tokens: ≈ half the nodes of a file) get their
 * parent but are not visited: nothing the walk gathers is a leaf.
 */
export function walkSyntax(root: ts.Node, visit: (node: ts.Node) => boolean | void): void {
	const stack: ts.Node[] = [root];
	let parent: ts.Node = root;
	const push = (child: ts.Node): void => {
		(child as { parent: ts.Node }).parent = parent;
		if (child.kind > ts.SyntaxKind.LastToken) stack.push(child);
	};
	while (stack.length > 0) {
		const node = stack.pop()!;
		if (visit(node) === false) continue;
		parent = node;
		const first = stack.length;
		ts.forEachChild(node, push);
		// Children were pushed in source order: reverse them so the first is popped first.
		for (let i = first, j = stack.length - 1; i < j; i++, j--) {
			const swap = stack[i]!;
			stack[i] = stack[j]!;
			stack[j] = swap;
		}
	}
}

/** Strips wrappers that do not change a value: parentheses, type assertions, `!`, `satisfies`, `await`. */
export function unwrapExpression(expression: ts.Expression): ts.Expression {
	let current = expression;
	for (;;) {
		if (
			ts.isParenthesizedExpression(current) ||
			ts.isAsExpression(current) ||
			ts.isTypeAssertionExpression(current) ||
			ts.isNonNullExpression(current) ||
			ts.isSatisfiesExpression(current) ||
			ts.isAwaitExpression(current)
		) {
			current = current.expression;
		} else {
			return current;
		}
	}
}

/** The text of a property name that is static (`a`, `'a'`, `1`), else undefined. */
export function staticPropertyName(name: ts.PropertyName | ts.MemberName | ts.BindingName): string | undefined {
	if (ts.isIdentifier(name) || ts.isPrivateIdentifier(name)) return name.text;
	if (ts.isStringLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name) || ts.isNumericLiteral(name)) return name.text;
	return undefined;
}

/** `a.b` or `a['b']` / `a?.b`: the member name read, when static. */
export function accessedMemberName(node: ts.Expression): string | undefined {
	if (ts.isPropertyAccessExpression(node)) return ts.isIdentifier(node.name) ? node.name.text : undefined;
	if (ts.isElementAccessExpression(node)) {
		const argument = node.argumentExpression;
		if (ts.isStringLiteral(argument) || ts.isNoSubstitutionTemplateLiteral(argument)) return argument.text;
	}
	return undefined;
}

/**
 * `a.b.c` / `a['b']` read as its base (`a`, unwrapped) and the static member names in order
 * (`['b', 'c']`), collected iteratively; undefined when a name is not static or there are more than
 * `limit` of them.
 */
export function memberChain(node: ts.PropertyAccessExpression | ts.ElementAccessExpression, limit: number): { base: ts.Expression; names: string[] } | undefined {
	const names: string[] = [];
	let current: ts.Expression = node;
	while (isMemberAccess(current)) {
		const name = accessedMemberName(current);
		if (name === undefined || names.length > limit) return undefined;
		names.unshift(name);
		current = unwrapExpression(current.expression);
	}
	return { base: current, names };
}

/** The node naming the member in `a.b` / `a['b']` (for callee ranges). */
export function accessedMemberNode(node: ts.PropertyAccessExpression | ts.ElementAccessExpression): ts.Node {
	return ts.isPropertyAccessExpression(node) ? node.name : node.argumentExpression;
}

export function isMemberAccess(node: ts.Node): node is ts.PropertyAccessExpression | ts.ElementAccessExpression {
	return ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node);
}

/** True for the literal `undefined` or `null` (or `void 0`). */
export function isNullish(expression: ts.Expression): boolean {
	const node = unwrapExpression(expression);
	if (node.kind === ts.SyntaxKind.NullKeyword) return true;
	if (ts.isIdentifier(node) && node.text === 'undefined') return true;
	return ts.isVoidExpression(node);
}

/** Looks up a property of an object literal by static name (the last one wins, as at run time). */
export function objectProperty(object: ts.ObjectLiteralExpression, name: string): ts.ObjectLiteralElementLike | undefined {
	let found: ts.ObjectLiteralElementLike | undefined;
	for (const property of object.properties) {
		if (ts.isSpreadAssignment(property)) continue;
		if (property.name && staticPropertyName(property.name) === name) found = property;
	}
	return found;
}

/** The value expression of a property element (`a: x` → x, `{ a }` → a). */
export function propertyValue(property: ts.ObjectLiteralElementLike): ts.Expression | undefined {
	if (ts.isPropertyAssignment(property)) return property.initializer;
	if (ts.isShorthandPropertyAssignment(property)) return property.name;
	return undefined;
}

/** Whether the object literal has a spread (`{ ...event }`), whose keys cannot be read. */
export function hasSpread(object: ts.ObjectLiteralExpression): boolean {
	return object.properties.some((property) => ts.isSpreadAssignment(property));
}

/** Whether a spread may supply `key`: one comes after the last written `key` (or `key` is not written at all). */
export function spreadMaySupply(object: ts.ObjectLiteralExpression, key: string): boolean {
	const written = objectProperty(object, key);
	const after = written ? object.properties.indexOf(written) + 1 : 0;
	return object.properties.slice(after).some((property) => ts.isSpreadAssignment(property));
}

const functionLikeKinds: ReadonlySet<ts.SyntaxKind> = new Set([
	ts.SyntaxKind.FunctionDeclaration,
	ts.SyntaxKind.FunctionExpression,
	ts.SyntaxKind.ArrowFunction,
	ts.SyntaxKind.MethodDeclaration,
	ts.SyntaxKind.Constructor,
	ts.SyntaxKind.GetAccessor,
	ts.SyntaxKind.SetAccessor,
]);

export function isFunctionLike(node: ts.Node): node is ts.FunctionLikeDeclaration {
	return functionLikeKinds.has(node.kind);
}
