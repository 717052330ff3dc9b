/** A value to write into the plan: a scalar, a list of scalars (written in flow style), or nested entries. */
export type PlanValue = string | number | boolean | readonly (string | number | boolean)[] | PlanEntries | null;
export interface PlanEntries {
	readonly [key: string]: PlanValue;
}

/**
 * A key (or a string value) as YAML reads it back unchanged, in block and in flow context, under
 * YAML 1.2 and 1.1 alike: plain when safe, double-quoted otherwise. Plain only for a word that no
 * schema reads as something else (`yes`, `on`, `~`, `null`, `007`, `1e3` and `e3`, a float in YAML 1.1, are quoted) and that
 * holds no indicator (`: `, ` #`, `,`, brackets, a leading `-`, `?`, `*`, `&`, `!`).
 */
export function formatKey(key: string): string {
	const plain = /^[A-Za-z_$][\w$ ./-]*$/.test(key) && !key.endsWith(' ') && !/^(true|false|null|yes|no|on|off|y|n|~|e[0-9]+)$/i.test(key);
	return plain ? key : doubleQuoted(key);
}

/**
 * JSON's escapes are YAML's too; on top of them, the characters an editor or a YAML 1.1 reader takes
 * for a line break or drops (NEL, LS, PS, a BOM, DEL, C1 controls, non-characters) are escaped.
 */
function doubleQuoted(text: string): string {
	return JSON.stringify(text).replace(/[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function formatScalar(value: string | number | boolean): string {
	return typeof value === 'string' ? formatKey(value) : String(value);
}

/** `key: value` as block lines at `indent`, nested entries `step` further in. */
export function renderBlock(key: string, value: PlanValue, indent: number, step: number): string[] {
	const pad = ' '.repeat(indent);
	if (value === null) return [`${pad}${formatKey(key)}:`];
	if (typeof value !== 'object' || Array.isArray(value)) return [`${pad}${formatKey(key)}: ${renderFlow(value)}`];
	const entries = Object.entries(value as PlanEntries);
	if (entries.length === 0) return [`${pad}${formatKey(key)}: {}`];
	return [`${pad}${formatKey(key)}:`, ...entries.flatMap(([k, v]) => renderBlock(k, v, indent + step, step))];
}

/** `key: value` on one line, nested entries as flow mappings. */
export function renderFlowEntry(key: string, value: PlanValue): string {
	return `${formatKey(key)}: ${renderFlow(value)}`;
}

/** A value in flow style; an empty value is written as an empty mapping (`key: {}`, not `key: null`). */
export function renderFlow(value: PlanValue): string {
	if (value === null) return '{}';
	if (Array.isArray(value)) return `[${value.map((v) => formatScalar(v)).join(', ')}]`;
	if (typeof value === 'object') {
		const entries = Object.entries(value as PlanEntries);
		return entries.length === 0 ? '{}' : `{ ${entries.map(([k, v]) => renderFlowEntry(k, v)).join(', ')} }`;
	}
	return formatScalar(value as string | number | boolean);
}

/** The data a rendered value reads back as: what `renderBlock` (`flow` false) or `renderFlow` (`flow` true) wrote. */
export function writtenData(value: PlanValue, flow: boolean): unknown {
	if (value === null) return flow ? {} : null;
	if (Array.isArray(value)) return [...value];
	if (typeof value !== 'object') return value;
	const entries = Object.entries(value as PlanEntries);
	// In block style an entry with no entries is written `key: {}`, so it reads back as a mapping either way.
	return Object.fromEntries(entries.map(([k, v]) => [k, writtenData(v, flow)]));
}
