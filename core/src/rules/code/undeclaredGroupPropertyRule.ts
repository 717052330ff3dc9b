import type { FindingDraft } from '../../diagnostics/finding';
import { closestName } from '../../util/closestName';
import type { CodeRule } from '../codeRule';
import { valueTypeName } from './valueTypes';
import { groupIdentifyWrites } from './planLookup';

/** undeclared-group-property: a group identify sets a property its group type does not declare. */
export const undeclaredGroupPropertyRule: CodeRule = {
	codes: ['undeclared-group-property'],
	check({ uri, calls, plan }) {
		const findings: FindingDraft[] = [];
		for (const { groupType, property, declared } of groupIdentifyWrites(calls, plan)) {
			if (declared || property.name.kind !== 'resolved' || property.operation === '$unset') continue;
			const name = property.name.name;
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
		return findings;
	},
};
