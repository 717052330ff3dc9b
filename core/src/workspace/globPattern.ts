/**
 * Glob matching for the plan's `sources.include` / `exclude` (paths relative to the plan's folder,
 * `/`-separated): `**` any number of folders, `*` and `?` within one segment, `{a,b}` alternatives,
 * `[abc]` classes. A pattern without a `/` matches the file name at any depth, as in .gitignore.
 *
 * Globs come from plans in other people's repositories, so matching must hold up against any
 * pattern: it runs as a set of states over the path (time proportional to the path's length
 * times the pattern's), never as a backtracking regular expression (on which a dozen `**` segments or
 * `*a*a*a*…b` take exponential time), and every pattern compiles (an unclosed `{` or `[`, or a range
 * like `[z-a]`, is read literally or as matching nothing instead of throwing).
 */
export function compileGlob(pattern: string): (relativePath: string) => boolean {
	let normalised = pattern.startsWith('./') ? pattern.slice(2) : pattern;
	let end = normalised.length;
	while (end > 0 && normalised[end - 1] === '/') end--;
	if (end < normalised.length) normalised = `${normalised.slice(0, end)}/**`;
	const anchored = normalised.includes('/') ? normalised : `**/${normalised}`;
	const machine = new GlobMachine(parseGlob(anchored));
	return (relativePath) => machine.matches(relativePath);
}

/** One piece of a parsed glob. */
type Atom =
	| { readonly kind: 'char'; readonly test: (code: number) => boolean }
	/** `*`: any characters within a segment. */
	| { readonly kind: 'star' }
	/** `**` followed by `/`: zero or more whole folders. */
	| { readonly kind: 'folders' }
	/** A trailing `**`: everything below. */
	| { readonly kind: 'rest' }
	/** `{a,b}`: one of the options. */
	| { readonly kind: 'options'; readonly options: readonly Atom[][] };

const slash = 47;
const isNotSlash = (code: number): boolean => code !== slash;
const notSlash: Atom = { kind: 'char', test: isNotSlash };

/** Braces nested deeper than this are read literally (so compiling stays shallow). */
const maxBraceDepth = 32;

function parseGlob(glob: string): Atom[] {
	const closeAfter = classEnds(glob);
	const structural = structuralBraces(glob, closeAfter);
	const root: Atom[] = [];
	const groups: Atom[][][] = [];
	const current = (): Atom[] => {
		const group = groups[groups.length - 1];
		return group ? group[group.length - 1]! : root;
	};
	for (let i = 0; i < glob.length; i++) {
		const c = glob[i]!;
		if (c === '*') {
			if (glob[i + 1] === '*') {
				const atSegmentStart = i === 0 || glob[i - 1] === '/';
				const atSegmentEnd = glob[i + 2] === '/' || i + 2 === glob.length;
				i++;
				if (atSegmentStart && atSegmentEnd) {
					if (glob[i + 1] === '/') {
						i++;
						current().push({ kind: 'folders' });
					} else {
						current().push({ kind: 'rest' });
					}
					continue;
				}
			}
			current().push({ kind: 'star' });
		} else if (c === '?') {
			current().push(notSlash);
		} else if (structural.has(i) && c === '{') {
			groups.push([[]]);
		} else if (structural.has(i) && c === ',') {
			groups[groups.length - 1]!.push([]);
		} else if (structural.has(i) && c === '}') {
			const options = groups.pop()!;
			current().push({ kind: 'options', options });
		} else if (c === '[' && closeAfter[i]! !== -1) {
			const close = closeAfter[i]!;
			current().push(characterClass(glob.slice(i + 1, close)));
			i = close;
		} else {
			const code = glob.charCodeAt(i);
			current().push({ kind: 'char', test: (other) => other === code });
		}
	}
	return root;
}

/** Offsets of the `{`, `,` and `}` that form alternatives: braces that are closed (and not nested too deep), and their commas. */
function structuralBraces(glob: string, closeAfter: Int32Array): Set<number> {
	const structural = new Set<number>();
	const open: { at: number; commas: number[]; counts: boolean }[] = [];
	for (let i = 0; i < glob.length; i++) {
		const c = glob[i]!;
		if (c === '[' && closeAfter[i]! !== -1) {
			i = closeAfter[i]!;
		} else if (c === '{') {
			open.push({ at: i, commas: [], counts: open.length < maxBraceDepth });
		} else if (c === ',' && open.length > 0) {
			open[open.length - 1]!.commas.push(i);
		} else if (c === '}' && open.length > 0) {
			const brace = open.pop()!;
			if (!brace.counts) continue;
			structural.add(brace.at).add(i);
			for (const comma of brace.commas) structural.add(comma);
		}
	}
	return structural;
}

/** For each offset, where the first `]` after it is (-1 for none): a class `[…` ends there. */
function classEnds(glob: string): Int32Array {
	const ends = new Int32Array(glob.length + 1).fill(-1);
	for (let i = glob.length - 2; i >= 0; i--) ends[i] = glob[i + 1] === ']' ? i + 1 : ends[i + 1]!;
	return ends;
}

/** `[abc]`, `[a-z]`, `[!abc]` / `[^abc]`: one character (a range written backwards matches nothing). */
function characterClass(body: string): Atom {
	const negated = body.startsWith('!') || body.startsWith('^');
	const ranges: [number, number][] = [];
	for (let j = negated ? 1 : 0; j < body.length; j++) {
		const low = body.charCodeAt(j);
		if (body[j + 1] === '-' && j + 2 < body.length) {
			ranges.push([low, body.charCodeAt(j + 2)]);
			j += 2;
		} else {
			ranges.push([low, low]);
		}
	}
	return { kind: 'char', test: (code) => ranges.some(([low, high]) => code >= low && code <= high) !== negated };
}

/** Sets of automaton states remembered per glob; past this, paths are matched without remembering more. */
const maxRememberedSets = 2_000;

/**
 * A glob as a nondeterministic automaton, run over a path with the set of states it can be in:
 * each state either reads one character (`test`, then `next[0]`) or moves on without reading (`next`).
 * The sets met and the moves between them are remembered (a DFA built as paths need it), so
 * matching costs one lookup per character once the glob has seen a few paths.
 */
class GlobMachine {
	private readonly tests: (((code: number) => boolean) | undefined)[] = [];
	private readonly next: number[][] = [];
	private readonly accept: number;
	private readonly marks: Uint32Array;
	private generation = 0;
	private readonly sets: { readonly states: readonly number[]; readonly accepting: boolean; readonly ascii: Int32Array; readonly moves: Map<number, number> }[] = [];
	private readonly setIds = new Map<string, number>();
	private readonly startSet: number;

	constructor(atoms: readonly Atom[]) {
		this.accept = this.state(undefined, []);
		const start = this.sequence(atoms, this.accept);
		this.marks = new Uint32Array(this.tests.length);
		this.startSet = this.remember(this.closure([start]));
	}

	matches(path: string): boolean {
		let current = this.startSet;
		for (let i = 0; i < path.length; i++) {
			const set = this.sets[current]!;
			if (set.states.length === 0) return false;
			const code = path.charCodeAt(i);
			let moved = code < 128 ? set.ascii[code]! : (set.moves.get(code) ?? -1);
			if (moved === -1) {
				const states = this.step(set.states, code);
				if (this.sets.length >= maxRememberedSets) return this.run(states, path, i + 1);
				moved = this.remember(states);
				if (code < 128) set.ascii[code] = moved;
				else set.moves.set(code, moved);
			}
			current = moved;
		}
		return this.sets[current]!.accepting;
	}

	/** Matching without remembering: the set of states, character by character. */
	private run(states: readonly number[], path: string, from: number): boolean {
		let current = states;
		for (let i = from; i < path.length && current.length > 0; i++) current = this.step(current, path.charCodeAt(i));
		return current.includes(this.accept);
	}

	private step(states: readonly number[], code: number): number[] {
		const moved: number[] = [];
		for (const state of states) if (this.tests[state]?.(code)) moved.push(this.next[state]![0]!);
		return this.closure(moved);
	}

	private remember(states: number[]): number {
		states.sort((a, b) => a - b);
		const key = states.join(',');
		let id = this.setIds.get(key);
		if (id === undefined) {
			id = this.sets.length;
			this.sets.push({ states, accepting: states.includes(this.accept), ascii: new Int32Array(128).fill(-1), moves: new Map() });
			this.setIds.set(key, id);
		}
		return id;
	}

	private state(test: ((code: number) => boolean) | undefined, next: number[]): number {
		this.tests.push(test);
		this.next.push(next);
		return this.tests.length - 1;
	}

	/** Builds the atoms back to front, each leading to `then`; returns the first state. */
	private sequence(atoms: readonly Atom[], then: number): number {
		let next = then;
		for (let i = atoms.length - 1; i >= 0; i--) next = this.atom(atoms[i]!, next);
		return next;
	}

	private atom(atom: Atom, then: number): number {
		switch (atom.kind) {
			case 'char':
				return this.state(atom.test, [then]);
			case 'star':
			case 'rest': {
				const loop = this.state(undefined, []);
				const step = this.state(atom.kind === 'star' ? isNotSlash : () => true, [loop]);
				this.next[loop] = [step, then];
				return loop;
			}
			case 'folders': {
				const loop = this.state(undefined, []);
				const inFolder = this.state(undefined, []);
				const step = this.state(isNotSlash, [inFolder]);
				const endOfFolder = this.state((code) => code === slash, [loop]);
				this.next[inFolder] = [step, endOfFolder];
				this.next[loop] = [inFolder, then];
				return loop;
			}
			case 'options':
				return this.state(
					undefined,
					atom.options.map((option) => this.sequence(option, then)),
				);
		}
	}

	/** The reading states (and the accepting one) reachable from `seeds` without reading. */
	private closure(seeds: readonly number[]): number[] {
		const generation = ++this.generation;
		const result: number[] = [];
		const pending = [...seeds];
		while (pending.length > 0) {
			const state = pending.pop()!;
			if (this.marks[state] === generation) continue;
			this.marks[state] = generation;
			if (this.tests[state] || state === this.accept) result.push(state);
			else for (const next of this.next[state]!) pending.push(next);
		}
		return result;
	}
}

/** Include/exclude globs compiled once. */
export class SourceFilter {
	private readonly includes: ((path: string) => boolean)[];
	private readonly excludes: ((path: string) => boolean)[];

	constructor(include: readonly string[], exclude: readonly string[]) {
		this.includes = include.map(compileGlob);
		this.excludes = exclude.map(compileGlob);
	}

	matches(relativePath: string): boolean {
		return this.includes.some((match) => match(relativePath)) && !this.excludes.some((match) => match(relativePath));
	}

	/** False when no file below this folder can match an exclude-everything pattern like `dist/**`. */
	mayContain(relativeFolder: string): boolean {
		return !this.excludes.some((match) => match(`${relativeFolder}/`) || match(relativeFolder));
	}
}
