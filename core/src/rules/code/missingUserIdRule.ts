import type { FindingDraft } from '../../diagnostics/finding';
import type { CodeRule } from '../codeRule';

/** missing-user-id: a server-side call carries neither user_id nor device_id. */
export const missingUserIdRule: CodeRule = {
	codes: ['missing-user-id'],
	check({ uri, calls }) {
		const findings: FindingDraft[] = [];
		for (const call of calls) {
			if (call.userIdentity !== 'absent') continue;
			findings.push({
				uri,
				range: call.calleeRange,
				code: 'missing-user-id',
				message:
					`This server-side call has neither user_id nor device_id. Server SDKs have no current user, and Amplitude rejects events without one (HTTP 400), so the group data is lost. ` +
					`Pass the acting user's user_id (or a device_id) with the call.`,
				data: { rule: 'missing-user-id' },
			});
		}
		return findings;
	},
};
