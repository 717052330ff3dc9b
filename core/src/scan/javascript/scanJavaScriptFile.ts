import ts = require('typescript');
import type { FileFacts } from '../callFacts';
import type { ScanTools } from './callSite';
import { recogniseCalls } from './callRecognition';
import { ConstantValues } from './constantValues';
import { extractEmbeddedScripts } from './embeddedScripts';
import { collectExports } from './exportFacts';
import { FileModel } from './fileModel';
import { isGeneratedAmpli, looksMinified, sourceKindOf } from './fileKinds';
import { recogniseHttpPayloads } from './httpPayloads';
import { IdentifyChains } from './identifyChains';
import { ReceiverResolver } from './receivers';
import { sdkModuleOf } from './sdkModules';

/**
 * Scans one JavaScript/TypeScript file (or the scripts of a .vue/.svelte/.html file) for Amplitude
 * group calls, by syntax only: no type checker, no other files. Pure and total: any failure
 * (e.g. input nested too deeply for the parser) yields empty facts with `scanError` set.
 */
export function scanJavaScriptFile(uri: string, text: string): FileFacts {
	try {
		return scan(uri, text);
	} catch (error) {
		const reason = error instanceof RangeError ? 'nesting too deep to read' : error instanceof Error ? error.message : String(error);
		return { ...emptyFacts(uri), scanError: `Could not scan the file: ${reason}` };
	}
}

function emptyFacts(uri: string): FileFacts {
	return { uri, calls: [], candidateCalls: [], exports: {}, imports: [] };
}

function scan(uri: string, text: string): FileFacts {
	if (looksMinified(uri, text)) return emptyFacts(uri);
	const kind = sourceKindOf(uri);
	let parsedText = text;
	let scriptKind: ts.ScriptKind;
	if (kind.kind === 'markup') {
		const embedded = extractEmbeddedScripts(text, kind.dialect);
		parsedText = embedded.text;
		scriptKind = embedded.jsx ? (embedded.typescript ? ts.ScriptKind.TSX : ts.ScriptKind.JSX) : embedded.typescript ? ts.ScriptKind.TS : ts.ScriptKind.JS;
	} else {
		scriptKind = kind.scriptKind;
	}
	// No parent pointers (FileModel's walk sets them, saving a pass over the tree) and no JSDoc: nothing reads either.
	const sourceFile = ts.createSourceFile(fileNameFor(scriptKind), parsedText, { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone }, false, scriptKind);
	const model = new FileModel(sourceFile, parsedText);
	const imports = [...new Set(model.moduleSpecifiers)];
	const serverSide = imports.some((specifier) => isServerSideModule(specifier));
	if (isGeneratedAmpli(text)) {
		return { uri, calls: [], candidateCalls: [], exports: { ampli: { kind: 'sdk-instance', sdk: 'ampli' } }, imports, generated: 'ampli', ...(serverSide ? { serverSide } : {}) };
	}
	const receivers = new ReceiverResolver(model);
	const constants = new ConstantValues(model);
	const tools: ScanTools = {
		model,
		constants,
		receivers,
		identify: new IdentifyChains(model, receivers, constants),
		serverSideFile: serverSide,
		consumed: new Set(),
	};
	const { calls, candidateCalls } = recogniseCalls(tools);
	calls.push(...recogniseHttpPayloads(tools));
	calls.sort((a, b) => a.range.start - b.range.start);
	candidateCalls.sort((a, b) => a.range.start - b.range.start);
	return { uri, calls, candidateCalls, exports: collectExports(tools), imports, ...(serverSide ? { serverSide } : {}) };
}

function isServerSideModule(specifier: string): boolean {
	const module = sdkModuleOf(specifier);
	return module === 'amplitude-node' || module === 'amplitude-node-legacy' || module === 'segment-node' || module === 'segment-node-legacy';
}

/** A file name whose extension matches the script kind (the parser looks at it for JSX rules). */
function fileNameFor(scriptKind: ts.ScriptKind): string {
	switch (scriptKind) {
		case ts.ScriptKind.JS:
			return 'scanned.js';
		case ts.ScriptKind.JSX:
			return 'scanned.jsx';
		case ts.ScriptKind.TS:
			return 'scanned.ts';
		default:
			return 'scanned.tsx';
	}
}
