import { track } from '@amplitude/analytics-browser';
import { GroupTypes } from '../analytics/groups';

interface ExportButtonProps {
	companyId: number;
	workspaceId: number;
	format: 'csv' | 'pdf' | 'xlsx';
	onExport: () => Promise<void>;
}

export function ExportButton({ companyId, workspaceId, format, onExport }: ExportButtonProps) {
	const handleClick = async () => {
		await onExport();
		track('Report Exported', { format }, {
			groups: { [GroupTypes.Company]: String(companyId), [GroupTypes.Workspace]: String(workspaceId) },
		});
	};
	return <button onClick={handleClick}>Export {format.toUpperCase()}</button>;
}
