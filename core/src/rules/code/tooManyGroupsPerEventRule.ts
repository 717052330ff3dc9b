import type { FindingDraft } from '../../diagnostics/finding';
import type { ValueFact } from '../../scan/callFacts';
import type { CodeRule } from '../codeRule';

/** too-many-groups-per-event: one event or identify carries more group types or values than Amplitude keeps. */
export const tooManyGroupsPerEventRule: CodeRule = {
	codes: ['too-many-groups-per-event'],
	check({ uri, calls, plan }) {
		const typeLimit = plan.limits.groupTypesPerEvent.value;
		const valueLimit = plan.limits.groupValuesPerEvent.value;
		const findings: FindingDraft[] = [];
		for (const call of calls) {
			if (call.groups.length === 0 || call.kind === 'track') continue;
			const range = call.groupsRange ?? call.range;
			const types = new Set(call.groups.map((g) => (g.type.kind === 'resolved' ? g.type.name : `?${g.type.range.start}`))).size;
			const values = call.groups.reduce((sum, g) => sum + valueCount(g.value), 0);
			if (types > typeLimit) {
				findings.push({
					uri,
					range,
					code: 'too-many-groups-per-event',
					message:
						`This call carries ${types} group types, but Amplitude keeps ${typeLimit} per event (limits.groupTypesPerEvent); the rest are dropped without an error. ` +
						`Send fewer group types, or split the call.`,
					data: { rule: 'too-many-groups-per-event', limit: typeLimit, count: types, counted: 'group types' },
				});
			} else if (values > valueLimit) {
				findings.push({
					uri,
					range,
					code: 'too-many-groups-per-event',
					message:
						`This call carries ${values} group values, but Amplitude keeps ${valueLimit} per event (limits.groupValuesPerEvent); the rest are dropped without an error. ` +
						`Send fewer values, e.g. only the groups this event is about.`,
					data: { rule: 'too-many-groups-per-event', limit: valueLimit, count: values, counted: 'group values' },
				});
			}
		}
		return findings;
	},
};

function valueCount(value: ValueFact): number {
	return value.kind === 'array' ? value.items.length : 1;
}
