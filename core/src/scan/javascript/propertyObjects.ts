import * as ts from 'typescript';
import type { GroupFact, PropertyOperation, PropertyWriteFact } from '../callFacts';
import type { ConstantValues } from './constantValues';
import type { FileModel } from './fileModel';
import { staticPropertyName, unwrapExpression } from './syntaxWalk';

const operationKeys: ReadonlySet<string> = new Set(['$set', '$setOnce', '$add', '$append', '$prepend', '$unset', '$preInsert', '$postInsert', '$remove', '$clearAll']);

export interface PropertyObjectReading {
	readonly properties: readonly PropertyWriteFact[];
	readonly partlyUnknown: boolean;
}

/**
 * The properties an object literal writes: `{ plan: 'pro' }` (each key with `defaultOperation`) or,
 * for `group_properties`, operation blocks `{ $set: { plan: 'pro' }, $unset: { legacy: '-' } }`.
 * A non-literal (or a spread) leaves the reading partly unknown.
 */
export function readPropertyObject(model: FileModel, constants: ConstantValues, expression: ts.Expression, defaultOperation: PropertyOperation, depth = 0): PropertyObjectReading {
	const object = depth < 2 ? constants.objectLiteral(expression) : undefined;
	if (!object) return { properties: [], partlyUnknown: true };
	const properties: PropertyWriteFact[] = [];
	let partlyUnknown = false;
	for (const element of object.properties) {
		if (!ts.isPropertyAssignment(element) && !ts.isShorthandPropertyAssignment(element)) {
			partlyUnknown = true;
			continue;
		}
		const key = ts.isPropertyAssignment(element) ? staticPropertyName(element.name) : undefined;
		if (key && operationKeys.has(key) && ts.isPropertyAssignment(element)) {
			const inner = readPropertyObject(model, constants, element.initializer, key as PropertyOperation, depth + 1);
			properties.push(...inner.properties);
			partlyUnknown ||= inner.partlyUnknown;
			continue;
		}
		const name = constants.keyName(element.name);
		const value = ts.isPropertyAssignment(element) ? element.initializer : element.name;
		properties.push({
			name,
			operation: defaultOperation,
			...(defaultOperation === '$unset' ? {} : { value: constants.value(value) }),
			range: model.rangeOf(element),
		});
		if (name.kind === 'unresolved') partlyUnknown = true;
	}
	return { properties, partlyUnknown };
}

export interface GroupsReading {
	readonly groups: readonly GroupFact[];
	readonly partlyUnknown: boolean;
	/** The `groups` object literal (inline or a same-file const). */
	readonly literal?: ts.ObjectLiteralExpression;
}

/** Reads a `groups` object: `{ company: id, 'org id': [a, b], [GROUP_TYPE]: v }`; spreads and unreadable keys make it partly unknown. */
export function readGroupsObject(model: FileModel, constants: ConstantValues, expression: ts.Expression): GroupsReading {
	const object = constants.objectLiteral(expression);
	if (!object) return { groups: [], partlyUnknown: !isEmptyValue(expression) };
	const groups: GroupFact[] = [];
	let partlyUnknown = false;
	// `{ ...BASE_GROUPS, team: t }`: spreads of same-file object constants are read in place.
	const pending: { element: ts.ObjectLiteralElementLike; depth: number }[] = object.properties.map((element) => ({ element, depth: 0 })).reverse();
	while (pending.length > 0) {
		const { element, depth } = pending.pop()!;
		if (ts.isPropertyAssignment(element) || ts.isShorthandPropertyAssignment(element)) {
			const type = constants.keyName(element.name);
			const value = ts.isPropertyAssignment(element) ? element.initializer : element.name;
			groups.push({ type, value: constants.value(value), range: model.rangeOf(element) });
			if (type.kind === 'unresolved') partlyUnknown = true;
			continue;
		}
		const spread = ts.isSpreadAssignment(element) && depth < 4 ? constants.objectLiteral(element.expression) : undefined;
		if (spread) for (const inner of [...spread.properties].reverse()) pending.push({ element: inner, depth: depth + 1 });
		else partlyUnknown = true;
	}
	return { groups, partlyUnknown, literal: object };
}

function isEmptyValue(expression: ts.Expression): boolean {
	const node = unwrapExpression(expression);
	return node.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(node) && node.text === 'undefined');
}

/** Where a new entry of an object literal goes (after its last entry, or just inside `{`), and whether it needs a leading comma. */
export function objectEntryInsertion(object: ts.ObjectLiteralExpression): { readonly offset: number; readonly needsComma: boolean } {
	const last = object.properties[object.properties.length - 1];
	if (!last) return { offset: object.getStart(object.getSourceFile()) + 1, needsComma: false };
	return { offset: last.getEnd(), needsComma: true };
}
