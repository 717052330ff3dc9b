import type { WorkspaceTextEdits } from '../../edits/textEdit';

/** A quick fix: what the user picks in the light-bulb menu. */
export interface QuickFix {
	readonly title: string;
	/** The one fix that is almost always right (applied by "Fix all" / auto-fix). */
	readonly isPreferred: boolean;
	readonly edits: WorkspaceTextEdits;
	/** Index of the diagnostic (in the request's list) the fix resolves. */
	readonly diagnostic: number;
}
