import type { RuleCode } from '../diagnostics/ruleCodes';
import type { Severity } from '../diagnostics/finding';
import type { GroupLevel, PropertySource } from '../plan/planModel';

/**
 * The Accounts implementation workbook (the planning sheet Amplitude recommends), generated from a
 * plan and the code it governs, so it is always true. Renderers (Markdown, CSV, HTML) read only this.
 */
export interface Workbook {
	/** One per tracking plan (a monorepo may hold several). */
	readonly projects: readonly WorkbookProject[];
}

/** A place in a file: `file` relative to the plan's folder (for display), `href` for a link to it. */
export interface SourceLink {
	readonly file: string;
	/** 1-based. */
	readonly line: number;
	readonly href: string;
}

export interface WorkbookProject {
	/** The plan's `project`, or its folder's name. */
	readonly title: string;
	readonly plan: SourceLink;
	readonly groupTypes: readonly WorkbookGroupType[];
	readonly events: readonly WorkbookEvent[];
	readonly gauges: readonly LimitGauge[];
	readonly findings: readonly WorkbookFinding[];
	/** Findings per rule, most severe first. */
	readonly findingCounts: readonly { readonly code: RuleCode; readonly severity: Severity; readonly count: number }[];
	readonly totals: { readonly calls: number; readonly files: number; readonly errors: number; readonly warnings: number };
}

export type UseKind = 'user-level' | 'event-level' | 'group-identify' | 'segment-group';

/** A call that sends a group type. */
export interface GroupTypeUse extends SourceLink {
	readonly kind: UseKind;
	/** For event-level uses: the event. */
	readonly event?: string;
	/** Used at a level the plan does not allow (what the level-mismatch rule reports). */
	readonly levelMismatch: boolean;
}

export interface WorkbookProperty {
	readonly name: string;
	/** False when the code sets it but the plan does not declare it. */
	readonly declared: boolean;
	readonly type?: string;
	readonly enum?: readonly (string | number | boolean)[];
	readonly source: PropertySource;
	readonly dynamic: boolean;
	readonly description?: string;
	readonly isDisplayProperty: boolean;
	/** Group identify calls that set it. */
	readonly setAt: readonly SourceLink[];
}

export interface WorkbookGroupType {
	readonly name: string;
	/** False when the code sends it but the plan does not declare it. */
	readonly declared: boolean;
	/** 1-based place in the order it counts towards `limits.groupTypes`. */
	readonly position: number;
	readonly overLimit: boolean;
	readonly description?: string;
	/** The plan's level; undefined for an undeclared type. */
	readonly level?: GroupLevel;
	/** How the code uses it. */
	readonly levelsSeen: readonly ('user' | 'event')[];
	/** The plan's value format; undefined for an undeclared type. */
	readonly value?: 'numeric' | 'string';
	readonly displayProperty?: string;
	readonly salesforceSyncDays?: number;
	readonly properties: readonly WorkbookProperty[];
	/** Every call that sends it, by file and line. */
	readonly uses: readonly GroupTypeUse[];
	/** Events that carry it, in the plan or in code. */
	readonly events: readonly string[];
}

/**
 * One cell of the events × group types matrix:
 * `sent` the plan lists it and every call sends it; `missing` the plan lists it and some call is
 * sent without it; `planned` the plan lists it but no call of the event was found; `unplanned`
 * a call sends it but the plan does not list it; `none` neither.
 */
export type MatrixCell = 'sent' | 'missing' | 'planned' | 'unplanned' | 'none';

export interface WorkbookEvent {
	readonly name: string;
	readonly declared: boolean;
	readonly description?: string;
	/** One per group type of the project, in the project's order. */
	readonly cells: readonly MatrixCell[];
	readonly sentAt: readonly SourceLink[];
}

export interface LimitGauge {
	readonly label: string;
	readonly used: number;
	readonly limit: number;
	/** What the number is made of, or where the most was seen. */
	readonly detail: string;
}

export interface WorkbookFinding extends SourceLink {
	readonly column: number;
	readonly severity: Severity;
	readonly code: RuleCode;
	readonly message: string;
}
