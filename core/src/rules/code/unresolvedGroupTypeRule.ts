import type { FindingDraft } from '../../diagnostics/finding';
import type { CodeRule } from '../codeRule';

/** unresolved-group-type: the group type is computed at run time and cannot be checked. */
export const unresolvedGroupTypeRule: CodeRule = {
	codes: ['unresolved-group-type'],
	check({ uri, calls }) {
		const findings: FindingDraft[] = [];
		for (const call of calls) {
			for (const group of call.groups) {
				if (group.type.kind === 'resolved') continue;
				const expression = group.type.text;
				findings.push({
					uri,
					range: group.type.range,
					code: 'unresolved-group-type',
					message:
						`Trackplan can't tell which group type \`${truncate(expression)}\` is (it is computed at run time), so this call isn't checked against the plan. ` +
						`Use a literal, or a const whose value is a declared group type, if you want it checked.`,
					data: { rule: 'unresolved-group-type', expression },
				});
			}
		}
		return findings;
	},
};

function truncate(text: string): string {
	const line = text.replace(/\s+/g, ' ');
	return line.length > 60 ? `${line.slice(0, 57)}…` : line;
}
