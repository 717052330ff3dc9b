import type { FindingDraft } from '../../diagnostics/finding';
import type { CodeRule } from '../codeRule';
import { findEvent, findGroupType, knownGroups, quoteList } from './planLookup';

/** unexpected-event-group: an event carries a group type its plan entry does not list. */
export const unexpectedEventGroupRule: CodeRule = {
	codes: ['unexpected-event-group'],
	check({ uri, calls, plan }) {
		const findings: FindingDraft[] = [];
		for (const call of calls) {
			if (call.kind !== 'event-level-groups') continue;
			const event = findEvent(plan, call);
			if (!event) continue;
			const expected = event.groups.map((g) => g.name);
			for (const { group, name } of knownGroups(call)) {
				if (expected.includes(name) || !findGroupType(plan, name)) continue; // an undeclared type is reported once, on the type
				findings.push({
					uri,
					range: group.type.range,
					code: 'unexpected-event-group',
					message:
						`"${event.name}" carries group "${name}", which its plan entry does not list (${expected.length > 0 ? `it lists ${quoteList(expected)}` : 'it lists none'}). ` +
						`Charts built from the plan won't expect this group on the event. ` +
						`Add "${name}" to the event's groups in the plan, or drop it from the call.`,
					data: { rule: 'unexpected-event-group', planUri: plan.uri, event: event.name, groupType: name, entry: group.range },
				});
			}
		}
		return findings;
	},
};
