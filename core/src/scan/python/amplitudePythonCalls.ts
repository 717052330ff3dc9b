import type { CallFact, GroupFact, GroupsInsertion } from '../callFacts';
import { fieldOf, type SyntaxNode } from '../treeSitter/syntaxNodes';
import { callFact, constructorCall, identityOf, identityInArguments, keywordArgumentInsertion, type PythonCallSite, type PythonTools } from './pythonCallSite';
import { dictEntryInsertion, readGroupsDict, readPropertyDict } from './pythonDicts';
import type { PythonIdentifyChains } from './pythonIdentify';
import { argument, unwrap } from './pythonSyntax';

/**
 * amplitude-analytics' client (`Amplitude(api_key)`, also Ampli's `ampli.client`):
 * `set_group(group_type, group_name, event_options)`, `group_identify(group_type, group_name,
 * identify_obj, event_options=None, …)`, `track(event)` with a `BaseEvent` (`groups=` on the event,
 * or `event["groups"] = …` after it is built). `EventOptions` has no groups; it names the user.
 */
export function recogniseAmplitudePythonCall(tools: PythonTools, identify: PythonIdentifyChains, site: PythonCallSite): CallFact | undefined {
	switch (site.method) {
		case 'set_group':
			return setGroupCall(tools, site);
		case 'group_identify':
			return groupIdentifyCall(tools, identify, site);
		case 'track':
			return trackCall(tools, site);
		default:
			return undefined;
	}
}

function setGroupCall(tools: PythonTools, site: PythonCallSite): CallFact | undefined {
	const type = argument(site.args, 0, 'group_type');
	const name = argument(site.args, 1, 'group_name');
	if (!type || !name) return undefined;
	const options = argument(site.args, 2, 'event_options');
	return callFact(site, {
		kind: 'user-level-group',
		groups: [groupOf(tools, type, name)],
		...(site.readsIdentity ? { userIdentity: site.args.splat ? 'unknown' : identityOf(tools, options, ['EventOptions'], []) } : {}),
	});
}

/** The SDK sends a group identify without a user (its validation exempts `GroupIdentifyEvent`), so no user id is required. */
function groupIdentifyCall(tools: PythonTools, identify: PythonIdentifyChains, site: PythonCallSite): CallFact | undefined {
	const type = argument(site.args, 0, 'group_type');
	const name = argument(site.args, 1, 'group_name');
	const identifyObject = argument(site.args, 2, 'identify_obj');
	if (!type || !name || !identifyObject) return undefined;
	const reading = identify.read(identifyObject, site.call.start);
	return callFact(site, {
		kind: 'group-identify',
		groups: [groupOf(tools, type, name)],
		properties: [...reading.properties],
		propertiesPartlyUnknown: reading.partlyUnknown,
		...(reading.plainObjectRange ? { plainObjectIdentifyRange: reading.plainObjectRange } : {}),
	});
}

export function groupOf(tools: PythonTools, type: SyntaxNode, name: SyntaxNode): GroupFact {
	return { type: tools.values.name(type), value: tools.values.value(name), range: { start: Math.min(type.start, name.start), end: Math.max(type.end, name.end) } };
}

/** `track(BaseEvent("Report Exported", user_id, groups={…}))`, or a name bound to a `BaseEvent(…)` in this file. */
function trackCall(tools: PythonTools, site: PythonCallSite): CallFact | undefined {
	const eventArg = argument(site.args, 0, 'event');
	if (!eventArg) return undefined;
	const constructed = constructorCall(tools, eventArg, ['BaseEvent', 'IdentifyEvent', 'GroupIdentifyEvent']);
	if (!constructed) {
		// An event built elsewhere: its name and groups cannot be read.
		return callFact(site, { kind: 'track', event: { kind: 'unresolved', range: { start: eventArg.start, end: eventArg.end }, text: tools.text.slice(eventArg.start, eventArg.end) }, groupsPartlyUnknown: true, ...(site.readsIdentity ? { userIdentity: 'unknown' } : {}) });
	}
	return callFact(site, readBaseEvent(tools, site, eventArg, constructed));
}

type Constructed = NonNullable<ReturnType<typeof constructorCall>>;

/** What a `BaseEvent(event_type, user_id=None, device_id=None, …, groups=None, group_properties=None)` carries. */
function readBaseEvent(tools: PythonTools, site: PythonCallSite, eventArg: SyntaxNode, constructed: Constructed): Parameters<typeof callFact>[1] {
	const { args, call, className } = constructed;
	const { values } = tools;
	const eventType = argument(args, 0, 'event_type');
	const assigned = className === 'BaseEvent' ? assignedGroups(tools, eventArg, site.call.start) : undefined;
	const groupsNode = assigned?.value ?? args.keywords.get('groups')?.value;
	const reading = groupsNode ? readGroupsDict(values, groupsNode) : undefined;
	const hasGroups = reading !== undefined && unwrap(groupsNode!).type !== 'none';
	const groupProperties = args.keywords.get('group_properties');
	const properties = groupProperties ? readPropertyDict(values, groupProperties.value, '$set') : undefined;
	const inline = unwrap(eventArg).type === 'call' || sameScopeBinding(tools, eventArg);
	let insertion: GroupsInsertion | undefined;
	if (reading?.literal && groupsNode && unwrap(groupsNode) === reading.literal) insertion = dictEntryInsertion(tools.text, reading.literal);
	else if (!groupsNode && inline && !args.splat) insertion = keywordArgumentInsertion(tools, call, args);
	const kind = className === 'GroupIdentifyEvent' ? 'group-identify' : className === 'IdentifyEvent' ? (hasGroups ? 'user-level-group' : 'track') : hasGroups ? 'event-level-groups' : 'track';
	if (reading?.literal) tools.consumed.add(reading.literal);
	return {
		kind,
		...(eventType && className === 'BaseEvent' ? { event: values.name(eventType) } : {}),
		groups: [...(reading?.groups ?? [])],
		groupsPartlyUnknown: Boolean(reading?.partlyUnknown) || args.splat || Boolean(assigned?.partlyUnknown),
		...(reading?.literal ? { groupsRange: { start: reading.literal.start, end: reading.literal.end } } : {}),
		...(insertion && kind !== 'group-identify' ? { groupsInsertion: insertion } : {}),
		properties: [...(properties?.properties ?? [])],
		propertiesPartlyUnknown: properties?.partlyUnknown ?? false,
		...(groupProperties && kind !== 'group-identify' ? { ignoredGroupPropertiesRange: { start: groupProperties.node.start, end: groupProperties.node.end } } : {}),
		...(site.readsIdentity && kind !== 'group-identify' ? { userIdentity: identityInArguments(args, [1, 2]) } : {}),
	};
}

/** The event is a name bound in the same scope as the track call (a quick fix may edit its constructor). */
function sameScopeBinding(tools: PythonTools, node: SyntaxNode): boolean {
	const expression = unwrap(node);
	if (expression.type !== 'identifier') return false;
	const scope = tools.scopes.scopeAt(expression);
	const binding = tools.scopes.lookup(tools.text.slice(expression.start, expression.end), scope, expression.start);
	return binding?.kind === 'value' && binding.scope === scope;
}

/** `event["groups"] = {…}` between the event's binding and the track call (the last one wins). */
function assignedGroups(tools: PythonTools, eventArg: SyntaxNode, before: number): { value: SyntaxNode; partlyUnknown: boolean } | undefined {
	const expression = unwrap(eventArg);
	if (expression.type !== 'identifier') return undefined;
	const name = tools.text.slice(expression.start, expression.end);
	const scope = tools.scopes.scopeAt(expression);
	const binding = tools.scopes.lookup(name, scope, expression.start);
	if (binding?.kind !== 'value') return undefined;
	let found: SyntaxNode | undefined;
	for (const assignment of tools.subscriptAssignments.get(name) ?? []) {
		if (assignment.start <= binding.at || assignment.start >= before || tools.scopes.scopeAt(assignment) !== scope) continue;
		const left = fieldOf(assignment, 'left');
		const key = left && fieldOf(left, 'subscript');
		const keyName = key && tools.values.name(key);
		if (keyName?.kind === 'resolved' && keyName.name === 'groups') found = fieldOf(assignment, 'right');
	}
	return found ? { value: found, partlyUnknown: false } : undefined;
}
