import type { ValueFact } from '../../scan/callFacts';

/** The plan property type a literal value has, or undefined when the value is not known statically. */
export function valueTypeName(value: ValueFact): string | undefined {
	switch (value.kind) {
		case 'string':
			return 'string';
		case 'number':
			return Number.isInteger(value.value) ? 'integer' : 'number';
		case 'boolean':
			return 'boolean';
		case 'array':
			return 'array';
		case 'object':
			return 'object';
		default:
			return undefined;
	}
}

/** Whether a literal of `actual` type fits a property declared as `expected`. */
export function typeFits(expected: string, actual: string): boolean {
	return expected === actual || (expected === 'number' && actual === 'integer');
}

export function literalText(value: ValueFact): string | undefined {
	if (value.kind === 'string') return JSON.stringify(value.value);
	if (value.kind === 'number' || value.kind === 'boolean') return String(value.value);
	return undefined;
}
