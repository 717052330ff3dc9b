import { amplitude } from '../analytics/amplitude';

interface ShareDialogProps {
	companyId: number;
	workspaceId: number;
	dashboardId: string;
}

export function ShareDialog({ companyId, dashboardId }: ShareDialogProps) {
	const share = (audience: 'internal' | 'external') => {
		// DELIBERATE: the plan says "Dashboard Shared" carries company_id AND workspace_id;
		// workspace_id is forgotten here (missing-event-groups).
		amplitude.track({
			event_type: 'Dashboard Shared',
			event_properties: { audience, dashboardId },
			groups: { company_id: String(companyId) },
		});
	};
	return (
		<div role="dialog">
			<button onClick={() => share('internal')}>Share with my team</button>
			<button onClick={() => share('external')}>Create public link</button>
		</div>
	);
}
