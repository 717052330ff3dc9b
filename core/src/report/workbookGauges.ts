import { knownGroups } from '../rules/code/planLookup';
import type { ValueFact } from '../scan/callFacts';
import type { WorkspaceUsage } from '../workspaceIndex/workspaceUsage';
import type { ProjectContext } from './projectContext';
import type { LimitGauge } from './workbookModel';

/**
 * Amplitude's limits against what the plan and the code use: group types and group properties per
 * project (declared and sent by code, counted once), and the most group types and values one event
 * carries (Amplitude drops the rest).
 */
export function limitGauges(context: ProjectContext, usage: WorkspaceUsage): LimitGauge[] {
	const { plan } = context;
	const declaredTypes = plan.groupTypes.length;
	const declaredProperties = plan.groupTypes.reduce((sum, t) => sum + t.properties.length, 0);
	const types = usage.groupTypePositions.size;
	const properties = usage.groupPropertyPositions.size;

	let mostTypes = { count: 0, where: '' };
	let mostValues = { count: 0, where: '' };
	for (const { file, call } of context.calls) {
		if (call.kind !== 'event-level-groups') continue;
		const link = context.link(file, call.range.start);
		const event = context.eventName(call);
		const place = `${link.file.slice(link.file.lastIndexOf('/') + 1)}:${link.line}`;
		const where = event !== undefined ? `"${event}" (${place})` : place;
		const typeCount = new Set(knownGroups(call).map((g) => g.name)).size;
		const valueCount = call.groups.reduce((sum, g) => sum + valuesIn(g.value), 0);
		if (typeCount > mostTypes.count) mostTypes = { count: typeCount, where };
		if (valueCount > mostValues.count) mostValues = { count: valueCount, where };
	}
	const nothingYet = 'no event carries groups yet';
	return [
		{
			label: 'Group types',
			used: types,
			limit: plan.limits.groupTypes.value,
			detail: `${declaredTypes} declared${types > declaredTypes ? `, ${types - declaredTypes} more sent by code only` : ''}`,
		},
		{
			label: 'Group properties',
			used: properties,
			limit: plan.limits.groupProperties.value,
			detail: `${declaredProperties} declared${properties > declaredProperties ? `, ${properties - declaredProperties} more set by code only` : ''}`,
		},
		{
			label: 'Group types on one event',
			used: mostTypes.count,
			limit: plan.limits.groupTypesPerEvent.value,
			detail: mostTypes.count > 0 ? `most: ${mostTypes.where}` : nothingYet,
		},
		{
			label: 'Group values on one event',
			used: mostValues.count,
			limit: plan.limits.groupValuesPerEvent.value,
			detail: mostValues.count > 0 ? `most: ${mostValues.where}` : nothingYet,
		},
	];
}

function valuesIn(value: ValueFact): number {
	return value.kind === 'array' ? Math.max(1, value.items.length) : 1;
}
