import type { FindingDraft } from '../../diagnostics/finding';
import type { CodeRule } from '../codeRule';

/** segment-group-fallback: a Segment group call lacks the configured group type / value traits. */
export const segmentGroupFallbackRule: CodeRule = {
	codes: ['segment-group-fallback'],
	check({ uri, calls, plan }) {
		const findings: FindingDraft[] = [];
		const { groupTypeTrait, groupValueTrait } = plan.segment;
		for (const call of calls) {
			const traits = call.segmentTraits;
			if (call.kind !== 'segment-group' || !traits || traits.partlyUnknown) continue;
			const keys = new Set(traits.entries.map((e) => e.key));
			const missingTraits = [groupTypeTrait, groupValueTrait].filter((trait) => !keys.has(trait));
			if (missingTraits.length === 0) continue;
			findings.push({
				uri,
				range: traits.range ?? call.calleeRange,
				code: 'segment-group-fallback',
				message:
					`This Segment group call has no ${missingTraits.map((t) => `"${t}"`).join(' or ')} trait, so the Amplitude destination files the user under the group type "[Segment] Group" instead of a real one. ` +
					`Add ${missingTraits.map((t) => `${t}: <${t === groupTypeTrait ? 'group type' : 'group value'}>`).join(' and ')} to the traits (the plan's segment settings name these traits).`,
				data: { rule: 'segment-group-fallback', missingTraits, ...(traits.insertion ? { insertion: traits.insertion } : {}) },
			});
		}
		return findings;
	},
};
