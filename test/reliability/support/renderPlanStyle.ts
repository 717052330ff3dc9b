import type { Entry, MapNode, PlanNode } from './planStyles';

/**
 * Writes a plan model as YAML in the styles that `choices` pick (see planStyles.ts). Every decision
 * reads the next number: 0 is always the plainest option, so a shrunk counterexample is as plain as
 * the failure allows. Only valid YAML comes out: the fuzz test checks that first.
 */
export function renderPlanStyle(root: MapNode, choices: readonly number[]): string {
	return new StyleWriter(choices).document(root);
}

const reserved = /^(y|yes|n|no|on|off|true|false|null)$/i;
/** A key yaml reads as that string when plain, in block and flow context, YAML 1.1 and 1.2. */
const plainKey = (name: string) => /^[A-Za-z][A-Za-z0-9_]*( [A-Za-z0-9_]+)*$/.test(name) && !reserved.test(name);
const plainValue = (value: string) => /^[A-Za-z][A-Za-z0-9_ .]*[A-Za-z0-9_.]$/.test(value) && !reserved.test(value);
/** Single quotes escape nothing but `'`: no control characters or line breaks inside. */
const singleQuotable = (value: string) => !/[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff]/.test(value.replace(/\t/g, ''));

class StyleWriter {
	private at = 0;
	private readonly lines: string[] = [];
	/** The deepest a comment line may be indented: below the content of a block scalar just written. */
	private commentCap = Infinity;
	private rootIndent = 0;
	private readonly scalarAnchors = new Map<string, string>();

	constructor(private readonly choices: readonly number[]) {}

	document(root: MapNode): string {
		if (this.rare(6)) this.push('# A tracking plan');
		const directive = this.pick(8);
		if (directive === 1) this.push('%YAML 1.2', '---');
		else if (directive === 2) this.push('%YAML 1.1', '---');
		else if (directive === 3) this.push('---');
		else if (directive === 4) this.push('--- # the plan');
		if (root.entries.length === 0) {
			const empty = this.pick(4);
			if (empty === 1) this.push('~');
			else if (empty === 2) this.push('{}');
			else if (empty === 3) this.push('# nothing yet');
		} else if (this.rare(7)) {
			this.flowMapLines('', root, 0);
		} else {
			this.rootIndent = this.rare(8) ? 1 + this.pick(2) : 0;
			this.mapLines(root, this.rootIndent);
		}
		if (this.rare(4)) this.comment(this.pick(5), '# the end');
		if (this.rare(6)) {
			this.push('...');
			if (this.rare(3)) this.push('# after the end marker');
		}
		const lineEnding = this.pick(5);
		const eol = () => (lineEnding === 2 ? '\r\n' : lineEnding === 3 ? '\r' : lineEnding === 4 ? ['\n', '\r\n', '\r'][this.pick(3)]! : '\n');
		// yaml 2.9.1 counts a BOM as a column: an indented root mapping after one is a syntax error ("must start at the same column").
		let text = this.rare(6) && this.rootIndent === 0 ? '\ufeff' : '';
		this.lines.forEach((line, i) => {
			text += line;
			if (i < this.lines.length - 1 || this.pick(4) !== 1) text += eol();
		});
		return text;
	}

	private pick(n: number): number {
		if (this.choices.length === 0) return 0;
		return this.choices[this.at++ % this.choices.length]! % n;
	}

	private rare(n: number): boolean {
		return this.pick(n) === 1;
	}

	private push(...lines: string[]): void {
		this.lines.push(...lines);
		this.commentCap = Infinity;
	}

	private comment(indent: number, text: string): void {
		this.lines.push(`${' '.repeat(Math.max(0, Math.min(indent, this.commentCap)))}${text}`);
	}

	private trailing(): string {
		return this.rare(5) ? `${this.rare(2) ? '\t' : '  '}# note` : '';
	}

	/** Blank lines and comment lines before an entry, at any indentation a comment may have there. */
	private between(indent: number): void {
		if (this.rare(5)) this.lines.push('');
		if (this.rare(5)) this.comment(this.pick(indent + 3), '# between entries');
	}

	private key(name: string, flow: boolean): string {
		if (name === '<<') return this.pick(3) === 1 ? "'<<'" : '"<<"';
		const style = this.pick(4);
		let written: string;
		if (plainKey(name) && style !== 1 && style !== 2) written = name;
		else if (style === 1 && singleQuotable(name)) written = `'${name.replace(/'/g, "''")}'`;
		else written = JSON.stringify(name);
		return this.rare(flow ? 9 : 7) ? `!!str ${written}` : written;
	}

	private scalar(value: string): string {
		// A value written before may come back as an alias of it (`level: *s0`); some values are anchored for that.
		const anchor = this.scalarAnchors.get(value);
		if (anchor !== undefined && this.rare(3)) return `*${anchor}`;
		const anchored = anchor === undefined && this.rare(8) ? `s${this.scalarAnchors.size}` : undefined;
		if (anchored) this.scalarAnchors.set(value, anchored);
		return `${anchored ? `&${anchored} ` : ''}${this.plainScalar(value)}`;
	}

	private plainScalar(value: string): string {
		const style = this.pick(5);
		let written: string;
		if (plainValue(value) && style < 3) written = value;
		else if (style === 3 && singleQuotable(value)) written = `'${value.replace(/'/g, "''")}'`;
		else written = JSON.stringify(value);
		return this.rare(9) ? `!!str ${written}` : written;
	}

	/** The entries of a block mapping at `indent`; `lead` replaces the first entry's indentation (`: ` of a compact explicit value). */
	private mapLines(node: MapNode, indent: number, lead?: string): void {
		node.entries.forEach((entry, i) => {
			if (i > 0 || lead === undefined) this.between(indent);
			this.entry(entry, indent, i === 0 ? lead : undefined);
		});
	}

	private entry(entry: Entry, indent: number, lead: string | undefined): void {
		const pad = lead ?? ' '.repeat(indent);
		const name = entry.merge ? '<<' : this.key(entry.key, false);
		if (!entry.merge && lead === undefined && this.rare(7)) {
			this.push(`${pad}? ${name}${this.trailing()}`);
			this.value(`${pad}:`, entry.value, indent, true);
			return;
		}
		this.value(`${pad}${name}:`, entry.value, indent, false);
	}

	/** A value after `prefix` (`key:` or an explicit entry's `:`), in the block mapping at `indent`. */
	private value(prefix: string, node: PlanNode, indent: number, explicit: boolean): void {
		const space = this.rare(8) ? '\t' : ' ';
		switch (node.kind) {
			case 'null':
				this.push(`${prefix}${['', ' ~', ' null', ' !!null', ' Null'][this.pick(5)]}${this.trailing()}`);
				return;
			case 'alias':
				this.push(`${prefix}${space}*${node.target.anchor}${this.trailing()}`);
				return;
			case 'list': {
				const style = node.items.length === 0 ? 0 : this.pick(3);
				if (style === 0) return this.push(`${prefix}${space}[${node.items.map((item) => this.key(item, true)).join(', ')}]${this.trailing()}`);
				this.push(`${prefix}${this.trailing()}`);
				const itemIndent = style === 2 && !explicit ? indent : indent + 2;
				for (const item of node.items) this.push(`${' '.repeat(itemIndent)}- ${this.key(item, true)}`);
				return;
			}
			case 'text':
				if (node.block && this.pick(3) !== 0) return this.blockScalar(prefix, node.value, indent);
				this.push(`${prefix}${space}${this.scalar(node.value)}${this.trailing()}`);
				return;
			case 'map':
				return this.mapValue(prefix, node, indent, explicit);
		}
	}

	private blockScalar(prefix: string, value: string, indent: number): void {
		const indicator = this.rare(4) ? 1 + this.pick(4) : undefined;
		const chomp = ['', '-', '+'][this.pick(3)]!;
		const header = `${['|', '>'][this.pick(2)]}${indicator === undefined ? chomp : this.rare(2) ? `${indicator}${chomp}` : `${chomp}${indicator}`}`;
		this.push(`${prefix} ${header}${this.rare(5) ? ' # a block scalar' : ''}`);
		const contentIndent = indent + (indicator ?? 1 + this.pick(4));
		const contentLines = value.split('\n');
		for (const line of contentLines) this.lines.push(line === '' ? '' : `${' '.repeat(contentIndent)}${line}`);
		for (let blank = this.pick(3); blank > 0; blank--) this.lines.push('');
		this.commentCap = contentIndent - 1;
	}

	private mapValue(prefix: string, node: MapNode, indent: number, explicit: boolean): void {
		const anchor = node.anchor ? ` &${node.anchor}` : '';
		if (node.entries.length === 0) return this.push(`${prefix}${anchor} ${['{}', '{ }'][this.pick(2)]}${this.trailing()}`);
		const style = this.pick(7);
		if (style === 4) return this.push(`${prefix} ${this.flowMap(node)}${this.trailing()}`);
		if (style === 5) return this.flowMapLines(`${prefix}${anchor} `, node, indent);
		if (style === 6 && explicit && !node.anchor) {
			// A compact explicit value: `: level: user`, the other entries under it at the same column.
			return this.mapLines(node, indent + 2, `${prefix} `);
		}
		this.push(`${prefix}${anchor}${this.rare(6) ? ' !!map' : ''}${this.trailing()}`);
		this.mapLines(node, indent + [2, 4, 1, 3][this.pick(4)]!);
	}

	/** A flow mapping over several lines, inside the block mapping at `indent`: each entry on its line, comments after some. */
	private flowMapLines(prefix: string, node: MapNode, indent: number): void {
		this.push(`${prefix}{${this.trailing()}`);
		const trailingComma = this.rare(3);
		node.entries.forEach((entry, i) => {
			if (this.rare(6)) this.comment(indent + 1 + this.pick(3), '# inside a flow mapping');
			const comma = i < node.entries.length - 1 || trailingComma ? ',' : '';
			this.push(`${' '.repeat(indent + 1 + this.pick(3))}${this.flowEntry(entry)}${comma}${this.trailing()}`);
		});
		this.push(`${' '.repeat(indent + this.pick(2))}}${this.trailing()}`);
	}

	private flowMap(node: MapNode): string {
		const anchor = node.anchor ? `&${node.anchor} ` : '';
		if (node.entries.length === 0) return `${anchor}{}`;
		const [open, close] = this.rare(3) ? ['{', '}'] : ['{ ', ' }'];
		return `${anchor}${open}${node.entries.map((entry) => this.flowEntry(entry)).join(', ')}${this.rare(5) ? ',' : ''}${close}`;
	}

	private flowEntry(entry: Entry): string {
		if (entry.merge) return `<<: ${this.flowValue(entry.value)}`;
		const name = this.key(entry.key, true);
		if (entry.value.kind === 'null' && this.rare(4)) return name;
		return this.rare(8) ? `? ${name} : ${this.flowValue(entry.value)}` : `${name}: ${this.flowValue(entry.value)}`;
	}

	private flowValue(node: PlanNode): string {
		switch (node.kind) {
			case 'null':
				return ['~', 'null', '', '!!null'][this.pick(4)]!;
			case 'alias':
				return `*${node.target.anchor}`;
			case 'list':
				return `[${node.items.map((item) => this.key(item, true)).join(', ')}]`;
			case 'text':
				return this.scalar(node.value);
			case 'map':
				return this.flowMap(node);
		}
	}
}
