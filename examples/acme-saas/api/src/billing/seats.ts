import { Identify } from '@amplitude/analytics-node';
import { amplitude } from '../analytics/client';

interface SeatChange {
	companyId: number;
	actorUserId: string;
	seats: number;
}

/** Called by the billing webhook after Stripe confirms a seat purchase. */
export async function recordSeatAdded(change: SeatChange): Promise<void> {
	const companyId = String(change.companyId);
	await amplitude.track('Seat Added', { seats: change.seats }, { user_id: change.actorUserId, groups: { company_id: companyId } }).promise;
	await amplitude.groupIdentify('company_id', companyId, new Identify().set('seats', change.seats), { user_id: change.actorUserId }).promise;
}
