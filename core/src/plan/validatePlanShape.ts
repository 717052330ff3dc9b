import { isMap, isScalar, isSeq, type Pair, type YAMLMap } from 'yaml';
import type { FindingDraft } from '../diagnostics/finding';
import type { PlanSchemaData } from '../diagnostics/findingData';
import type { TextRange } from '../text/textRange';
import { closestName } from '../util/closestName';
import type { ArrayShape, IntegerShape, MapShape, ObjectShape, Shape, StringShape } from './planShape';
import { describeNode, isNullNode, keyRange, keyText, pairsOf, rangeOf, type PlanNode, type YamlNodeReader } from './yamlNodes';

/**
 * Checks a parsed plan against the plan shape: `plan-schema` for unknown keys, wrong types and bad
 * enum values (with a "did you mean"), `duplicate-key` for keys repeated in one mapping.
 */
export function validatePlanShape(uri: string, root: PlanNode, rootShape: ObjectShape, reader: YamlNodeReader): FindingDraft[] {
	const findings: FindingDraft[] = [];
	const schemaError = (range: TextRange, message: string, data: Omit<PlanSchemaData, 'rule'>): void => {
		findings.push({ uri, range, code: 'plan-schema', message, data: { rule: 'plan-schema', ...data } });
	};

	const checkKeys = (map: YAMLMap, path: readonly string[], onPair: (pair: Pair, key: string, keyPath: string[]) => void) => {
		const seen = new Map<string, TextRange>();
		for (const pair of pairsOf(map)) {
			const key = keyText(pair);
			const range = keyRange(pair);
			if (key === undefined) {
				schemaError(range, `Keys in the tracking plan must be plain names (at ${where(path)}). Write the key as a string.`, {
					problem: 'wrong-type',
					path,
				});
				continue;
			}
			const first = seen.get(key);
			if (first) {
				findings.push({
					uri,
					range,
					code: 'duplicate-key',
					message: `"${key}" is declared twice in ${where(path)}; YAML keeps only one of them, so the other entry is silently lost. Merge the two entries.`,
					data: { rule: 'duplicate-key', key, firstOccurrence: first },
				});
				continue;
			}
			seen.set(key, range);
			onPair(pair, key, [...path, key]);
		}
	};

	const visit = (raw: unknown, shape: Shape, path: readonly string[], fallbackRange: TextRange): void => {
		const node = reader.resolve(raw);
		const range = rangeOf(node) ?? fallbackRange;
		const wrongType = (expected: string) =>
			schemaError(
				isNullNode(node) ? fallbackRange : range,
				`${where(path)} must be ${expected}, but is ${describeNode(node)}. ${shape.description}`,
				{ problem: 'wrong-type', path },
			);
		switch (shape.kind) {
			case 'object':
				if (!isMap(node)) return wrongType('a mapping');
				return checkKeys(node, path, (pair, key, keyPath) => {
					const field = shape.fields[key];
					if (!field) {
						const suggestion = closestName(key, Object.keys(shape.fields));
						const hint = suggestion ? `Did you mean "${suggestion}"?` : `Allowed here: ${Object.keys(shape.fields).join(', ')}.`;
						schemaError(keyRange(pair), `Unknown key "${key}" in ${where(path)}; Trackplan would ignore it. ${hint}`, {
							problem: 'unknown-key',
							path: keyPath,
							...(suggestion ? { suggestion } : {}),
						});
						return;
					}
					visit(pair.value, field, keyPath, keyRange(pair));
				});
			case 'map':
				return visitMap(node, shape, path, wrongType);
			case 'string':
				if (!isScalar(node) || typeof node.value !== 'string') return wrongType('a string');
				return checkEnum(node.value, shape, path, range);
			case 'integer':
				return checkInteger(node, shape, path, range, wrongType);
			case 'boolean':
				if (!isScalar(node) || typeof node.value !== 'boolean') return wrongType('true or false');
				return;
			case 'scalar':
				if (!isScalar(node) || node.value === null || typeof node.value === 'object') return wrongType('a string, number or boolean');
				return;
			case 'array':
				return visitArray(node, shape, path, wrongType);
		}
	};

	const visitMap = (node: PlanNode, shape: MapShape, path: readonly string[], wrongType: (expected: string) => void) => {
		if (isNullNode(node)) return; // `groupTypes:` with nothing under it declares nothing
		if (!isMap(node)) return wrongType(`a mapping of names to entries`);
		checkKeys(node, path, (pair, _key, keyPath) => {
			const value = reader.resolve(pair.value);
			if (isNullNode(value)) return; // `company:` alone declares it with defaults
			visit(pair.value, shape.value, keyPath, keyRange(pair));
		});
	};

	const visitArray = (node: PlanNode, shape: ArrayShape, path: readonly string[], wrongType: (expected: string) => void) => {
		if (!isSeq(node)) return wrongType('a list');
		node.items.forEach((item, index) => visit(item, shape.items, [...path, String(index)], rangeOf(node) ?? { start: 0, end: 0 }));
	};

	const checkEnum = (value: string, shape: StringShape, path: readonly string[], range: TextRange) => {
		if (!shape.enum || shape.enum.includes(value)) return;
		const suggestion = closestName(value, shape.enum);
		const hint = suggestion ? `Did you mean "${suggestion}"?` : `Use one of: ${shape.enum.join(', ')}.`;
		schemaError(range, `"${value}" is not a valid ${where(path)}. ${hint}`, {
			problem: 'bad-enum',
			path,
			...(suggestion ? { suggestion } : {}),
		});
	};

	const checkInteger = (node: PlanNode, shape: IntegerShape, path: readonly string[], range: TextRange, wrongType: (e: string) => void) => {
		if (!isScalar(node) || typeof node.value !== 'number' || !Number.isInteger(node.value)) return wrongType('a whole number');
		if (node.value < shape.minimum) {
			schemaError(range, `${where(path)} must be at least ${shape.minimum}, but is ${node.value}.`, { problem: 'out-of-range', path });
		}
	};

	if (isNullNode(root)) return findings; // an empty plan declares nothing, which is valid
	if (!isMap(root)) {
		schemaError(rangeOf(root) ?? { start: 0, end: 0 }, `A tracking plan must be a mapping (groupTypes:, events:, …), but this file holds ${describeNode(root)}.`, {
			problem: 'not-a-mapping',
			path: [],
		});
		return findings;
	}
	visit(root, rootShape, [], { start: 0, end: 0 });
	return findings;
}

function where(path: readonly string[]): string {
	return path.length === 0 ? 'the plan' : `"${path.join('.')}"`;
}
