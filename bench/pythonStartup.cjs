// The Python parser's start-up cost, in a fresh process (the runtime starts once per process):
//   node bench/pythonStartup.cjs raw <file.py>       web-tree-sitter alone: runtime init, grammar load, first and second parse
//   node bench/pythonStartup.cjs frontEnd <file.py>  the Python front end from the tsc build (out/): prepare(), first and second scan
// Prints one JSON line of milliseconds; `sinceProcessStartMs` is from Node's start to the first parse or scan done.
'use strict';
const { readFileSync } = require('node:fs');
const path = require('node:path');

const [mode, file] = process.argv.slice(2);
const text = readFileSync(file, 'utf8');
const root = path.dirname(__dirname);

async function raw() {
	const TreeSitter = require('web-tree-sitter');
	const t0 = performance.now();
	await TreeSitter.Parser.init({ wasmBinary: readFileSync(require.resolve('web-tree-sitter/web-tree-sitter.wasm')) });
	const t1 = performance.now();
	const language = await TreeSitter.Language.load(readFileSync(require.resolve('tree-sitter-python/tree-sitter-python.wasm')));
	const t2 = performance.now();
	const parser = new TreeSitter.Parser();
	parser.setLanguage(language);
	parser.parse(text).delete();
	const t3 = performance.now();
	parser.parse(text).delete();
	const t4 = performance.now();
	return { runtimeInitMs: t1 - t0, grammarLoadMs: t2 - t1, firstParseMs: t3 - t2, secondParseMs: t4 - t3, sinceProcessStartMs: t3 };
}

async function frontEnd() {
	const { defaultFrontEnds } = require(path.join(root, 'out/core/src/scan/frontEnds.js'));
	const { nodeWasmAssets } = require(path.join(root, 'out/node/src/nodeWasmAssets.js'));
	const python = defaultFrontEnds.find((candidate) => candidate.language === 'python');
	if (!python) throw new Error('no Python front end in defaultFrontEnds');
	const uri = 'file:///bench/report_builder.py';
	const t0 = performance.now();
	await python.prepare(nodeWasmAssets(path.join(root, 'dist')));
	const t1 = performance.now();
	const first = python.scan(uri, text);
	const t2 = performance.now();
	python.scan(uri, text);
	const t3 = performance.now();
	return { prepareMs: t1 - t0, firstScanMs: t2 - t1, secondScanMs: t3 - t2, sinceProcessStartMs: t2, calls: first.calls.length };
}

(mode === 'raw' ? raw() : frontEnd()).then(
	(result) => process.stdout.write(JSON.stringify(result) + '\n'),
	(error) => {
		process.stderr.write(`${error.stack ?? error}\n`);
		process.exit(1);
	},
);
