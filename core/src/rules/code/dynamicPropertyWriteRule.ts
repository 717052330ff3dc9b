import type { FindingDraft } from '../../diagnostics/finding';
import type { CodeRule } from '../codeRule';
import { groupIdentifyWrites } from './planLookup';

/** dynamic-property-write: code writes a property that Amplitude computes or the Salesforce integration syncs. */
export const dynamicPropertyWriteRule: CodeRule = {
	codes: ['dynamic-property-write'],
	check({ uri, calls, plan }) {
		const findings: FindingDraft[] = [];
		for (const { groupType, property, declared } of groupIdentifyWrites(calls, plan)) {
			if (!declared || (!declared.dynamic && declared.source !== 'salesforce')) continue;
			const source = declared.dynamic ? 'dynamic' : 'salesforce';
			findings.push({
				uri,
				range: property.name.range,
				code: 'dynamic-property-write',
				message:
					source === 'dynamic'
						? `"${declared.name}" is a Dynamic Group Property: Amplitude computes it from events, so a value set here is ignored or conflicts with it. Remove this write.`
						: `"${declared.name}" is synced from Salesforce: the next sync overwrites what the code sets, so the two fight. Update it in Salesforce, or mark it source: code in the plan.`,
				data: { rule: 'dynamic-property-write', groupType: groupType.name, property: declared.name, source },
			});
		}
		return findings;
	},
};
