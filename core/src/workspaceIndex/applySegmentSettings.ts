import type { SegmentSettings } from '../plan/planModel';
import type { CallFact, GroupFact } from '../scan/callFacts';

/**
 * A Segment `group` call seen as Amplitude will: the plan's `segment` settings name the traits that
 * carry the group type and value. Without both, Segment files the user under "[Segment] Group" and the
 * call carries none of the plan's groups (the segment-group-fallback rule reports that).
 */
export function applySegmentSettings(call: CallFact, settings: SegmentSettings): CallFact {
	if (call.kind !== 'segment-group' || !call.segmentTraits) return call;
	const entries = call.segmentTraits.entries;
	const typeEntry = entries.find((e) => e.key === settings.groupTypeTrait);
	const valueEntry = entries.find((e) => e.key === settings.groupValueTrait);
	if (!typeEntry || !valueEntry) return call; // Segment falls back to "[Segment] Group"; nothing of ours is sent
	const typeValue = typeEntry.value;
	const group: GroupFact = {
		type:
			typeValue.kind === 'string'
				? { kind: 'resolved', name: typeValue.value, range: typeValue.range }
				: { kind: 'unresolved', range: typeValue.range, text: settings.groupTypeTrait },
		value: valueEntry.value,
		range: { start: typeEntry.keyRange.start, end: typeValue.range.end },
	};
	return { ...call, groups: [group, ...call.groups] };
}
