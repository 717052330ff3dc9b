import { throwIfCancelled, type CancellationToken } from '../cancellation';
import type { EventDecl, GroupPropertyDecl, GroupTypeDecl, PlanModel, PropertyDecl } from '../plan/planModel';
import { countGroupProperties } from '../plan/planModel';
import type { TextRange } from '../text/textRange';
import type { WorkspaceIndex } from '../workspaceIndex/workspaceIndex';
import { occurrencesOf, symbolAt, type PlanSymbol } from './symbols';

export interface HoverResult {
	readonly markdown: string;
	readonly range: TextRange;
}

/** Hover docs from the plan, in code and in the plan: description, level, properties, limits used, usage count. */
export function hover(index: WorkspaceIndex, uri: string, offset: number, now: Date, token: CancellationToken): HoverResult | undefined {
	const found = symbolAt(index, uri, offset);
	if (!found) return undefined;
	throwIfCancelled(token);
	const model = found.plan.model;
	const uses = occurrencesOf(index, found.plan, found.symbol).filter((o) => o.role === 'code').length;
	const markdown = describeSymbol(model, found.symbol, uses, now);
	return { markdown, range: found.range };
}

function describeSymbol(model: PlanModel, symbol: PlanSymbol, uses: number, now: Date): string {
	if (symbol.kind === 'groupType') {
		const groupType = model.groupTypes.find((t) => t.name === symbol.name);
		return groupType ? describeGroupType(model, groupType, uses, now) : undeclared('group type', symbol.name, uses);
	}
	if (symbol.kind === 'groupProperty') {
		const groupType = model.groupTypes.find((t) => t.name === symbol.groupType);
		const property = groupType?.properties.find((p) => p.name === symbol.name);
		return groupType && property ? describeGroupProperty(groupType, property, uses, now) : undeclared(`property of "${symbol.groupType}"`, symbol.name, uses);
	}
	const event = model.events.find((e) => e.name === symbol.name);
	return event ? describeEvent(event, uses) : undeclared('event', symbol.name, uses);
}

function describeGroupType(model: PlanModel, groupType: GroupTypeDecl, uses: number, now: Date): string {
	const position = model.groupTypes.indexOf(groupType) + 1;
	const level = { user: 'user level (set on users: members stay for good)', event: 'event level (carried by single events)', any: 'user or event level' }[groupType.level];
	const lines = [
		`**${groupType.name}** — group type · ${level} · values are ${groupType.value === 'numeric' ? 'IDs' : 'strings'}`,
		'',
		...(groupType.description ? [groupType.description, ''] : []),
	];
	if (groupType.displayProperty) lines.push(`Shown as its \`${groupType.displayProperty.name}\` property.`, '');
	if (groupType.properties.length > 0) {
		lines.push('| property | type | |', '| --- | --- | --- |');
		for (const property of groupType.properties.slice(0, 25)) lines.push(`| ${cell(property.name)} | ${typeText(property)} | ${cell(sourceNote(groupType, property, now) ?? property.description ?? '')} |`);
		if (groupType.properties.length > 25) lines.push(`| … ${groupType.properties.length - 25} more | | |`);
		lines.push('');
	}
	lines.push(limitsLine(model, position), '', usesLine(uses));
	return lines.join('\n');
}

function describeGroupProperty(groupType: GroupTypeDecl, property: GroupPropertyDecl, uses: number, now: Date): string {
	const lines = [`**${property.name}** — group property of \`${groupType.name}\` · ${typeText(property)}`, ''];
	if (property.description) lines.push(property.description, '');
	const note = sourceNote(groupType, property, now);
	if (note) lines.push(note, '');
	lines.push(usesLine(uses));
	return lines.join('\n');
}

function describeEvent(event: EventDecl, uses: number): string {
	const lines = [`**${event.name}** — event`, ''];
	if (event.description) lines.push(event.description, '');
	lines.push(event.groups.length > 0 ? `Must carry the groups ${event.groups.map((g) => `\`${g.name}\``).join(', ')}.` : 'Carries no groups.', '');
	if (event.properties.length > 0) lines.push(`Properties: ${event.properties.map((p) => `\`${p.name}\` (${typeText(p)})`).join(', ')}.`, '');
	lines.push(usesLine(uses));
	return lines.join('\n');
}

function undeclared(what: string, name: string, uses: number): string {
	return [`**${name}** — not declared in the tracking plan as a ${what}.`, '', usesLine(uses)].join('\n');
}

function limitsLine(model: PlanModel, position: number): string {
	const types = `${model.groupTypes.length} / ${model.limits.groupTypes.value} group types`;
	const properties = `${countGroupProperties(model)} / ${model.limits.groupProperties.value} group properties`;
	const over = position > model.limits.groupTypes.value ? ` · **over the limit** (type ${position})` : '';
	return `Limits used: ${types} · ${properties}${over}`;
}

function usesLine(uses: number): string {
	return uses === 0 ? 'Not used in code.' : `Used in ${uses} place${uses === 1 ? '' : 's'} in code.`;
}

function typeText(property: PropertyDecl): string {
	const base = property.type ?? 'any type';
	return property.enum ? `${base}: ${property.enum.map((v) => String(v)).join(' \\| ')}` : base;
}

/** Who writes a property, explained: Amplitude (dynamic) or Salesforce (with the next pickup date). */
function sourceNote(groupType: GroupTypeDecl, property: PropertyDecl, now: Date): string | undefined {
	if (property.dynamic) return 'Dynamic Group Property: Amplitude computes it from events. Code must not set it.';
	if (property.source !== 'salesforce') return undefined;
	const days = groupType.salesforce?.syncEveryDays;
	if (!days) return 'Synced from Salesforce by the integration; code writes are overwritten at the next sync.';
	const pickup = new Date(now.getTime() + days * 24 * 60 * 60 * 1000);
	return `Synced from Salesforce every ${days} day${days === 1 ? '' : 's'}: a change made today reaches Amplitude by ${pickup.toISOString().slice(0, 10)}. Code writes are overwritten at the next sync.`;
}

function cell(text: string): string {
	return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}
