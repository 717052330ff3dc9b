import type { GroupTypeDecl } from '../plan/planModel';
import { findEvent, findGroupType, knownGroups, levelOf } from '../rules/code/planLookup';
import type { CallFact } from '../scan/callFacts';
import { addTo } from '../util/multiMap';
import type { WorkspaceUsage } from '../workspaceIndex/workspaceUsage';
import type { ProjectContext } from './projectContext';
import type { GroupTypeUse, SourceLink, UseKind, WorkbookGroupType, WorkbookProperty } from './workbookModel';

/** Every group type of a project, declared or sent, in the order they count towards the limit. */
export function groupTypesOfProject(context: ProjectContext, usage: WorkspaceUsage): WorkbookGroupType[] {
	const limit = context.plan.limits.groupTypes.value;
	return [...usage.groupTypePositions]
		.sort((a, b) => a[1] - b[1])
		.map(([name, position]) => {
			const declaration = findGroupType(context.plan, name);
			const uses = usesOf(context, name);
			const levelsSeen = (['user', 'event'] as const).filter((level) => uses.some((use) => useLevel(use.kind) === level));
			return {
				name,
				declared: declaration !== undefined,
				position,
				overLimit: position > limit,
				...(declaration?.description !== undefined ? { description: declaration.description } : {}),
				...(declaration ? { level: declaration.level, value: declaration.value } : {}),
				levelsSeen,
				...(declaration?.displayProperty ? { displayProperty: declaration.displayProperty.name } : {}),
				...(declaration?.salesforce?.syncEveryDays !== undefined ? { salesforceSyncDays: declaration.salesforce.syncEveryDays } : {}),
				properties: propertiesOf(context, name, declaration),
				uses,
				events: eventsCarrying(context, name, uses),
			};
		});
}

function usesOf(context: ProjectContext, name: string): GroupTypeUse[] {
	const uses: GroupTypeUse[] = [];
	const declared = findGroupType(context.plan, name)?.level;
	for (const { file, call } of context.calls) {
		const group = knownGroups(call).find((g) => g.name === name);
		if (!group) continue;
		const kind = useKind(call);
		const event = kind === 'event-level' ? context.eventName(call) : undefined;
		// As the level-mismatch rule sees it: an event whose plan entry lists the group may carry it whatever its level.
		const usedAt = levelOf(call);
		const listedByEvent = usedAt === 'event' && (findEvent(context.plan, call)?.groups.some((g) => g.name === name) ?? false);
		const levelMismatch = declared !== undefined && declared !== 'any' && usedAt !== undefined && usedAt !== declared && !listedByEvent;
		uses.push({ ...context.link(file, call.range.start), kind, ...(event !== undefined ? { event } : {}), levelMismatch });
	}
	return uses;
}

function useKind(call: CallFact): UseKind {
	if (call.kind === 'group-identify') return 'group-identify';
	if (call.kind === 'segment-group') return 'segment-group';
	return levelOf(call) === 'user' ? 'user-level' : 'event-level';
}

function useLevel(kind: UseKind): 'user' | 'event' | undefined {
	return kind === 'user-level' || kind === 'segment-group' ? 'user' : kind === 'event-level' ? 'event' : undefined;
}

/** Declared properties in plan order, then those only the code sets, in order of appearance. */
function propertiesOf(context: ProjectContext, name: string, declaration: GroupTypeDecl | undefined): WorkbookProperty[] {
	const setAt = new Map<string, SourceLink[]>();
	for (const { file, call } of context.calls) {
		if (call.kind !== 'group-identify' || call.groups[0]?.type.kind !== 'resolved' || call.groups[0].type.name !== name) continue;
		for (const property of call.properties) {
			if (property.name.kind !== 'resolved' || property.operation === '$unset') continue;
			addTo(setAt, property.name.name, context.link(file, property.name.range.start));
		}
	}
	const display = declaration?.displayProperty?.name;
	const properties: WorkbookProperty[] = (declaration?.properties ?? []).map((p) => ({
		name: p.name,
		declared: true,
		...(p.type ? { type: p.type } : {}),
		...(p.enum ? { enum: p.enum } : {}),
		source: p.source,
		dynamic: p.dynamic,
		...(p.description !== undefined ? { description: p.description } : {}),
		isDisplayProperty: p.name === display,
		setAt: setAt.get(p.name) ?? [],
	}));
	for (const [property, links] of setAt) {
		if (properties.some((p) => p.name === property)) continue;
		properties.push({ name: property, declared: false, source: 'code', dynamic: false, isDisplayProperty: false, setAt: links });
	}
	return properties;
}

function eventsCarrying(context: ProjectContext, name: string, uses: readonly GroupTypeUse[]): string[] {
	const events: string[] = context.plan.events.filter((event) => event.groups.some((g) => g.name === name)).map((event) => event.name);
	for (const use of uses) if (use.event !== undefined && !events.includes(use.event)) events.push(use.event);
	return events;
}
