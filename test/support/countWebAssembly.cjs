// Preload (`node -r test/support/countWebAssembly.cjs …`): counts the process's WebAssembly work —
// `.wasm` files read through `fs`, and modules compiled or instantiated — and writes
// `{ wasmReads: [names], compiled: n }` as JSON to $TRACKPLAN_WASM_COUNT_FILE at exit. Used to show
// that a workspace without Python files never starts the parser runtime nor loads the grammar.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const out = process.env.TRACKPLAN_WASM_COUNT_FILE;
const counts = { wasmReads: [], compiled: 0 };
const isWasm = (file) => typeof file === 'string' ? file.endsWith('.wasm') : file instanceof URL ? file.pathname.endsWith('.wasm') : false;
const note = (file) => {
	if (isWasm(file)) counts.wasmReads.push(path.basename(String(file instanceof URL ? file.pathname : file)));
};
for (const [owner, name] of [[fs, 'readFileSync'], [fs, 'readFile'], [fs.promises, 'readFile'], [fs, 'createReadStream']]) {
	const original = owner[name];
	owner[name] = function (file, ...rest) {
		note(file);
		return original.call(this, file, ...rest);
	};
}
for (const name of ['compile', 'instantiate', 'compileStreaming', 'instantiateStreaming']) {
	const original = WebAssembly[name];
	if (typeof original !== 'function') continue;
	WebAssembly[name] = function (...args) {
		counts.compiled++;
		return original.apply(this, args);
	};
}
const OriginalModule = WebAssembly.Module;
WebAssembly.Module = new Proxy(OriginalModule, {
	construct(target, args) {
		counts.compiled++;
		return Reflect.construct(target, args);
	},
});
process.on('exit', () => {
	if (out) fs.writeFileSync(out, JSON.stringify(counts));
});
