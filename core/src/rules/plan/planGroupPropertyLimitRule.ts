import { throwIfCancelled } from '../../cancellation';
import type { FindingDraft } from '../../diagnostics/finding';
import type { PlanRule } from '../planRule';

/** group-property-limit on each group property past `limits.groupProperties`, counted over all group types in plan order. */
export const planGroupPropertyLimitRule: PlanRule = {
	codes: ['group-property-limit'],
	check(plan, token) {
		const limit = plan.model.limits.groupProperties.value;
		const findings: FindingDraft[] = [];
		let position = 0;
		for (const groupType of plan.model.groupTypes) {
			throwIfCancelled(token);
			for (const property of groupType.properties) {
				position++;
				if (position <= limit) continue;
				findings.push({
					uri: plan.uri,
					range: property.range,
					code: 'group-property-limit',
					message:
						`Group property "${property.name}" (${groupType.name}) is number ${position}, but this project allows ${limit} (limits.groupProperties). ` +
						`Amplitude keeps up to ${limit} account-level properties per project; past that, values are not stored. ` +
						`Remove properties you don't analyse, or move per-event detail into event properties.`,
					data: { rule: 'group-property-limit', groupType: groupType.name, property: property.name, limit, position },
				});
			}
		}
		return findings;
	},
};
