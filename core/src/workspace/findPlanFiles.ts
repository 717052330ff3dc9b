import { throwIfCancelled, type CancellationToken } from '../cancellation';
import { joinUri } from './uris';
import type { WorkspaceFileSystem } from './workspaceFileSystem';

export const planFileNames: readonly string[] = ['tracking-plan.yaml', 'tracking-plan.yml'];

/** Folders never searched: dependencies and version control. */
export const alwaysSkippedFolders: ReadonlySet<string> = new Set(['node_modules', '.git', '.hg', '.svn']);

export function isPlanFileName(name: string): boolean {
	return planFileNames.includes(name);
}

/**
 * Every tracking plan below `folder` (or `folder` itself when it is a plan file), sorted.
 * Unreadable folders are passed over and reported to `onUnreadable`.
 */
export async function findPlanFiles(
	files: WorkspaceFileSystem,
	folder: string,
	token: CancellationToken,
	onUnreadable: (uri: string, error: unknown) => void = () => {},
): Promise<string[]> {
	const found: string[] = [];
	const pending = [folder];
	while (pending.length > 0) {
		throwIfCancelled(token);
		const current = pending.pop()!;
		let entries: readonly (readonly [string, string])[];
		try {
			entries = await files.readDirectory(current);
		} catch (error) {
			onUnreadable(current, error);
			continue;
		}
		for (const [name, type] of entries) {
			if (type === 'directory' && !alwaysSkippedFolders.has(name)) pending.push(joinUri(current, name));
			else if (type === 'file' && isPlanFileName(name)) found.push(joinUri(current, name));
		}
	}
	return found.sort();
}
