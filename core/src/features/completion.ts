import { throwIfCancelled, type CancellationToken } from '../cancellation';
import type { ParsedPlan } from '../plan/parsePlan';
import type { CodeWriter } from '../scan/codeWriter';
import type { CompletionContext } from '../scan/completionContext';
import type { TextRange } from '../text/textRange';
import type { WorkspaceIndex } from '../workspaceIndex/workspaceIndex';
import { planCompletions } from './planCompletion';

export interface CompletionEntry {
	readonly label: string;
	readonly kind: 'groupType' | 'groupProperty' | 'event' | 'key' | 'value';
	readonly detail: string;
	readonly documentation?: string;
	/** The text typed so far that the entry replaces. */
	readonly range: TextRange;
	readonly insertText?: string;
}

/**
 * Completion in a source file (group types, group property names, event names inside SDK calls)
 * or in a plan (keys and declared names). Every entry carries the plan's description.
 */
export function completion(index: WorkspaceIndex, uri: string, text: string, offset: number, token: CancellationToken): CompletionEntry[] {
	const plan = index.plan(uri);
	if (plan) return planCompletions(plan, text, offset);
	const governing = index.planFor(uri);
	if (!governing) return [];
	throwIfCancelled(token);
	const frontEnd = index.frontEndFor(uri);
	const context = frontEnd?.completionContext(text, offset);
	if (!frontEnd || !context) return [];
	const range = { start: context.start, end: offset };
	const written = (name: string) => writtenInString(frontEnd.code, uri, text, range, context, name);
	return entriesFor(governing, context, range, frontEnd.code).map((entry) => (entry.insertText === undefined ? { ...entry, ...written(entry.label) } : entry));
}

/** Inside a string, the name as the language's writer escapes it for that string (`it's` in `'…'`), when that differs from the name. */
function writtenInString(writer: CodeWriter, uri: string, text: string, range: TextRange, context: CompletionContext, name: string): { insertText?: string } {
	if (!context.quote) return {};
	const edit = writer.writeName(uri, text, range, name);
	const inPlace = edit.range.start === range.start && edit.range.end === range.end;
	return inPlace && edit.newText !== name ? { insertText: edit.newText } : {};
}

function entriesFor(plan: ParsedPlan, context: CompletionContext, range: TextRange, writer: CodeWriter): CompletionEntry[] {
	const model = plan.model;
	const wants = context.wants;
	if (wants === 'groupType' || wants === 'groupKey') {
		return model.groupTypes.map((groupType) => ({
			label: groupType.name,
			kind: 'groupType',
			detail: `group type · ${groupType.level} level`,
			...(groupType.description ? { documentation: groupType.description } : {}),
			range,
			...(wants === 'groupKey' && !context.quote ? { insertText: writer.groupKey(groupType.name) } : {}),
		}));
	}
	if (wants === 'event') {
		return model.events.map((event) => ({
			label: event.name,
			kind: 'event',
			detail: event.groups.length > 0 ? `event · carries ${event.groups.map((g) => g.name).join(', ')}` : 'event',
			...(event.description ? { documentation: event.description } : {}),
			range,
		}));
	}
	const declared = context.groupType ? model.groupTypes.filter((t) => t.name === context.groupType) : [];
	const types = declared.length > 0 ? declared : model.groupTypes;
	return types.flatMap((t) =>
		t.properties
			.filter((p) => !p.dynamic && p.source !== 'salesforce')
			.map((property) => ({
				label: property.name,
				kind: 'groupProperty' as const,
				detail: `${t.name} property${property.type ? ` · ${property.type}` : ''}${property.enum ? ` (${property.enum.join(' | ')})` : ''}`,
				...(property.description ? { documentation: property.description } : {}),
				range,
			})),
	);
}
