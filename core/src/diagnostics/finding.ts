import type { TextRange } from '../text/textRange';
import type { RuleCode } from './ruleCodes';
import type { FindingData } from './findingData';

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type SeveritySetting = Severity | 'off';

/**
 * One diagnostic, as the core produces it: offsets, a stable rule code and a typed payload for its
 * quick fix. Hosts convert the range to lines once, at their edge.
 */
export interface Finding {
	/** The document the finding is in (a URI string). */
	readonly uri: string;
	readonly range: TextRange;
	readonly severity: Severity;
	readonly code: RuleCode;
	readonly message: string;
	readonly data?: FindingData;
}

/** A finding as a rule reports it, before its severity is settled by the catalogue and the user's settings. */
export type FindingDraft = Omit<Finding, 'severity'>;

export const severityRank: Readonly<Record<Severity, number>> = { error: 0, warning: 1, information: 2, hint: 3 };
