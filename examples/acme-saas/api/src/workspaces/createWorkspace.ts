import { amplitude } from '../analytics/client';

interface NewWorkspace {
	id: number;
	name: string;
	companyId: number;
	createdBy: string;
	region: 'us' | 'eu';
}

export async function onWorkspaceCreated(workspace: NewWorkspace): Promise<void> {
	amplitude.track(
		'Workspace Created',
		{ region: workspace.region },
		{
			user_id: workspace.createdBy,
			// DELIBERATE: "compnay_id" is a typo of company_id; Amplitude would create a new group type (undeclared-group-type).
			groups: { compnay_id: String(workspace.companyId), workspace_id: String(workspace.id) },
		},
	);
}
