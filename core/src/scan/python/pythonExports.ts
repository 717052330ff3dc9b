import type { ExportFact, NameFact, ValueFact } from '../callFacts';
import { fieldOf, type SyntaxNode } from '../treeSitter/syntaxNodes';
import type { PythonTools } from './pythonCallSite';
import type { Binding } from './pythonScopes';
import { sdkRole } from './pythonSdkModules';
import { isPackageModule, type PyValue } from './pythonValues';

/**
 * What a module offers other modules (every module-level name is importable in Python): constants,
 * dicts and classes of constants (an `Enum`'s members also under `MEMBER.value`, which is how
 * `Groups.MEMBER.value` is imported: see PythonValues.importRef), SDK clients (`client =
 * Amplitude(…)`, `import segment.analytics as analytics`), functions returning one, names
 * imported from other workspace modules (re-exports), and every name of a workspace module imported
 * whole (`from .events import *` in a package's `__init__.py`: keyed `*:.events`, as the index reads
 * `export * from` in JavaScript).
 */
export function collectPythonExports(tools: PythonTools): Record<string, ExportFact> {
	const exports: Record<string, ExportFact> = {};
	for (const module of tools.scopes.module.starImports) {
		if (!isPackageModule(module)) exports[`*:${module}`] = { kind: 're-export', ref: { module, exportName: '*' } };
	}
	for (const [name, bindings] of tools.scopes.module.bindings) {
		const binding = bindings[bindings.length - 1]!;
		const fact = exportOf(tools, binding);
		if (fact) exports[name] = fact;
	}
	return exports;
}

function exportOf(tools: PythonTools, binding: Binding): ExportFact | undefined {
	const { values } = tools;
	const value = values.bindingValue(binding, 0);
	if (!value) return undefined;
	const role = sdkRole(value, tools.legacyAnalytics);
	if (role?.role === 'client') return { kind: 'sdk-instance', sdk: role.sdk };
	switch (value.kind) {
		case 'string':
		case 'number':
		case 'boolean':
			return { kind: 'constant', value: constantFact(value, binding) };
		case 'dict':
			return { kind: 'object', members: dictMembers(tools, value.node) };
		case 'class':
			return { kind: 'object', members: classMembers(tools, value) };
		case 'function': {
			const returned = values.returned(value, 0);
			const returnedRole = sdkRole(returned, tools.legacyAnalytics);
			return returnedRole?.role === 'client' ? { kind: 'sdk-factory', sdk: returnedRole.sdk } : undefined;
		}
		case 'external': {
			if (isPackageModule(value.module)) return undefined;
			const ref = values.importRef(value);
			return ref ? { kind: 're-export', ref } : undefined;
		}
		default:
			return undefined;
	}
}

function constantFact(value: Extract<PyValue, { kind: 'string' | 'number' | 'boolean' }>, binding: Binding): ValueFact {
	const node = binding.kind === 'value' ? binding.value : undefined;
	const range = node ? { start: node.start, end: node.end } : { start: 0, end: 0 };
	return { kind: value.kind, value: value.value, range } as ValueFact;
}

/** `{"COMPANY": "company"}`: members with string keys. */
function dictMembers(tools: PythonTools, dict: SyntaxNode): Record<string, ValueFact | NameFact> {
	const members: Record<string, ValueFact | NameFact> = {};
	for (const entry of dict.children) {
		const key = entry.type === 'pair' ? fieldOf(entry, 'key') : undefined;
		const value = entry.type === 'pair' ? fieldOf(entry, 'value') : undefined;
		if (!key || !value) continue;
		const name = tools.values.name(key);
		if (name.kind === 'resolved') members[name.name] = tools.values.value(value);
	}
	return members;
}

/** Class attributes (`COMPANY = "company"`); for an `Enum`, each member also as `MEMBER.value`, and as `MEMBER` only when it is a `str` enum. */
function classMembers(tools: PythonTools, value: Extract<PyValue, { kind: 'class' }>): Record<string, ValueFact | NameFact> {
	const members: Record<string, ValueFact | NameFact> = {};
	const enumKind = tools.values.enumKind(value.node);
	for (const [name, bindings] of value.scope.bindings) {
		const binding = bindings[bindings.length - 1]!;
		if (binding.kind !== 'value' || bindings.length !== 1) continue;
		const member = tools.values.value(binding.value);
		if (member.kind === 'unknown' || member.kind === 'object') continue;
		if (enumKind) members[`${name}.value`] = member;
		if (enumKind !== 'plain') members[name] = member;
	}
	return members;
}
