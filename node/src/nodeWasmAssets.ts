import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import type { WasmAssets, WasmFile } from '../../core/src/scan/wasmAssets';

/**
 * The front ends' WebAssembly files, read from disk: next to the running bundle (`dist/wasm/`, where
 * the build copies them, and where the .vsix and the npm package carry them), else from their npm
 * packages (compiled tests run from `out/`, beside `node_modules`). Nothing is ever downloaded.
 */
export function nodeWasmAssets(bundleDirectory: string = __dirname): WasmAssets {
	return {
		async read(file: WasmFile): Promise<Uint8Array> {
			try {
				return await readFile(path.join(bundleDirectory, 'wasm', file.fileName));
			} catch (error) {
				const packaged = packagedPath(file);
				if (packaged === undefined) throw error;
				return readFile(packaged);
			}
		},
	};
}

/** The file inside its npm package, when the package is installed where Node resolves it from here. */
function packagedPath(file: WasmFile): string | undefined {
	try {
		return require.resolve(`${file.npmPackage}/${file.fileName}`);
	} catch {
		return undefined;
	}
}
