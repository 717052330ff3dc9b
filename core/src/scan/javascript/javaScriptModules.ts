import { dirnameUri, joinUri } from '../../workspace/uris';

/** The extensions a bare specifier may leave out, in the order a bundler tries them (no `.html`: it is not imported). */
const sourceExtensions = ['.ts', '.tsx', '.js', '.jsx', '.mjs', '.cjs', '.mts', '.cts', '.vue', '.svelte'];

/**
 * The workspace file a module specifier names, or undefined for packages and anything not in the
 * workspace. Relative specifiers only: `./constants`, `../lib/ampli/index.js` (TypeScript's ESM
 * style, meaning `index.ts`), `./groups.ts`, folders with an index file.
 */
export function resolveJavaScriptModule(fromUri: string, specifier: string, exists: (uri: string) => boolean): string | undefined {
	if (!specifier.startsWith('./') && !specifier.startsWith('../') && specifier !== '.' && specifier !== '..') return undefined;
	const base = joinUri(dirnameUri(fromUri), specifier);
	for (const candidate of candidatesFor(base)) if (exists(candidate)) return candidate;
	return undefined;
}

function candidatesFor(base: string): string[] {
	const candidates = [base];
	const jsExtension = /\.(m|c)?jsx?$/.exec(base);
	if (jsExtension) {
		const stem = base.slice(0, -jsExtension[0].length);
		const ts = jsExtension[0].replace('js', 'ts');
		candidates.push(stem + ts, `${stem}.ts`, `${stem}.tsx`);
	}
	for (const extension of sourceExtensions) candidates.push(base + extension);
	for (const extension of sourceExtensions) candidates.push(`${base}/index${extension}`);
	return candidates;
}
