import { groupIdentify, Identify } from '@amplitude/analytics-browser';
import { GroupTypes } from '../analytics/groups';

interface Account {
	id: number;
	name: string;
	plan: 'trial' | 'starter' | 'business' | 'enterprise';
	billingCountry: string;
	tier: string;
	weeklyActive: number;
}

/** Saves the account settings form, then mirrors the account's properties to Amplitude. */
export function syncAccountProperties(account: Account): void {
	const properties = new Identify();
	properties.set('Account Name', account.name);
	properties.set('plan', account.plan);
	properties.set('billing_country', account.billingCountry);
	// DELIBERATE: a typo for a property the plan doesn't have (undeclared-group-property).
	properties.set('acount_tier', account.tier);
	// DELIBERATE: Amplitude computes this one itself (dynamic-property-write).
	properties.set('Weekly Active Users', account.weeklyActive);
	// DELIBERATE: the plan declares seats as an integer (property-type-mismatch).
	properties.set('seats', '25');
	groupIdentify(GroupTypes.Company, String(account.id), properties);
}
