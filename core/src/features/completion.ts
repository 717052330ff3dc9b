import { throwIfCancelled, type CancellationToken } from '../cancellation';
import type { ParsedPlan } from '../plan/parsePlan';
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

/** What the code before the cursor is in the middle of writing. */
const sourceContexts: readonly { readonly pattern: RegExp; readonly wants: 'groupType' | 'groupProperty' | 'event' | 'groupKey' }[] = [
	{ pattern: /(?:setGroup|groupIdentify|identifyGroup|set_group|group_identify)\(\s*(['"`])([^'"`\n]*)$/, wants: 'groupType' },
	{ pattern: /\b(?:group_type|groupType)\s*:\s*(['"`])([^'"`\n]*)$/, wants: 'groupType' },
	{ pattern: /\.(?:set|setOnce|add|append|prepend|unset|preInsert|postInsert|remove)\(\s*(['"`])([^'"`\n]*)$/, wants: 'groupProperty' },
	{ pattern: /(?:track|logEvent|logEventWithGroups)\(\s*(['"`])([^'"`\n]*)$/, wants: 'event' },
	{ pattern: /\bevent_type\s*:\s*(['"`])([^'"`\n]*)$/, wants: 'event' },
	{ pattern: /\bgroups\s*:\s*\{(?:[^{}]*,)?\s*(['"]?)([\w .-]*)$/, wants: 'groupKey' },
];

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
	const lineStart = Math.max(text.lastIndexOf('\n', offset - 1), text.lastIndexOf('\r', offset - 1)) + 1;
	const before = text.slice(Math.max(lineStart, offset - 400), offset);
	for (const context of sourceContexts) {
		const match = context.pattern.exec(before);
		if (!match) continue;
		const typed = match[2] ?? '';
		const range = { start: offset - typed.length, end: offset };
		if (context.wants === 'groupProperty' && !/Identify/.test(text)) return [];
		return entriesFor(governing, context.wants, range, match[1] ?? '', text, offset);
	}
	return [];
}

function entriesFor(plan: ParsedPlan, wants: 'groupType' | 'groupProperty' | 'event' | 'groupKey', range: TextRange, quote: string, text: string, offset: number): CompletionEntry[] {
	const model = plan.model;
	if (wants === 'groupType' || wants === 'groupKey') {
		return model.groupTypes.map((groupType) => ({
			label: groupType.name,
			kind: 'groupType',
			detail: `group type · ${groupType.level} level`,
			...(groupType.description ? { documentation: groupType.description } : {}),
			range,
			...(wants === 'groupKey' && !quote ? { insertText: `${/^[A-Za-z_$][\w$]*$/.test(groupType.name) ? groupType.name : `'${groupType.name}'`}: ` } : {}),
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
	const groupType = nearestGroupIdentifyType(plan, text, offset);
	const types = groupType ? model.groupTypes.filter((t) => t.name === groupType) : model.groupTypes;
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

/** The group type of the next groupIdentify after the cursor, when the Identify being built feeds one. */
function nearestGroupIdentifyType(plan: ParsedPlan, text: string, offset: number): string | undefined {
	const after = text.slice(offset, offset + 2000);
	const match = /groupIdentify\(\s*(['"`])([^'"`\n]+)\1/.exec(after);
	const name = match?.[2];
	return name && plan.model.groupTypes.some((t) => t.name === name) ? name : undefined;
}
