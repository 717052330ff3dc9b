import { dirnameUri, joinUri } from '../../workspace/uris';

/**
 * The workspace file a Python import names, as the facts' `ImportRef.module` writes it: the module
 * exactly as in `from <module> import …` / `import <module>` (`.constants`, `..pkg.x`, `.`,
 * `app.settings`). Relative modules count from the importing file's package; absolute ones are
 * looked for under each ancestor folder of the importing file (whichever is the source root:
 * the repository, `src/`, a service folder), nearest first. A module is `a/b.py` or the package
 * `a/b/__init__.py`. Undefined for installed packages and anything not in the workspace.
 */
export function resolvePythonModule(fromUri: string, specifier: string, exists: (uri: string) => boolean): string | undefined {
	const dots = /^\.*/.exec(specifier)![0].length;
	const rest = specifier.slice(dots);
	const segments = rest === '' ? [] : rest.split('.');
	if (segments.some((segment) => !/^[\p{L}_][\p{L}\p{N}_]*$/u.test(segment))) return undefined;
	if (dots > 0) {
		let folder = dirnameUri(fromUri);
		for (let level = 1; level < dots; level++) folder = dirnameUri(folder);
		return moduleIn(folder, segments, exists);
	}
	if (segments.length === 0) return undefined;
	let folder = dirnameUri(fromUri);
	for (let level = 0; level < 64; level++) {
		const found = moduleIn(folder, segments, exists);
		if (found) return found;
		const parent = dirnameUri(folder);
		if (parent === folder) return undefined;
		folder = parent;
	}
	return undefined;
}

function moduleIn(folder: string, segments: readonly string[], exists: (uri: string) => boolean): string | undefined {
	if (segments.length === 0) {
		const init = joinUri(folder, '__init__.py');
		return exists(init) ? init : undefined;
	}
	const stem = joinUri(folder, ...segments);
	for (const candidate of [`${stem}.py`, joinUri(stem, '__init__.py')]) if (exists(candidate)) return candidate;
	return undefined;
}

/** The module `name` is inside `module` (`from . import constants` → `.constants`, `from app import x` → `app.x`). */
export function submodule(module: string, name: string): string {
	return module.endsWith('.') ? module + name : `${module}.${name}`;
}
