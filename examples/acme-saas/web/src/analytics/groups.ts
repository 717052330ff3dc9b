/**
 * Amplitude group types, exactly as declared in tracking-plan.yaml. Import these instead of
 * typing the strings: Trackplan resolves them and checks every call against the plan.
 */
export const GroupTypes = {
	Company: 'company_id',
	Workspace: 'workspace_id',
	Team: 'team',
} as const;

export const COMPANY_GROUP = 'company_id';
