import type { FindingDraft } from '../../diagnostics/finding';
import type { PlanRule } from '../planRule';

/** group-type-limit on each group type the plan declares past `limits.groupTypes`. */
export const planGroupTypeLimitRule: PlanRule = {
	codes: ['group-type-limit'],
	check(plan) {
		const { groupTypes, limits } = plan.model;
		const limit = limits.groupTypes.value;
		const findings: FindingDraft[] = [];
		groupTypes.forEach((groupType, index) => {
			if (index < limit) return;
			const position = index + 1;
			findings.push({
				uri: plan.uri,
				range: groupType.range,
				code: 'group-type-limit',
				message:
					`"${groupType.name}" is group type ${position}, but this project allows ${limit} (limits.groupTypes). ` +
					`Amplitude allows up to ${limit} group types per project and group data can't be fixed retroactively, so data sent with it would be lost. ` +
					`Reuse one of the first ${limit} types or remove one.`,
				data: { rule: 'group-type-limit', groupType: groupType.name, limit, position },
			});
		});
		return findings;
	},
};
