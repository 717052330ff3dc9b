/**
 * Reads `expect:` annotations from call fixtures (see test/fixtures/calls/README.md):
 *   // expect: <sdk> <kind> types=a,b props=p,q event=<name> resolved=<yes|no> [flags…]
 *   // expect: none
 * Names with spaces or commas are JSON-quoted (`types="org id",company`); `-` is an empty list or
 * no event. Unknown `key=value` pairs (e.g. `diag=`) are ignored; bare words are flags (`cross-file`).
 */
export interface CallExpectation {
	readonly line: number;
	readonly none: boolean;
	readonly sdk?: string;
	readonly kind?: string;
	readonly values: ReadonlyMap<string, readonly string[]>;
	readonly flags: ReadonlySet<string>;
	readonly source: string;
}

/** All expectations of a fixture, by 0-based line. */
export function readExpectations(text: string): Map<number, CallExpectation[]> {
	const byLine = new Map<number, CallExpectation[]>();
	text.split(/\r\n|\n|\r/).forEach((lineText, line) => {
		const parts = lineText.split('expect:').slice(1);
		for (const part of parts) {
			const body = part.replace(/(?:-->|\*\/|\}\s*-->).*$/, '').trim();
			const expectation = parseExpectation(body, line);
			const list = byLine.get(line) ?? [];
			list.push(expectation);
			byLine.set(line, list);
		}
	});
	return byLine;
}

export function parseExpectation(body: string, line: number): CallExpectation {
	const tokens = tokenize(body);
	if (tokens[0] === 'none') return { line, none: true, values: new Map(), flags: new Set(tokens.slice(1)), source: body };
	const [sdk, kind, ...rest] = tokens;
	if (!sdk || !kind) throw new Error(`line ${line + 1}: an expectation needs "<sdk> <kind>" or "none": ${body}`);
	const values = new Map<string, string[]>();
	const flags = new Set<string>();
	for (const token of rest) {
		const eq = token.indexOf('=');
		if (eq < 0) flags.add(token);
		else values.set(token.slice(0, eq), parseList(token.slice(eq + 1)));
	}
	return { line, none: false, sdk, kind, values, flags, source: body };
}

/** Splits on whitespace outside JSON strings. */
function tokenize(body: string): string[] {
	const tokens: string[] = [];
	let current = '';
	for (let i = 0; i < body.length; i++) {
		const c = body[i]!;
		if (c === '"') {
			const end = endOfJsonString(body, i);
			current += body.slice(i, end + 1);
			i = end;
		} else if (/\s/.test(c)) {
			if (current) tokens.push(current);
			current = '';
		} else {
			current += c;
		}
	}
	if (current) tokens.push(current);
	return tokens;
}

/** `a,"b, c",d` → ['a', 'b, c', 'd']; `-` → []. */
function parseList(value: string): string[] {
	if (value === '-' || value === '') return [];
	const items: string[] = [];
	let i = 0;
	while (i < value.length) {
		if (value[i] === '"') {
			const end = endOfJsonString(value, i);
			items.push(JSON.parse(value.slice(i, end + 1)) as string);
			i = end + 1;
		} else {
			const comma = value.indexOf(',', i);
			const end = comma < 0 ? value.length : comma;
			items.push(value.slice(i, end));
			i = end;
		}
		if (value[i] === ',') i++;
	}
	return items;
}

function endOfJsonString(text: string, open: number): number {
	for (let i = open + 1; i < text.length; i++) {
		if (text[i] === '\\') i++;
		else if (text[i] === '"') return i;
	}
	throw new Error(`Unterminated string in expectation: ${text}`);
}
