import type { FindingDraft } from '../../diagnostics/finding';
import { closestName } from '../../util/closestName';
import type { CodeRule } from '../codeRule';
import { valueTypeName } from './valueTypes';
import { findGroupType, findProperty, resolvedName } from './planLookup';

/** undeclared-group-property: a group identify sets a property its group type does not declare. */
export const undeclaredGroupPropertyRule: CodeRule = {
	codes: ['undeclared-group-property'],
	check({ uri, calls, plan }) {
		const findings: FindingDraft[] = [];
		for (const call of calls) {
			if (call.kind !== 'group-identify') continue;
			const groupType = findGroupType(plan, resolvedName(call.groups[0]?.type) ?? '');
			if (!groupType) continue; // an undeclared type is reported once, on the type
			for (const property of call.properties) {
				if (property.name.kind !== 'resolved' || property.operation === '$unset') continue;
				const name = property.name.name;
				if (findProperty(groupType, name)) continue;
				const suggestion = closestName(
					name,
					groupType.properties.map((p) => p.name),
				);
				const valueType = property.value ? valueTypeName(property.value) : undefined;
				findings.push({
					uri,
					range: property.name.range,
					code: 'undeclared-group-property',
					message:
						`Group property "${name}" is not declared for group type "${groupType.name}". ` +
						`Every distinct name becomes a new account-level property (the project keeps ${plan.limits.groupProperties.value}), and a misspelt one splits the data. ` +
						(suggestion ? `Did you mean "${suggestion}"?` : `Declare it under groupTypes.${groupType.name}.properties.`),
					data: {
						rule: 'undeclared-group-property',
						planUri: plan.uri,
						groupType: groupType.name,
						property: name,
						...(valueType ? { valueType } : {}),
						...(suggestion ? { suggestion } : {}),
					},
				});
			}
		}
		return findings;
	},
};
