import type { FindingDraft } from '../../diagnostics/finding';
import { closestName } from '../../util/closestName';
import type { CodeRule } from '../codeRule';
import { findGroupType, knownGroups, levelOf } from './planLookup';

/** undeclared-group-type: code sends a group type the plan does not declare. */
export const undeclaredGroupTypeRule: CodeRule = {
	codes: ['undeclared-group-type'],
	check({ uri, calls, plan, usage }) {
		const findings: FindingDraft[] = [];
		const declared = plan.groupTypes.map((t) => t.name);
		for (const call of calls) {
			for (const { group, name } of knownGroups(call)) {
				if (findGroupType(plan, name)) continue;
				const suggestion = closestName(name, declared);
				findings.push({
					uri,
					range: group.type.range,
					code: 'undeclared-group-type',
					message:
						`Group type "${name}" is not declared in the tracking plan. ` +
						`Amplitude creates a new group type for every distinct name, uses up one of the project's ${plan.limits.groupTypes.value}, and can't merge it later. ` +
						(suggestion
							? `Did you mean "${suggestion}"?`
							: (usage.groupTypePositions.get(name) ?? 0) > plan.limits.groupTypes.value
								? `The project has no room for another group type: use a declared one.`
								: `Declare it under groupTypes in the plan, or use a declared type.`),
					data: {
						rule: 'undeclared-group-type',
						planUri: plan.uri,
						groupType: name,
						usedAt: levelOf(call) ?? 'user',
						...(suggestion ? { suggestion } : {}),
					},
				});
			}
		}
		return findings;
	},
};
