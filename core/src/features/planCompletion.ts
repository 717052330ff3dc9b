import type { ParsedPlan } from '../plan/parsePlan';
import { planShape, type ObjectShape, type Shape } from '../plan/planShape';
import type { CompletionEntry } from './completion';

/** Completion inside tracking-plan.yaml: keys where a key goes, allowed values after `key: `, declared names where they are referenced. */
export function planCompletions(plan: ParsedPlan, text: string, offset: number): CompletionEntry[] {
	const lineStart = Math.max(text.lastIndexOf('\n', offset - 1), text.lastIndexOf('\r', offset - 1)) + 1;
	const prefix = text.slice(lineStart, offset);
	const indent = /^ */.exec(prefix)![0].length;
	const path = parentPath(text, lineStart, indent);

	const listMatch = /^\s*(groups)\s*:\s*\[(?:[^\]]*,)?\s*([\w .-]*)$/.exec(prefix) ?? (/^\s*-\s*([\w .-]*)$/.exec(prefix) && path[path.length - 1] === 'groups' ? [prefix, 'groups', /-\s*([\w .-]*)$/.exec(prefix)![1]] : null);
	if (listMatch && path[0] === 'events') {
		const typed = listMatch[2] ?? '';
		return plan.model.groupTypes.map((t) => ({
			label: t.name,
			kind: 'groupType',
			detail: `group type · ${t.level} level`,
			...(t.description ? { documentation: t.description } : {}),
			range: { start: offset - typed.length, end: offset },
		}));
	}

	const valueMatch = /^\s*([\w]+)\s*:\s*([\w .-]*)$/.exec(prefix);
	if (valueMatch) {
		const key = valueMatch[1]!;
		const typed = valueMatch[2]!;
		const range = { start: offset - typed.length, end: offset };
		if (key === 'displayProperty' && path[0] === 'groupTypes' && path.length === 2) {
			const groupType = plan.model.groupTypes.find((t) => t.name === path[1]);
			return (groupType?.properties ?? []).map((p) => ({ label: p.name, kind: 'groupProperty', detail: `${groupType!.name} property`, ...(p.description ? { documentation: p.description } : {}), range }));
		}
		const shape = shapeAt([...path, key]);
		if (shape?.kind === 'string' && shape.enum) {
			return shape.enum.map((value) => ({ label: value, kind: 'value', detail: shape.default === value ? 'default' : key, documentation: shape.description, range }));
		}
		if (shape?.kind === 'boolean') return ['true', 'false'].map((value) => ({ label: value, kind: 'value', detail: key, documentation: shape.description, range }));
		return [];
	}

	const keyMatch = /^\s*([\w]*)$/.exec(prefix);
	if (!keyMatch) return [];
	const typed = keyMatch[1]!;
	const shape = shapeAt(path);
	if (shape?.kind !== 'object') return [];
	return Object.entries(shape.fields).map(([key, field]) => ({
		label: key,
		kind: 'key',
		detail: field.kind === 'map' ? 'mapping of names' : field.kind,
		documentation: field.description,
		range: { start: offset - typed.length, end: offset },
		insertText: field.kind === 'object' || field.kind === 'map' ? `${key}:\n${' '.repeat(offsetIndent(prefix) + 2)}` : `${key}: `,
	}));
}

function offsetIndent(prefix: string): number {
	return /^ */.exec(prefix)![0].length;
}

/** The keys enclosing a line, read from the less-indented key lines above it (block-style YAML). */
function parentPath(text: string, lineStart: number, indent: number): string[] {
	const path: string[] = [];
	let limit = indent;
	let end = lineStart - 1;
	while (end > 0 && limit > 0) {
		const start = Math.max(text.lastIndexOf('\n', end - 1), text.lastIndexOf('\r', end - 1)) + 1;
		const line = text.slice(start, end).replace(/\r$/, '');
		end = start - 1;
		const match = /^( *)(?:"([^"]+)"|'([^']+)'|([^#:\s-][^#:]*?))\s*:(?:\s|$)/.exec(line);
		if (!match || match[1]!.length >= limit) continue;
		path.unshift((match[2] ?? match[3] ?? match[4])!.trim());
		limit = match[1]!.length;
	}
	return path;
}

/** The shape of the plan at a path of keys, stepping through user-named map entries. */
function shapeAt(path: readonly string[]): Shape | undefined {
	let shape: Shape = planShape;
	for (const key of path) {
		if (shape.kind === 'object') {
			const field: Shape | undefined = shape.fields[key];
			if (!field) return undefined;
			shape = field;
		} else if (shape.kind === 'map') {
			shape = shape.value as ObjectShape;
		} else {
			return undefined;
		}
	}
	return shape;
}
