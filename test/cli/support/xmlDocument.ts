/** An element of a parsed XML document. */
export interface XmlElement {
	readonly name: string;
	readonly attributes: Readonly<Record<string, string>>;
	readonly children: XmlElement[];
	/** The element's own character data, entities decoded. */
	text: string;
}

/**
 * A small, strict XML 1.0 parser for tests: throws on anything that is not well-formed (unclosed or
 * mismatched tags, duplicate or unquoted attributes, a raw `<` or `&` in text, unknown entities,
 * characters XML forbids, more than one root). Enough to prove CI tools can read our JUnit output.
 */
export function parseXml(text: string): XmlElement {
	let at = 0;
	const fail = (why: string): never => {
		const line = text.slice(0, at).split('\n').length;
		throw new Error(`Not well-formed XML at line ${line}: ${why}`);
	};
	if (/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u.test(text)) fail('a character XML 1.0 forbids');
	const skipSpace = () => {
		while (at < text.length && /\s/.test(text[at]!)) at++;
	};
	const skipMisc = () => {
		for (;;) {
			skipSpace();
			if (text.startsWith('<!--', at)) {
				const end = text.indexOf('-->', at + 4);
				if (end < 0) fail('unclosed comment');
				at = end + 3;
			} else if (text.startsWith('<?', at) && !text.startsWith('<?xml ', at)) {
				const end = text.indexOf('?>', at);
				if (end < 0) fail('unclosed processing instruction');
				at = end + 2;
			} else return;
		}
	};
	const name = (): string => {
		const match = /^[A-Za-z_:][\w:.-]*/.exec(text.slice(at, at + 200));
		if (!match) fail('a name was expected');
		at += match![0].length;
		return match![0];
	};
	const decode = (raw: string): string => {
		if (raw.includes('<')) fail('a raw < in character data');
		return raw.replace(/&([^;]*);?/g, (whole, entity: string) => {
			if (!whole.endsWith(';')) fail(`an unterminated entity "${whole}"`);
			const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
			if (entity in named) return named[entity]!;
			const numeric = /^#(x[0-9A-Fa-f]+|[0-9]+)$/.exec(entity);
			if (!numeric) fail(`an unknown entity "&${entity};"`);
			const code = entity[1] === 'x' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
			return String.fromCodePoint(code);
		});
	};
	const element = (): XmlElement => {
		if (text[at] !== '<') fail('an element was expected');
		at++;
		const tag = name();
		const attributes: Record<string, string> = {};
		for (;;) {
			const before = at;
			skipSpace();
			if (text.startsWith('/>', at)) {
				at += 2;
				return { name: tag, attributes, children: [], text: '' };
			}
			if (text[at] === '>') {
				at++;
				break;
			}
			if (at === before) fail('whitespace was expected between attributes');
			const attribute = name();
			skipSpace();
			if (text[at] !== '=') fail(`attribute ${attribute} has no value`);
			at++;
			skipSpace();
			const quote = text[at];
			if (quote !== '"' && quote !== "'") fail(`attribute ${attribute} is not quoted`);
			const end = text.indexOf(quote!, at + 1);
			if (end < 0) fail(`attribute ${attribute} is not closed`);
			if (attribute in attributes) fail(`attribute ${attribute} appears twice`);
			attributes[attribute] = decode(text.slice(at + 1, end));
			at = end + 1;
		}
		const result: XmlElement = { name: tag, attributes, children: [], text: '' };
		for (;;) {
			const next = text.indexOf('<', at);
			if (next < 0) fail(`<${tag}> is not closed`);
			result.text += decode(text.slice(at, next));
			at = next;
			if (text.startsWith('</', at)) {
				at += 2;
				const closing = name();
				if (closing !== tag) fail(`</${closing}> closes <${tag}>`);
				skipSpace();
				if (text[at] !== '>') fail(`</${closing} is not closed`);
				at++;
				return result;
			}
			if (text.startsWith('<!--', at)) {
				const end = text.indexOf('-->', at + 4);
				if (end < 0) fail('unclosed comment');
				at = end + 3;
			} else if (text.startsWith('<![CDATA[', at)) {
				const end = text.indexOf(']]>', at);
				if (end < 0) fail('unclosed CDATA');
				result.text += text.slice(at + 9, end);
				at = end + 3;
			} else {
				result.children.push(element());
			}
		}
	};
	if (text.startsWith('<?xml ')) {
		const end = text.indexOf('?>');
		if (end < 0) fail('unclosed XML declaration');
		at = end + 2;
	}
	skipMisc();
	const root = element();
	skipMisc();
	if (at !== text.length) fail('content after the root element');
	return root;
}

/** Every element named `name` below (and including) `root`, in document order. */
export function elementsNamed(root: XmlElement, name: string): XmlElement[] {
	const found: XmlElement[] = root.name === name ? [root] : [];
	for (const child of root.children) found.push(...elementsNamed(child, name));
	return found;
}
