/**
 * The WebAssembly files a front end's parser needs (web-tree-sitter's runtime, a grammar), read by the
 * host: the core never touches the file system. The build copies each one next to the bundles.
 */
export interface WasmFile {
	/** The file's name, the same in the npm package and next to the bundle (`tree-sitter-python.wasm`). */
	readonly fileName: string;
	/** The npm package that ships it, pinned exactly in package.json (`tree-sitter-python`). */
	readonly npmPackage: string;
}

/** How the host gives a front end the bytes of its WebAssembly files. */
export interface WasmAssets {
	read(file: WasmFile): Promise<Uint8Array>;
}
