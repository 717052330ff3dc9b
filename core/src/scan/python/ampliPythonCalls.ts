import type { CallFact } from '../callFacts';
import { groupOf } from './amplitudePythonCalls';
import { callFact, constructorCall, identityInArguments, type PythonCallSite, type PythonTools } from './pythonCallSite';
import { argument, unwrap } from './pythonSyntax';
import { fieldOf } from '../treeSitter/syntaxNodes';

/** Methods of Ampli's Python wrapper that are not events. */
const wrapperMethods: ReadonlySet<string> = new Set(['load', 'initialized_and_enabled', 'identify', 'flush', 'shutdown', 'is_loaded', 'client', 'set_group', 'group_identify', 'track']);

/**
 * The Ampli Python wrapper (`from ampli import *`, `ampli.…`): typed event methods
 * `ampli.report_exported(user_id, format=…, event_options=None)` (the event named by the method,
 * matched as Ampli does: `event.matchBy 'ampli-method'`, snake_case), `ampli.track(user_id,
 * ReportExported(…))`, and the older codegen's `set_group(user_id, group_type, group_name)` and
 * `group_identify(group_type, group_name, Group(…))`. `ampli.client.…` is the Amplitude client
 * (amplitudePythonCalls.ts). The wrapper's `EventOptions` cannot carry groups.
 */
export function recogniseAmpliPythonCall(tools: PythonTools, site: PythonCallSite): CallFact | undefined {
	const userIdentity = site.readsIdentity ? { userIdentity: identityInArguments(site.args, [0]) } : {};
	switch (site.method) {
		case 'set_group': {
			const type = argument(site.args, 1, 'group_type');
			const name = argument(site.args, 2, 'group_name');
			if (!type || !name) return undefined;
			return callFact(site, { kind: 'user-level-group', groups: [groupOf(tools, type, name)], ...userIdentity });
		}
		case 'group_identify': {
			const type = argument(site.args, 0, 'group_type');
			const name = argument(site.args, 1, 'group_name');
			if (!type || !name) return undefined;
			// The typed `Group(…)` event's properties are its constructor's keywords, named in the plan's case: not read.
			return callFact(site, { kind: 'group-identify', groups: [groupOf(tools, type, name)], propertiesPartlyUnknown: true });
		}
		case 'track': {
			const event = argument(site.args, 1, 'event');
			if (!event) return undefined;
			return callFact(site, { kind: 'track', event: trackedEvent(tools, event), ...userIdentity });
		}
		default:
			if (wrapperMethods.has(site.method) || !/^[a-z][a-z0-9_]*$/.test(site.method)) return undefined;
			return callFact(site, {
				kind: 'track',
				event: { kind: 'resolved', name: site.method, range: { start: site.calleeNode.start, end: site.calleeNode.end }, matchBy: 'ampli-method', methodNaming: 'snake_case' },
				...userIdentity,
			});
	}
}

/** `ReportExported(…)` (an Ampli event class: its method name), or a `BaseEvent("Name", …)`. */
function trackedEvent(tools: PythonTools, node: Parameters<typeof unwrap>[0]): NonNullable<CallFact['event']> {
	const expression = unwrap(node);
	const base = constructorCall(tools, expression, ['BaseEvent']);
	const eventType = base && argument(base.args, 0, 'event_type');
	if (eventType) return tools.values.name(eventType);
	const callee = expression.type === 'call' ? fieldOf(expression, 'function') : undefined;
	const className = callee && (callee.type === 'identifier' ? callee : callee.type === 'attribute' ? fieldOf(callee, 'attribute') : undefined);
	if (className && /^[A-Z]/.test(tools.text.slice(className.start, className.end))) {
		const name = snakeCase(tools.text.slice(className.start, className.end));
		return { kind: 'resolved', name, range: { start: className.start, end: className.end }, matchBy: 'ampli-method', methodNaming: 'snake_case' };
	}
	return { kind: 'unresolved', range: { start: node.start, end: node.end }, text: tools.text.slice(node.start, node.end) };
}

/** `ReportExported` → `report_exported`, as Ampli names the method of an event class. */
export function snakeCase(className: string): string {
	return className
		.replace(/([a-z0-9])([A-Z])/g, '$1_$2')
		.replace(/([A-Z])([A-Z][a-z])/g, '$1_$2')
		.toLowerCase();
}
