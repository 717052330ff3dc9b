import type { FindingDraft } from '../../diagnostics/finding';
import { closestName } from '../../util/closestName';
import type { PlanRule } from '../planRule';

/** unknown-group-reference: an event's `groups` entry or a `displayProperty` that the plan does not declare. */
export const unknownGroupReferenceRule: PlanRule = {
	codes: ['unknown-group-reference'],
	check(plan) {
		const { groupTypes, events } = plan.model;
		const typeNames = new Set(groupTypes.map((t) => t.name));
		const findings: FindingDraft[] = [];

		for (const groupType of groupTypes) {
			const display = groupType.displayProperty;
			if (!display) continue;
			const propertyNames = groupType.properties.map((p) => p.name);
			if (propertyNames.includes(display.name)) continue;
			const suggestion = closestName(display.name, propertyNames);
			findings.push({
				uri: plan.uri,
				range: display.range,
				code: 'unknown-group-reference',
				message:
					`displayProperty "${display.name}" is not a property of group type "${groupType.name}". ` +
					`Amplitude labels groups by this property, so charts would show bare IDs. ` +
					(suggestion ? `Did you mean "${suggestion}"?` : `Declare it under groupTypes.${groupType.name}.properties.`),
				data: { rule: 'unknown-group-reference', reference: 'display-property', name: display.name, owner: groupType.name, ...(suggestion ? { suggestion } : {}) },
			});
		}

		for (const event of events) {
			for (const group of event.groups) {
				if (typeNames.has(group.name)) continue;
				const suggestion = closestName(group.name, typeNames);
				findings.push({
					uri: plan.uri,
					range: group.range,
					code: 'unknown-group-reference',
					message:
						`Event "${event.name}" requires group type "${group.name}", which the plan does not declare. ` +
						`Events must carry declared group types, or their account data is split or lost. ` +
						(suggestion ? `Did you mean "${suggestion}"?` : `Declare "${group.name}" under groupTypes.`),
					data: { rule: 'unknown-group-reference', reference: 'event-group', name: group.name, owner: event.name, ...(suggestion ? { suggestion } : {}) },
				});
			}
		}
		return findings;
	},
};
