import type { FindingDraft } from '../../diagnostics/finding';
import type { CodeRule } from '../codeRule';
import { findEvent, findGroupType, knownGroups, levelOf } from './planLookup';

/**
 * level-mismatch: setGroup (user level) on an event-level type makes it persist for the user forever;
 * event-level groups on a user-level type (unless the event's plan entry asks for it) bypass the membership.
 */
export const levelMismatchRule: CodeRule = {
	codes: ['level-mismatch'],
	check({ uri, calls, plan }) {
		const findings: FindingDraft[] = [];
		for (const call of calls) {
			const usedAt = levelOf(call);
			if (!usedAt) continue;
			const required = usedAt === 'event' ? (findEvent(plan, call)?.groups.map((g) => g.name) ?? []) : [];
			for (const { group, name } of knownGroups(call)) {
				const declared = findGroupType(plan, name)?.level;
				if (!declared || declared === 'any' || declared === usedAt || required.includes(name)) continue;
				const message =
					usedAt === 'user'
						? `This puts the user in "${name}" for good, but the plan declares "${name}" event-level. ` +
							`Users can't be removed from user-level groups; Amplitude only overwrites them. ` +
							`Send "${name}" as event-level groups on the events that need it instead.`
						: `"${name}" is sent as an event-level group, but the plan declares it user-level. ` +
							`Event-level groups apply to this one event only and don't make the user a member. ` +
							`Set it once with setGroup (user level), list "${name}" in this event's groups in the plan, or change its level there.`;
				findings.push({
					uri,
					range: group.type.range,
					code: 'level-mismatch',
					message,
					data: { rule: 'level-mismatch', groupType: name, declaredLevel: declared, usedAt },
				});
			}
		}
		return findings;
	},
};
