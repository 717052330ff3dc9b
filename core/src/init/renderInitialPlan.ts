import { formatKey } from '../edits/insertPlanEntry';
import { defaultLimits } from '../plan/planShape';
import { closestName } from '../util/closestName';
import type { InstrumentationInventory, SeenAt, SeenEvent, SeenGroupType, SeenProperty } from './instrumentationInventory';

const todo = '# TODO: describe';

/**
 * The text of a first `tracking-plan.yaml` that declares exactly what the code sends: every group
 * type with the level it is used at, every group property set through group identify with the value
 * types seen, every event that carries groups. Descriptions are left as TODO comments and the limits
 * as comments, so the reviewer sees what to decide. Deterministic: same inventory, same text.
 */
export function renderInitialPlan(inventory: InstrumentationInventory): string {
	const propertyCount = inventory.groupTypes.reduce((sum, t) => sum + t.properties.length, 0);
	const lines: string[] = [
		`# Tracking plan for Amplitude Accounts (group analytics), written by \`trackplan init\` from what`,
		`# the code sends today: ${plural(inventory.calls, 'call')} in ${plural(inventory.files, 'file')}. Review every entry before you trust it:`,
		`# describe it, pick each group type's level and value format, and fix what the code gets wrong.`,
		`# Amplitude can't correct group data after the fact. Then run \`trackplan check\`.`,
		'',
		'# project: My Product (production)   # optional, shown in reports',
		'',
		"# Amplitude's limits (these are the defaults; uncomment a line to set a lower one):",
		'# limits:',
		`#   groupTypes: ${defaultLimits.groupTypes}                 # the code sends ${plural(inventory.groupTypes.length, 'group type')}`,
		`#   groupProperties: ${defaultLimits.groupProperties}         # ${plural(propertyCount, 'group property', 'group properties')} set through group identify`,
		`#   groupTypesPerEvent: ${defaultLimits.groupTypesPerEvent}         # the most on one event here: ${inventory.mostGroupTypesOnOneEvent}`,
		`#   groupValuesPerEvent: ${defaultLimits.groupValuesPerEvent}       # the most on one event here: ${inventory.mostGroupValuesOnOneEvent}`,
		'',
		'# Which files this plan governs (the default: every file below this folder):',
		'# sources:',
		'#   include: ["**/*"]',
		'#   exclude: ["**/node_modules/**", "**/dist/**", "**/build/**"]',
	];
	if (inventory.segmentGroupCalls > 0) lines.push('', ...segmentSection(inventory.segmentGroupCalls));
	if (inventory.unresolved.length > 0) lines.push('', ...unresolvedNote(inventory.unresolved));
	lines.push('');
	if (inventory.groupTypes.length === 0) {
		lines.push('# No Amplitude group call was found. Declare your group types here.', 'groupTypes: {}');
	} else {
		lines.push('groupTypes:');
		for (const groupType of inventory.groupTypes) lines.push(...groupTypeEntry(groupType, inventory.groupTypes));
	}
	lines.push('');
	if (inventory.events.length === 0) {
		lines.push('# No event that carries groups was found.', 'events: {}');
	} else {
		lines.push('events:');
		for (const event of inventory.events) lines.push(...eventEntry(event));
	}
	return `${lines.join('\n')}\n`;
}

function segmentSection(calls: number): string[] {
	return [
		`# The code calls Segment's group() (${plural(calls, 'call')}). Set these to your Amplitude destination's`,
		'# "Group Type Trait" and "Group Value Trait"; Trackplan read the calls with the defaults below.',
		'segment:',
		'  destination: classic   # TODO: classic or actions',
		'  groupTypeTrait: group_type',
		'  groupValueTrait: name',
	];
}

function unresolvedNote(places: readonly SeenAt[]): string[] {
	const shown = places.slice(0, 5).map(where);
	const more = places.length > shown.length ? `, and ${places.length - shown.length} more` : '';
	return [
		`# ${plural(places.length, 'call computes', 'calls compute')} a group type or event name at run time, so ${places.length === 1 ? 'it is' : 'they are'} not below:`,
		`# ${shown.join(', ')}${more}. Declare what ${places.length === 1 ? 'it sends' : 'they send'} by hand.`,
	];
}

function groupTypeEntry(groupType: SeenGroupType, all: readonly SeenGroupType[]): string[] {
	// The rarer of two close names is likely the typo.
	const likelyMeant = all.find((other) => other.name === closestName(groupType.name, all.map((t) => t.name)) && other.calls > groupType.calls);
	const lines = [`  ${formatKey(groupType.name)}: ${todo}${likelyMeant ? `. ${typoHint(likelyMeant.name)}` : ''}`];
	lines.push(...levelLines(groupType));
	lines.push(valueLine(groupType));
	if (groupType.properties.length > 0) {
		lines.push('    properties:');
		groupType.properties.forEach((property, i) => {
			const earlier = groupType.properties.slice(0, i).map((p) => p.name);
			lines.push(propertyLine(property, closestName(property.name, earlier)));
		});
	}
	return lines;
}

function typoHint(name: string): string {
	return `Is it a typo of "${name}"? Amplitude would keep both.`;
}

function levelLines(groupType: SeenGroupType): string[] {
	const { userLevelAt, eventLevelAt } = groupType;
	if (userLevelAt && eventLevelAt) {
		return [
			`    level: any   # TODO: pick one. Users join it for good at ${where(userLevelAt)}, and events carry it at ${where(eventLevelAt)}`,
		];
	}
	if (userLevelAt) return [`    level: user   # users join it for good (${where(userLevelAt)})`];
	if (eventLevelAt) return [`    level: event   # only events carry it (${where(eventLevelAt)})`];
	return ['    # level: user | event   # TODO: only group identify calls were seen'];
}

function valueLine(groupType: SeenGroupType): string {
	if (groupType.nameValues > 0) return `    value: string   # names seen as group values; Amplitude recommends unique IDs`;
	if (groupType.numericValues > 0) return `    value: numeric   # IDs seen as group values`;
	return '    # value: numeric   # TODO: uncomment if the group values are IDs (none could be read from the code)';
}

function propertyLine(property: SeenProperty, likelyMeant: string | undefined): string {
	const key = `      ${formatKey(property.name)}:`;
	const examples =
		(property.examples.length > 0 ? ` Seen: ${property.examples.map((e) => JSON.stringify(e)).join(', ')}.` : '') + (likelyMeant ? ` ${typoHint(likelyMeant)}` : '');
	const type = propertyType(property.types);
	if (type) return `${key} { type: ${type} }   ${todo}.${examples}`;
	if (property.types.length > 1) return `${key}   ${todo}, and give its type: the code writes ${property.types.join(' and ')} values.${examples}`;
	return `${key}   ${todo}, and give its type (no literal value in the code).${examples}`;
}

/** One plan type for the types seen: integer and number make number; anything else mixed has none. */
function propertyType(types: readonly string[]): string | undefined {
	if (types.length === 1) return types[0];
	if (types.length === 2 && types.includes('integer') && types.includes('number')) return 'number';
	return undefined;
}

function eventEntry(event: SeenEvent): string[] {
	const name = event.ampliMethod ? `${todo}. The code calls ampli.${event.name}(); use the event's name in Amplitude` : todo;
	const lines = [`  ${formatKey(event.name)}: ${name}`, `    groups: [${event.groups.map(formatKey).join(', ')}]`];
	if (event.notAlwaysSent.length > 0) {
		lines[1] += `   # not sent by every call: ${event.notAlwaysSent.join(', ')} (check reports the calls without ${event.notAlwaysSent.length === 1 ? 'it' : 'them'})`;
	}
	return lines;
}

function where(at: SeenAt): string {
	return `${at.file}:${at.line}`;
}

function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
	return `${count} ${count === 1 ? singular : pluralForm}`;
}
