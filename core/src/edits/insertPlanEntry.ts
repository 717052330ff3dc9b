import type { Document } from 'yaml';
import type { ParsedPlan } from '../plan/parsePlan';
import { planInsertion } from './planInsertion';
import { writtenData, type PlanValue } from './renderPlanValue';
import type { TextEdit } from './textEdit';
import { insertionKeepsData } from './verifyPlanInsertion';

export { formatKey, type PlanEntries, type PlanValue } from './renderPlanValue';

/**
 * One insertion into the plan that adds `key: value` under the mapping at `path`
 * (e.g. ['groupTypes'] or ['groupTypes', 'company', 'properties']), creating missing parent keys;
 * undefined when no edit can be trusted. Nothing outside the inserted text changes: comments, blank
 * lines, quoting, key order and line endings stay as they are (an empty value's `~` or `null` is the
 * only text it may replace). Flow mappings (`{ a: 1 }`) get a flow entry; block mappings a block one,
 * at their entries' column. Every edit is checked before it is returned: the edited plan must read
 * back as exactly the old data plus the new entry.
 */
export function insertPlanEntry(plan: ParsedPlan, path: readonly string[], key: string, value: PlanValue): TextEdit | undefined {
	if (!planAcceptsEdits(plan)) return undefined;
	// The check re-parses the plan (about 60 ms for 1,000 properties): remembered per parsed plan, so the code-action
	// requests an editor sends as the cursor moves over the same diagnostic cost nothing after the first.
	let known = editsByDocument.get(plan.document);
	if (!known) editsByDocument.set(plan.document, (known = new Map()));
	const request = JSON.stringify([path, key, value]);
	if (known.has(request)) return known.get(request);
	const insertion = planInsertion(plan.document, plan.text, path, key, value);
	const edit = insertion && insertionKeepsData(plan.document, plan.text, insertion.edit, [...path, key], writtenData(value, insertion.flow)) ? insertion.edit : undefined;
	known.set(request, edit);
	return edit;
}

const editsByDocument = new WeakMap<Document.Parsed, Map<string, TextEdit | undefined>>();

/**
 * Whether the plan may be edited at all: yaml read it without an error (a plan-syntax finding, which
 * is then what the user sees first) or a warning (an unresolved tag, a doubtful indentation: its
 * reading, and so any edit's effect on it, cannot be trusted).
 */
export function planAcceptsEdits(plan: ParsedPlan): boolean {
	return plan.document.errors.length === 0 && plan.document.warnings.length === 0 && !plan.formFindings.some((finding) => finding.code === 'plan-syntax');
}
