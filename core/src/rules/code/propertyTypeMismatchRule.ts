import type { FindingDraft } from '../../diagnostics/finding';
import type { CodeRule } from '../codeRule';
import { groupIdentifyWrites } from './planLookup';
import { literalText, typeFits, valueTypeName } from './valueTypes';

const numericOperations = new Set(['$add']);
const valueOperations = new Set(['$set', '$setOnce', '$add']);

/** property-type-mismatch: a literal written to a group property does not fit its declared type or enum. */
export const propertyTypeMismatchRule: CodeRule = {
	codes: ['property-type-mismatch'],
	check({ uri, calls, plan }) {
		const findings: FindingDraft[] = [];
		for (const { groupType, property, declared } of groupIdentifyWrites(calls, plan)) {
			if (!property.value || !valueOperations.has(property.operation)) continue;
			const actual = valueTypeName(property.value);
			if (!declared || !actual) continue;
			const numeric = numericOperations.has(property.operation);
			const expected = numeric ? 'number' : declared.type;
			let problem: string | undefined;
			if (numeric && declared.type && declared.type !== 'number' && declared.type !== 'integer') {
				problem = `${property.operation} adds to a number, but the plan declares "${declared.name}" as ${declared.type}`;
			} else if (expected && !typeFits(expected, actual)) {
				problem = `${property.operation} writes ${actual === 'integer' ? 'a number' : `a ${actual}`} to "${declared.name}", which the plan declares as ${declared.type ?? 'a number'}`;
			} else if (!numeric && declared.enum && (property.value.kind === 'string' || property.value.kind === 'number' || property.value.kind === 'boolean')) {
				if (!declared.enum.includes(property.value.value)) {
					problem = `${literalText(property.value)} is not one of the values the plan allows for "${declared.name}" (${declared.enum.join(', ')})`;
				}
			}
			if (!problem) continue;
			findings.push({
				uri,
				range: property.value.range,
				code: 'property-type-mismatch',
				message: `${problem}. Amplitude stores whatever arrives, so account charts mix values that can't be compared. Send a value that matches the plan.`,
				data: {
					rule: 'property-type-mismatch',
					groupType: groupType.name,
					property: declared.name,
					expected: declared.enum ? `one of ${declared.enum.join(', ')}` : (expected ?? 'any'),
					actual,
				},
			});
		}
		return findings;
	},
};
