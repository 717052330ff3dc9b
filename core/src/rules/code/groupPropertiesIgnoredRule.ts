import type { FindingDraft } from '../../diagnostics/finding';
import type { CodeRule } from '../codeRule';

/** group-properties-ignored: `group_properties` on an ordinary event, where Amplitude ignores them. */
export const groupPropertiesIgnoredRule: CodeRule = {
	codes: ['group-properties-ignored'],
	check({ uri, calls }) {
		const findings: FindingDraft[] = [];
		for (const call of calls) {
			if (!call.ignoredGroupPropertiesRange) continue;
			findings.push({
				uri,
				range: call.ignoredGroupPropertiesRange,
				code: 'group-properties-ignored',
				message:
					`group_properties on an ordinary event are ignored: Amplitude only reads them on $groupidentify events, so these values are never stored. ` +
					`Set them with groupIdentify(type, value, new Identify().set(…)) instead.`,
				data: { rule: 'group-properties-ignored' },
			});
		}
		return findings;
	},
};
