import type { Finding } from '../../../core/src/index';

/**
 * Every text range found anywhere in `value` (any object with numeric `start` and `end`, and the
 * `offset` of insertion points) that does not lie inside a document of `length` characters:
 * 0 ≤ start ≤ end ≤ length. Returns readable descriptions (empty when all are inside).
 */
export function rangesOutside(value: unknown, length: number, where = '$'): string[] {
	const problems: string[] = [];
	const seen = new Set<object>();
	const visit = (node: unknown, path: string): void => {
		if (node === null || typeof node !== 'object' || seen.has(node)) return;
		seen.add(node);
		const record = node as Record<string, unknown>;
		if (typeof record.start === 'number' && typeof record.end === 'number') {
			const { start, end } = record as { start: number; end: number };
			if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= length)) {
				problems.push(`${path}: ${start}-${end} outside 0-${length}`);
			}
		}
		if (typeof record.offset === 'number') {
			const offset = record.offset;
			if (!(Number.isInteger(offset) && offset >= 0 && offset <= length)) problems.push(`${path}.offset: ${offset} outside 0-${length}`);
		}
		if (Array.isArray(node)) node.forEach((item, i) => visit(item, `${path}[${i}]`));
		else for (const [key, child] of Object.entries(record)) visit(child, `${path}.${key}`);
	};
	visit(value, where);
	return problems;
}

/** The findings whose range is not inside their own document (lengths by URI; an unknown URI is a problem too). */
export function findingsOutside(findings: readonly Finding[], lengthOf: (uri: string) => number | undefined): string[] {
	const problems: string[] = [];
	for (const finding of findings) {
		const length = lengthOf(finding.uri);
		const label = `${finding.code} in ${finding.uri}`;
		if (length === undefined) problems.push(`${label}: a finding in a document that is not part of the input`);
		else problems.push(...rangesOutside(finding.range, length, label));
	}
	return problems;
}
