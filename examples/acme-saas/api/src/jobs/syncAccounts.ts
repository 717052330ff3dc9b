import { Identify } from '@amplitude/analytics-node';
import { amplitude } from '../analytics/client';

interface BillingAccount {
	companyId: number;
	legalName: string;
	plan: 'trial' | 'starter' | 'business' | 'enterprise';
	signedUpAt: Date;
}

/** Nightly job: copies billing facts onto the Amplitude company group. */
export function syncAccount(account: BillingAccount): void {
	const identify = new Identify()
		.set('Account Name', account.legalName)
		.set('plan', account.plan)
		.setOnce('signed_up_at', account.signedUpAt.toISOString());
	// DELIBERATE: a server-side call with neither user_id nor device_id; Amplitude rejects it (missing-user-id).
	amplitude.groupIdentify('company_id', String(account.companyId), identify);
}
