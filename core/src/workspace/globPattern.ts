/**
 * Glob matching for the plan's `sources.include` / `exclude` (paths relative to the plan's folder,
 * `/`-separated): `**` any number of folders, `*` and `?` within one segment, `{a,b}` alternatives,
 * `[abc]` classes. A pattern without a `/` matches the file name at any depth, as in .gitignore.
 */
export function compileGlob(pattern: string): (relativePath: string) => boolean {
	const normalised = pattern.replace(/^\.\//, '').replace(/\/+$/, '/**');
	const anchored = normalised.includes('/') ? normalised : `**/${normalised}`;
	const regex = new RegExp(`^${globToRegexSource(anchored)}$`);
	return (relativePath) => regex.test(relativePath);
}

function globToRegexSource(glob: string): string {
	let out = '';
	let braceDepth = 0;
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
						out += '(?:[^/]*/)*'; // `**/`: zero or more folders
					} else {
						out += '.*'; // trailing `**`: everything below
					}
					continue;
				}
			}
			out += '[^/]*';
		} else if (c === '?') {
			out += '[^/]';
		} else if (c === '{') {
			braceDepth++;
			out += '(?:';
		} else if (c === '}' && braceDepth > 0) {
			braceDepth--;
			out += ')';
		} else if (c === ',' && braceDepth > 0) {
			out += '|';
		} else if (c === '[') {
			const close = glob.indexOf(']', i + 1);
			if (close === -1) {
				out += '\\[';
			} else {
				const body = glob.slice(i + 1, close).replace(/\\/g, '\\\\');
				out += `[${body.startsWith('!') ? `^${body.slice(1)}` : body}]`;
				i = close;
			}
		} else {
			out += c.replace(/[.+^$()|\\\]]/g, '\\$&');
		}
	}
	return out;
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
