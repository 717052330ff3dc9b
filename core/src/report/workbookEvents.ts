import { knownGroups } from '../rules/code/planLookup';
import type { CallFact } from '../scan/callFacts';
import type { ProjectContext } from './projectContext';
import type { MatrixCell, SourceLink, WorkbookEvent } from './workbookModel';

/**
 * The events × group types matrix: the plan's events in plan order, then events the code sends
 * with groups that the plan does not list, in order of appearance.
 */
export function eventsOfProject(context: ProjectContext, groupTypes: readonly string[]): WorkbookEvent[] {
	const callsByEvent = new Map<string, { calls: CallFact[]; sentAt: SourceLink[] }>();
	for (const { file, call } of context.calls) {
		if (call.kind !== 'event-level-groups' && call.kind !== 'track') continue;
		const name = context.eventName(call);
		if (name === undefined) continue;
		const entry = callsByEvent.get(name) ?? { calls: [], sentAt: [] };
		entry.calls.push(call);
		entry.sentAt.push(context.link(file, call.range.start));
		callsByEvent.set(name, entry);
	}
	const events: WorkbookEvent[] = context.plan.events.map((event) => {
		const sent = callsByEvent.get(event.name);
		const listed = event.groups.map((g) => g.name);
		return {
			name: event.name,
			declared: true,
			...(event.description !== undefined ? { description: event.description } : {}),
			cells: groupTypes.map((type) => cell(listed.includes(type), type, sent?.calls ?? [])),
			sentAt: sent?.sentAt ?? [],
		};
	});
	for (const [name, sent] of callsByEvent) {
		if (context.plan.events.some((event) => event.name === name)) continue;
		if (!sent.calls.some((call) => call.groups.length > 0)) continue;
		events.push({ name, declared: false, cells: groupTypes.map((type) => cell(false, type, sent.calls)), sentAt: sent.sentAt });
	}
	return events;
}

function cell(listed: boolean, type: string, calls: readonly CallFact[]): MatrixCell {
	const carries = (call: CallFact) => knownGroups(call).some((g) => g.name === type);
	if (listed) {
		if (calls.some((call) => !call.groupsPartlyUnknown && !carries(call))) return 'missing';
		return calls.length > 0 ? 'sent' : 'planned';
	}
	return calls.some(carries) ? 'unplanned' : 'none';
}
