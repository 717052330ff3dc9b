import type { WasmAssets, WasmFile } from '../wasmAssets';
// The package's CommonJS build: `import … from` would make esbuild bundle its ES module build,
// which calls createRequire(import.meta.url) and fails inside the CommonJS bundles.
import TreeSitter = require('web-tree-sitter');

export type Language = TreeSitter.Language;
export type Parser = TreeSitter.Parser;
export type Tree = TreeSitter.Tree;
export type TreeCursor = TreeSitter.TreeCursor;
export type Edit = TreeSitter.Edit;

/** web-tree-sitter's own WebAssembly (the parser runtime every grammar runs in). */
export const treeSitterRuntimeWasm: WasmFile = { fileName: 'web-tree-sitter.wasm', npmPackage: 'web-tree-sitter' };

let runtime: Promise<void> | undefined;

/**
 * Starts web-tree-sitter once per process (asynchronous: it compiles its WebAssembly), from the
 * bytes the host reads. A failed start is forgotten, so a later call can try again.
 */
export function startTreeSitter(assets: WasmAssets): Promise<void> {
	runtime ??= assets
		.read(treeSitterRuntimeWasm)
		.then((wasmBinary) => TreeSitter.Parser.init({ wasmBinary }))
		.catch((error: unknown) => {
			runtime = undefined;
			throw error;
		});
	return runtime;
}

/**
 * A grammar, loaded lazily: `load` starts the runtime and compiles the grammar's WebAssembly the first
 * time it is called (a front end calls it from `prepare`, so only workspaces with its files pay);
 * `parser()` is then synchronous. One parser per grammar, reused (parsing is synchronous, so it is
 * never shared by two parses at once).
 */
export class LazyGrammar {
	private loading: Promise<void> | undefined;
	private loadedParser: Parser | undefined;

	constructor(readonly file: WasmFile) {}

	load(assets: WasmAssets): Promise<void> {
		this.loading ??= (async () => {
			await startTreeSitter(assets);
			const language = await TreeSitter.Language.load(await assets.read(this.file));
			const parser = new TreeSitter.Parser();
			parser.setLanguage(language);
			this.loadedParser = parser;
		})().catch((error: unknown) => {
			this.loading = undefined;
			throw error;
		});
		return this.loading;
	}

	get isLoaded(): boolean {
		return this.loadedParser !== undefined;
	}

	/** The grammar's parser; throws when `load` has not resolved (a host bug: scans wait for `prepare`). */
	parser(): Parser {
		if (!this.loadedParser) throw new Error(`the ${this.file.fileName} grammar is not loaded (prepare was not awaited)`);
		return this.loadedParser;
	}

	/** A query over this grammar's trees (for tests and simple front-end lookups). */
	query(source: string): TreeSitter.Query {
		return new TreeSitter.Query(this.parser().language!, source);
	}
}
