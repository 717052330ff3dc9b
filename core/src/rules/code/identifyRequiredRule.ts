import type { FindingDraft } from '../../diagnostics/finding';
import type { CodeRule } from '../codeRule';

/** identify-required: a plain object is passed where the SDK needs an Identify. */
export const identifyRequiredRule: CodeRule = {
	codes: ['identify-required'],
	check({ uri, calls }) {
		const findings: FindingDraft[] = [];
		for (const call of calls) {
			if (!call.plainObjectIdentifyRange) continue;
			findings.push({
				uri,
				range: call.plainObjectIdentifyRange,
				code: 'identify-required',
				message:
					`groupIdentify needs an Identify, not a plain object: the SDK reads operations from an Identify, so these group properties are never set. ` +
					`Build one: new Identify().set('name', value).`,
				data: { rule: 'identify-required' },
			});
		}
		return findings;
	},
};
