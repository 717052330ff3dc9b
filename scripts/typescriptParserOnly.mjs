// Build helper for esbuild.mjs: TypeScript's one-file CommonJS build (typescript/lib/typescript.js,
// 9 MB) made into an ES module that esbuild can tree-shake, so the bundles carry TypeScript's parser
// and not its type checker, emitter, language service and server. Node spends ≈ 0.4 s loading the
// whole of TypeScript (V8 reads and pre-parses it all, then runs its load-time code); a bundle with
// the parser alone starts ≈ 0.25 s sooner, on every `trackplan check` and server start
// (docs/performance.md).
//
// typescript.js is esbuild's own output wrapped in `var ts = {}; ((module) => { … })(…)`: every
// function is a top-level declaration in that wrapper, and its exports are one
// `__export(typescript_exports, { name: () => name, … })`. Unwrapped, with that list as an `export`
// statement, esbuild keeps only what the bundle reaches, except what TypeScript does as it loads.
// So, in the sections of the file that come from TypeScript's language service and server
// (`// src/services/…`, `// src/server/…`, `// src/jsTyping/…`), the load-time statements are
// disabled: refactors and code fixes registering themselves, namespace objects filled in by
// function calls, static fields of server classes. Kept: the one line that installs the language
// service's node classes, whose `getStart()` / `getText()` the scanner calls on every node.
// The namespace objects (`ts.server`, `ts.codefix`, …) become pure expressions, dropped when unused.
//
// `typescript` is pinned to one exact version (package.json): this transform checks the file's
// shape and fails the build, never guesses, if a new version changes it. test/cli (the bundled CLI)
// and test/cli/bundledParser.test.ts hold the bundle's results to the unbundled core's.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const ts = require('typescript');

const wrapperStart = 'var ts = {}; ((module) => {\n';
const exportsStart = '__export(typescript_exports, {\n';
const exportsEnd = '\n});\n';
const commonJsExport = 'module.exports = __toCommonJS(typescript_exports);\n';
const exportNamesForNode = '\n0 && (module.exports = {';
const wrapperEnd = '\n})({ get exports() { return ts; }';

/** Sections whose load-time statements are disabled (never the compiler's own). */
const serviceSections = ['src/services/', 'src/server/', 'src/jsTyping/'];
/** Load-time statements of those sections that the scanner needs. */
const keptStatements = ['setObjectAllocator(getServicesObjectAllocator());'];

/** typescript.js (its text) as an ES module esbuild can tree-shake. Throws when its shape is not the one expected. */
export function typescriptParserOnly(text) {
	const positions = [text.indexOf(wrapperStart), text.indexOf(exportsStart), text.indexOf(commonJsExport), text.lastIndexOf(exportNamesForNode), text.lastIndexOf(wrapperEnd)];
	if (positions.some((at) => at < 0) || positions.some((at, i) => i > 0 && at < positions[i - 1])) {
		throw new Error(`typescript.js (${ts.version}) no longer has the shape scripts/typescriptParserOnly.mjs expects; update it or pin TypeScript back`);
	}
	const [start, listStart, commonJs, namesForNode, end] = positions;
	const listEnd = text.indexOf(exportsEnd, listStart);
	const specifiers = text
		.slice(listStart + exportsStart.length, listEnd)
		.split('\n')
		.map((line) => {
			const entry = /^\s*(\w+): \(\) => (\w+),?$/.exec(line);
			if (!entry) throw new Error(`typescript.js: unexpected export entry ${JSON.stringify(line)}`);
			return entry[1] === entry[2] ? entry[1] : `${entry[2]} as ${entry[1]}`;
		});
	const body =
		text.slice(start + wrapperStart.length, listStart) + text.slice(listEnd + exportsEnd.length, commonJs) + text.slice(commonJs + commonJsExport.length, namesForNode);
	const withPureNamespaces = body.replace(/^var (\w+_exports\d*) = \{\};\n__export\(\1, \{$/gm, (_, name) => `var ${name} = /* @__PURE__ */ __namespace({`);
	return (
		withoutServiceLoadTimeStatements(withPureNamespaces) +
		'\nfunction __namespace(all) { const target = {}; __export(target, all); return target; }\n' +
		`export { ${specifiers.join(', ')} };\n`
	);
}

/** Wraps each load-time statement of the service sections in `if (0) { … }`, which esbuild drops. */
function withoutServiceLoadTimeStatements(text) {
	const file = ts.createSourceFile('typescript.mjs', text, { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone }, false, ts.ScriptKind.JS);
	const sections = [...text.matchAll(/^\/\/ (src\/\S+)$/gm)].map((match) => ({ at: match.index, name: match[1] }));
	let section = 0;
	const disabled = [];
	for (const statement of file.statements) {
		const at = statement.getStart(file);
		while (section + 1 < sections.length && sections[section + 1].at <= at) section++;
		if (!serviceSections.some((prefix) => sections[section]?.name.startsWith(prefix))) continue;
		if (ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isVariableStatement(statement)) continue;
		if (keptStatements.includes(text.slice(at, statement.end))) continue;
		disabled.push({ at, end: statement.end });
	}
	if (disabled.length < 50) throw new Error(`typescript.js: only ${disabled.length} load-time statements found in the language service; its layout changed`);
	let result = '';
	let from = 0;
	for (const { at, end } of disabled) {
		result += `${text.slice(from, at)}if (0) {${text.slice(at, end)}}`;
		from = end;
	}
	return result + text.slice(from);
}

/** The esbuild plugin: typescript.js, wherever it resolves, loaded as above (once per process). */
export function typescriptParserOnlyPlugin() {
	let transformed;
	return {
		name: 'typescript-parser-only',
		setup(build) {
			build.onLoad({ filter: /[\\/]typescript[\\/]lib[\\/]typescript\.js$/ }, async (args) => {
				transformed ??= import('node:fs/promises').then(({ readFile }) => readFile(args.path, 'utf8')).then(typescriptParserOnly);
				return { contents: await transformed, loader: 'js' };
			});
		},
	};
}
