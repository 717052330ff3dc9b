import type { FindingDraft } from '../../diagnostics/finding';
import type { CodeRule } from '../codeRule';
import { knownGroups } from './planLookup';

/**
 * group-type-limit in code: each use of a group type outside the first `limits.groupTypes` of the
 * workspace (declared types first, in plan order, then undeclared ones by first appearance).
 */
export const codeGroupTypeLimitRule: CodeRule = {
	codes: ['group-type-limit'],
	check({ uri, calls, plan, usage }) {
		const limit = plan.limits.groupTypes.value;
		const findings: FindingDraft[] = [];
		for (const call of calls) {
			for (const { group, name } of knownGroups(call)) {
				const position = usage.groupTypePositions.get(name) ?? 0;
				if (position <= limit) continue;
				findings.push({
					uri,
					range: group.type.range,
					code: 'group-type-limit',
					message:
						`"${name}" is group type ${position} in this workspace, but the project allows ${limit} (limits.groupTypes). ` +
						`Amplitude keeps at most ${limit} group types per project, so data sent with this one would be lost for good. ` +
						`Use one of the declared group types instead.`,
					data: { rule: 'group-type-limit', groupType: name, limit, position },
				});
			}
		}
		return findings;
	},
};
