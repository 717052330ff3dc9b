import { setGroup, groupIdentify, Identify } from '@amplitude/analytics-browser';
import { COMPANY_GROUP, GroupTypes } from '../analytics/groups';

export interface SignedInUser {
	id: string;
	companyId: number;
	companyName: string;
	department: 'engineering' | 'product' | 'sales' | 'marketing' | 'finance' | 'operations';
}

/** Runs once after sign-in: puts the user in their company and team for good (user-level groups). */
export function joinAccountGroups(user: SignedInUser): void {
	setGroup(COMPANY_GROUP, String(user.companyId));
	setGroup(GroupTypes.Team, user.department);

	groupIdentify(GroupTypes.Team, user.department, new Identify().set('department', user.department));
}
