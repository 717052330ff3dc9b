import type { FindingDraft } from '../../diagnostics/finding';
import type { ValueFact } from '../../scan/callFacts';
import type { CodeRule } from '../codeRule';
import { findGroupType, knownGroups } from './planLookup';

/** non-numeric-group-value: a name (or nothing) is sent where the plan says the group values are IDs. */
export const nonNumericGroupValueRule: CodeRule = {
	codes: ['non-numeric-group-value'],
	check({ uri, calls, plan }) {
		const findings: FindingDraft[] = [];
		for (const call of calls) {
			for (const { group, name } of knownGroups(call)) {
				const groupType = findGroupType(plan, name);
				if (groupType?.value !== 'numeric') continue;
				for (const value of stringValues(group.value)) {
					if (/^\s*-?\d+(\.\d+)?\s*$/.test(value.value)) continue;
					const display = groupType.displayProperty?.name;
					findings.push({
						uri,
						range: value.range,
						code: 'non-numeric-group-value',
						message:
							(value.value === ''
								? `An empty group value for "${name}" puts users in a group with no ID. `
								: `"${value.value}" looks like a name, but the plan says "${name}" values are IDs. `) +
							`Group values must be unique, which names aren't. Send the ID${display ? ` and set "${display}" with groupIdentify for a readable label` : ''}.`,
						data: { rule: 'non-numeric-group-value', groupType: name, value: value.value },
					});
				}
			}
		}
		return findings;
	},
};

function stringValues(value: ValueFact): { value: string; range: ValueFact['range'] }[] {
	if (value.kind === 'string') return [{ value: value.value, range: value.range }];
	if (value.kind === 'array') return value.items.flatMap(stringValues);
	return [];
}
