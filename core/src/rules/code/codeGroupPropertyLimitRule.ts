import type { FindingDraft } from '../../diagnostics/finding';
import { propertyKey } from '../../workspaceIndex/workspaceUsage';
import type { CodeRule } from '../codeRule';
import { resolvedName } from './planLookup';

/** group-property-limit in code: each write of a group property past `limits.groupProperties` in the workspace. */
export const codeGroupPropertyLimitRule: CodeRule = {
	codes: ['group-property-limit'],
	check({ uri, calls, plan, usage }) {
		const limit = plan.limits.groupProperties.value;
		const findings: FindingDraft[] = [];
		for (const call of calls) {
			const groupType = call.kind === 'group-identify' ? resolvedName(call.groups[0]?.type) : undefined;
			if (!groupType) continue;
			for (const property of call.properties) {
				if (property.name.kind !== 'resolved') continue;
				const position = usage.groupPropertyPositions.get(propertyKey(groupType, property.name.name)) ?? 0;
				if (position <= limit) continue;
				findings.push({
					uri,
					range: property.name.range,
					code: 'group-property-limit',
					message:
						`"${property.name.name}" is group property ${position} in this workspace, but the project allows ${limit} (limits.groupProperties). ` +
						`Amplitude keeps at most ${limit} account-level properties per project; values past that are not stored. ` +
						`Reuse a declared property or remove one you no longer analyse.`,
					data: { rule: 'group-property-limit', groupType, property: property.name.name, limit, position },
				});
			}
		}
		return findings;
	},
};
