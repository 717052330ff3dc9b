import type { FindingDraft } from '../../diagnostics/finding';
import type { CodeRule } from '../codeRule';
import { findEvent, knownGroups } from './planLookup';

/** unknown-event: an event that carries groups is not in the plan. */
export const unknownEventRule: CodeRule = {
	codes: ['unknown-event'],
	check({ uri, calls, plan }) {
		const findings: FindingDraft[] = [];
		for (const call of calls) {
			if (call.kind !== 'event-level-groups' || call.event?.kind !== 'resolved' || findEvent(plan, call)) continue;
			const groupTypes = knownGroups(call).map((g) => g.name);
			findings.push({
				uri,
				range: call.event.range,
				code: 'unknown-event',
				message:
					`"${call.event.name}" carries groups but is not in the tracking plan, so nothing checks that it always carries them. ` +
					`Add it under events with its groups.`,
				data: { rule: 'unknown-event', planUri: plan.uri, event: call.event.name, groupTypes },
			});
		}
		return findings;
	},
};
