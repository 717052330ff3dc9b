import { throwIfCancelled, type CancellationToken } from '../cancellation';
import type { FindingData } from '../diagnostics/findingData';
import type { RuleCode } from '../diagnostics/ruleCodes';
import type { TextRange } from '../text/textRange';
import type { WorkspaceIndex } from '../workspaceIndex/workspaceIndex';
import { planAcceptsEdits } from '../edits/insertPlanEntry';
import { addToPlanFix } from './quickFixes/addToPlan';
import type { QuickFix } from './quickFixes/codeAction';
import { replaceNameFix } from './quickFixes/replaceName';

/** A diagnostic as the client sends it back with a code-action request: code and data, never message text. */
export interface DiagnosticRef {
	readonly code: RuleCode | string | undefined;
	readonly range: TextRange;
	readonly data?: FindingData;
}

/**
 * Quick fixes for the diagnostics in a code-action request, driven only by each diagnostic's code
 * and typed data. `text` is the document's current text (to check a name is written literally).
 */
export function quickFixes(index: WorkspaceIndex, uri: string, text: string, diagnostics: readonly DiagnosticRef[], token: CancellationToken): QuickFix[] {
	const fixes: QuickFix[] = [];
	diagnostics.forEach((diagnostic, position) => {
		throwIfCancelled(token);
		const data = diagnostic.data;
		if (!data || data.rule !== diagnostic.code) return;
		for (const fix of fixesFor(index, uri, text, diagnostic.range, data, position)) if (fix) fixes.push(fix);
	});
	return fixes;
}

function fixesFor(index: WorkspaceIndex, uri: string, text: string, range: TextRange, data: FindingData, at: number): (QuickFix | undefined)[] {
	// A plan that does not parse gets no edit: its own plan-syntax error is what the user sees first.
	const editablePlan = (planUri: string) => {
		const plan = index.plan(planUri);
		return plan && planAcceptsEdits(plan) ? plan : undefined;
	};
	const writer = index.frontEndFor(uri)?.code;
	const code = writer ? { code: writer } : undefined;
	switch (data.rule) {
		case 'undeclared-group-type': {
			const plan = editablePlan(data.planUri);
			return [
				data.suggestion && code ? replaceNameFix(uri, text, range, data.groupType, data.suggestion, at, code) : undefined,
				plan ? addToPlanFix(plan, ['groupTypes'], data.groupType, { level: data.usedAt }, (file) => `Add group type "${data.groupType}" to ${file}`, at) : undefined,
			];
		}
		case 'undeclared-group-property': {
			const plan = editablePlan(data.planUri);
			return [
				data.suggestion && code ? replaceNameFix(uri, text, range, data.property, data.suggestion, at, code) : undefined,
				plan
					? addToPlanFix(
							plan,
							['groupTypes', data.groupType, 'properties'],
							data.property,
							{ type: data.valueType ?? 'string' },
							(file) => `Add group property "${data.property}" to "${data.groupType}" in ${file}`,
							at,
						)
					: undefined,
			];
		}
		case 'unknown-event': {
			const plan = editablePlan(data.planUri);
			// Its groups as far as the plan declares them: an undeclared one would make the new entry a plan error (the call's own finding offers to declare it).
			const groups = plan ? data.groupTypes.filter((type) => plan.model.groupTypes.some((declared) => declared.name === type)) : [];
			return [plan ? addToPlanFix(plan, ['events'], data.event, { groups }, (file) => `Add event "${data.event}" to ${file}`, at) : undefined];
		}
		case 'unknown-group-reference': {
			const plan = editablePlan(uri);
			return [
				data.suggestion && plan ? replaceNameFix(uri, text, range, data.name, data.suggestion, at, 'plan') : undefined,
				plan && data.reference === 'event-group' ? addToPlanFix(plan, ['groupTypes'], data.name, null, (file) => `Add group type "${data.name}" to ${file}`, at) : undefined,
			];
		}
		case 'plan-schema':
			return [data.suggestion && editablePlan(uri) ? replaceNameFix(uri, text, range, text.slice(range.start, range.end), data.suggestion, at, 'plan') : undefined];
		case 'missing-event-groups':
			return [
				data.insertion && writer
					? {
							title: `Add the missing group${data.missing.length > 1 ? 's' : ''} ${data.missing.join(', ')} to this call`,
							isPreferred: true,
							edits: { [uri]: [writer.insertGroups(data.insertion, data.missing, text)] },
							diagnostic: at,
						}
					: undefined,
			];
		case 'segment-group-fallback': {
			const insertion = data.insertion;
			if (!insertion || !writer) return [];
			return [
				{
					title: `Add the ${data.missingTraits.join(' and ')} trait${data.missingTraits.length > 1 ? 's' : ''} Amplitude needs`,
					isPreferred: true,
					edits: { [uri]: [writer.insertTraits(insertion, data.missingTraits, text)] },
					diagnostic: at,
				},
			];
		}
		default:
			return [];
	}
}
