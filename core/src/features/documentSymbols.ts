import type { ParsedPlan } from '../plan/parsePlan';
import type { TextRange } from '../text/textRange';

export interface PlanDocumentSymbol {
	readonly name: string;
	readonly detail: string;
	readonly kind: 'groupType' | 'groupProperty' | 'event' | 'section';
	/** The whole entry. */
	readonly range: TextRange;
	/** The name itself. */
	readonly selectionRange: TextRange;
	readonly children: readonly PlanDocumentSymbol[];
}

/** The plan's outline: Group types (with their properties) and Events. */
export function documentSymbols(plan: ParsedPlan): PlanDocumentSymbol[] {
	const { groupTypes, events } = plan.model;
	const sections: PlanDocumentSymbol[] = [];
	if (groupTypes.length > 0) {
		const children = groupTypes.map(
			(groupType): PlanDocumentSymbol => ({
				name: groupType.name,
				detail: `${groupType.level} level · ${groupType.properties.length} properties`,
				kind: 'groupType',
				range: groupType.entryRange,
				selectionRange: groupType.range,
				children: groupType.properties.map((property) => ({
					name: property.name,
					detail: [property.type, property.dynamic ? 'dynamic' : property.source === 'salesforce' ? 'salesforce' : undefined].filter(Boolean).join(' · '),
					kind: 'groupProperty',
					range: property.range,
					selectionRange: property.range,
					children: [],
				})),
			}),
		);
		sections.push(section('groupTypes', `${groupTypes.length} / ${plan.model.limits.groupTypes.value}`, children));
	}
	if (events.length > 0) {
		const children = events.map(
			(event): PlanDocumentSymbol => ({
				name: event.name,
				detail: event.groups.map((g) => g.name).join(', '),
				kind: 'event',
				range: event.entryRange,
				selectionRange: event.range,
				children: [],
			}),
		);
		sections.push(section('events', `${events.length}`, children));
	}
	return sections;
}

function section(name: string, detail: string, children: PlanDocumentSymbol[]): PlanDocumentSymbol {
	const start = Math.min(...children.map((c) => c.range.start));
	const end = Math.max(...children.map((c) => c.range.end));
	return { name, detail, kind: 'section', range: { start, end }, selectionRange: { start, end: start }, children };
}
