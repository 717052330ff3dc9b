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
					`Pass { user_id } (or device_id) in the event options.`,
				data: { rule: 'missing-user-id' },
			});
		}
		return findings;
	},
};
