import * as ts from 'typescript';
import type { FileFacts } from '../callFacts';
import type { ScanTools } from './callSite';
import { recogniseCalls } from './callRecognition';
import { ConstantValues } from './constantValues';
import { extractEmbeddedScripts } from './embeddedScripts';
import { collectExports } from './exportFacts';
import { FileModel } from './fileModel';
import { isEditedScript, parseEditedScript, parseScript, type EditedScript } from './editedScript';
import { isGeneratedAmpli, looksMinified, sourceKindOf } from './fileKinds';
import { recogniseHttpPayloads } from './httpPayloads';
import { IdentifyChains } from './identifyChains';
import { ReceiverResolver } from './receivers';
import { isServerSideModule } from './sdkModules';

/**
 * Scans one JavaScript/TypeScript file (or the scripts of a .vue/.svelte/.html file) for Amplitude
 * group calls, by syntax only: no type checker, no other files. Pure and total: any failure
 * (e.g. input nested too deeply for the parser) yields empty facts with `scanError` set.
 */
export function scanJavaScriptFile(uri: string, text: string): FileFacts {
	return scanTotally(uri, text, undefined).facts;
}

/**
 * Scans a file being edited: as `scanJavaScriptFile`, from the state the previous version's scan
 * returned (when there is one), re-parsing and re-walking only what the edit changed. Returns the
 * state for the next version (none when the file could not be parsed or is not read at all).
 */
export function scanEditedJavaScriptFile(uri: string, text: string, previous: unknown): { facts: FileFacts; state: EditedScript | undefined } {
	return scanTotally(uri, text, { previous: isEditedScript(previous) ? previous : undefined });
}

function scanTotally(uri: string, text: string, edit: { previous: EditedScript | undefined } | undefined): { facts: FileFacts; state: EditedScript | undefined } {
	try {
		return scan(uri, text, edit);
	} catch (error) {
		const reason = error instanceof RangeError ? 'nesting too deep to read' : error instanceof Error ? error.message : String(error);
		return { facts: { ...emptyFacts(uri), scanError: `Could not scan the file: ${reason}` }, state: undefined };
	}
}

function emptyFacts(uri: string): FileFacts {
	return { uri, calls: [], candidateCalls: [], exports: {}, imports: [] };
}

function scan(uri: string, text: string, edit: { previous: EditedScript | undefined } | undefined): { facts: FileFacts; state: EditedScript | undefined } {
	if (looksMinified(uri, text)) return { facts: emptyFacts(uri), state: undefined };
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
	let model: FileModel;
	let state: EditedScript | undefined;
	if (edit) {
		const { sourceFile, kept } = parseEditedScript(edit.previous, uri, parsedText, scriptKind);
		model = new FileModel(sourceFile, parsedText, kept);
		state = { uri, scriptKind, parsedText, sourceFile, kept, spent: false };
	} else {
		model = new FileModel(parseScript(parsedText, scriptKind), parsedText);
	}
	return { facts: factsOf(uri, text, model), state };
}

function factsOf(uri: string, text: string, model: FileModel): FileFacts {
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
