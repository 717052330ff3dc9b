import * as Amplitude from '@amplitude/analytics-browser';

interface Workspace {
	id: number;
	name: string;
}

export function WorkspaceSwitcher({ workspaces, onSwitch }: { workspaces: Workspace[]; onSwitch: (id: number) => void }) {
	const switchTo = (workspace: Workspace) => {
		// DELIBERATE: workspace_id is event-level in the plan (people hop between workspaces);
		// setGroup would keep every user in every workspace they ever opened (level-mismatch).
		Amplitude.setGroup('workspace_id', String(workspace.id));
		onSwitch(workspace.id);
	};
	return (
		<ul>
			{workspaces.map((w) => (
				<li key={w.id} onClick={() => switchTo(w)}>
					{w.name}
				</li>
			))}
		</ul>
	);
}
