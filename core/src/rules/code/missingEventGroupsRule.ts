import type { FindingDraft } from '../../diagnostics/finding';
import type { CodeRule } from '../codeRule';
import { findEvent, knownGroups, quoteList } from './planLookup';

/** missing-event-groups: an event whose plan entry lists `groups` is sent without (some of) them. */
export const missingEventGroupsRule: CodeRule = {
	codes: ['missing-event-groups'],
	check({ uri, calls, plan }) {
		const findings: FindingDraft[] = [];
		for (const call of calls) {
			if (call.kind !== 'track' && call.kind !== 'event-level-groups') continue;
			if (call.groupsPartlyUnknown || !call.event) continue;
			const event = findEvent(plan, call);
			if (!event || event.groups.length === 0) continue;
			const carried = new Set(knownGroups(call).map((g) => g.name));
			const missing = event.groups.map((g) => g.name).filter((name) => !carried.has(name));
			if (missing.length === 0) continue;
			findings.push({
				uri,
				range: call.event.range,
				code: 'missing-event-groups',
				message:
					`"${event.name}" is sent without its group${missing.length > 1 ? 's' : ''} ${quoteList(missing)}. ` +
					`Amplitude can't attach groups to events after the fact, so these events would never count for their account. ` +
					(call.groupsInsertion
						? `Pass them in the call's groups.`
						: `This call cannot carry event-level groups; send the event through a call that can (e.g. track with { groups } or logEventWithGroups).`),
				data: {
					rule: 'missing-event-groups',
					planUri: plan.uri,
					event: event.name,
					missing,
					...(call.groupsInsertion ? { insertion: call.groupsInsertion } : {}),
				},
			});
		}
		return findings;
	},
};
