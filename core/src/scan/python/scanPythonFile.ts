import type { FileFacts } from '../callFacts';
import { parseIncrementally, reparseForReuse } from '../treeSitter/incrementalParse';
import { copySyntaxTree } from '../treeSitter/copySyntaxTree';
import { fieldOf, NestingTooDeep, type SyntaxNode } from '../treeSitter/syntaxNodes';
import { LazyGrammar, type Tree } from '../treeSitter/treeSitterRuntime';
import { recognisePythonCalls } from './pythonCallRecognition';
import type { PythonTools } from './pythonCallSite';
import { collectPythonExports } from './pythonExports';
import { recognisePythonHttpPayloads } from './pythonHttpPayloads';
import { PythonIdentifyChains } from './pythonIdentify';
import { indexPythonNodes } from './pythonNodeIndex';
import { PythonScopes } from './pythonScopes';
import { isServerSidePythonModule } from './pythonSdkModules';
import { PythonValues } from './pythonValues';

export const pythonGrammar = new LazyGrammar({ fileName: 'tree-sitter-python.wasm', npmPackage: 'tree-sitter-python' });

const skipped: ReadonlySet<string> = new Set(['comment']);

/** What the front end keeps of a file being edited: its text and tree (owned: deleted by `disposePythonState` or the next re-parse). */
export interface EditedPython {
	readonly kind: 'edited-python';
	readonly uri: string;
	/** The text as parsed (see `parserInput`). */
	readonly parsed: string;
	tree: Tree | undefined;
	/** The copy of `tree`, whose unchanged statements the next version reuses. */
	readonly root: SyntaxNode;
}

function isEditedPython(state: unknown): state is EditedPython {
	return typeof state === 'object' && state !== null && (state as { kind?: unknown }).kind === 'edited-python';
}

/** Scans one Python file; total: any failure yields empty facts with `scanError`. The tree is deleted before returning. */
export function scanPythonFile(uri: string, text: string): FileFacts {
	let tree: Tree | undefined;
	try {
		tree = parseIncrementally(pythonGrammar.parser(), checkedParserInput(text));
		return scanPythonTree(uri, text, tree);
	} catch (error) {
		return failed(uri, error);
	} finally {
		tree?.delete();
	}
}

/** The facts of a parsed file, read from a full copy of its tree (no reuse); the fuzz tests compare edited scans with it. */
export function scanPythonTree(uri: string, text: string, tree: Tree): FileFacts {
	return factsOf(uri, text, copySyntaxTree(tree, skipped));
}

/** As `scanPythonFile`, re-parsing incrementally from the previous version's tree; the returned state owns the new tree. */
export function scanEditedPythonFile(uri: string, text: string, previous: unknown): { facts: FileFacts; state: EditedPython | undefined } {
	const old = isEditedPython(previous) ? previous : undefined;
	const reusable = old && old.uri === uri && old.tree ? { tree: old.tree, text: old.parsed, root: old.root } : undefined;
	if (old && !reusable) disposePythonState(old);
	if (old) old.tree = undefined;
	let parsed: string;
	try {
		parsed = checkedParserInput(text);
	} catch (error) {
		reusable?.tree.delete();
		return { facts: failed(uri, error), state: undefined };
	}
	let tree: Tree | undefined;
	try {
		let root: SyntaxNode;
		if (reusable) {
			const reparsed = reparseForReuse(pythonGrammar.parser(), parsed, reusable);
			tree = reparsed.tree;
			root = copySyntaxTree(tree, skipped, undefined, reparsed.previous);
		} else {
			tree = parseIncrementally(pythonGrammar.parser(), parsed);
			root = copySyntaxTree(tree, skipped);
		}
		return { facts: factsOf(uri, text, root), state: { kind: 'edited-python', uri, parsed, tree, root } };
	} catch (error) {
		tree?.delete();
		return { facts: failed(uri, error), state: undefined };
	}
}

/**
 * The text tree-sitter parses: Python reads a lone `\r` as a line end (universal newlines), the
 * grammar only `\n`, so a `# comment` would run to the end of a file with old Mac line ends. Each
 * lone `\r` becomes `\n`: the same length, so every offset stays that of the original text.
 */
export function parserInput(text: string): string {
	return text.includes('\r') && /\r(?!\n)/.test(text) ? text.replace(/\r(?!\n)/g, '\n') : text;
}

/** `parserInput`, refused (`NestingTooDeep`) before the parser sees indentation its scanner cannot hold. */
function checkedParserInput(text: string): string {
	const parsed = parserInput(text);
	if (indentationTooDeep(parsed)) throw new NestingTooDeep(maxIndentationLevels);
	return parsed;
}

export function disposePythonState(state: unknown): void {
	if (!isEditedPython(state)) return;
	state.tree?.delete();
	state.tree = undefined;
}

function failed(uri: string, error: unknown): FileFacts {
	// A RangeError is the JavaScript stack overflowing (a deep tree); the parser's own failures are WebAssembly errors, said as they are.
	const tooDeep = error instanceof NestingTooDeep || (error instanceof RangeError && /call stack/i.test(error.message));
	const reason = tooDeep ? 'nesting too deep to read' : error instanceof Error ? error.message : String(error);
	return { uri, calls: [], candidateCalls: [], exports: {}, imports: [], scanError: `Could not scan the file: ${reason}` };
}

/** Ampli-generated wrappers announce themselves in their header comment. */
export function isGeneratedPythonAmpli(text: string): boolean {
	return /This file is generated by Amplitude|Ampli - A strong typed wrapper/.test(text.slice(0, 3000));
}

function factsOf(uri: string, text: string, root: SyntaxNode): FileFacts {
	const scopes = new PythonScopes(text, root);
	const values = new PythonValues(text, scopes);
	const index = indexPythonNodes(text, root);
	const imports = new Set<string>();
	const subscriptAssignments = new Map<string, SyntaxNode[]>();
	let legacyAnalytics = false;
	for (const node of index.imports) {
		for (const child of node.children) {
			if (child.field === 'module_name') imports.add(text.slice(child.start, child.end).replace(/\s+/g, ''));
			else if (node.type === 'import_statement') imports.add(text.slice((fieldOf(child, 'name') ?? child).start, (fieldOf(child, 'name') ?? child).end));
		}
	}
	for (const node of index.memberAssignments) {
		const left = fieldOf(node, 'left');
		const object = left?.type === 'subscript' ? fieldOf(left, 'value') : undefined;
		if (object?.type === 'identifier') {
			const name = text.slice(object.start, object.end);
			subscriptAssignments.set(name, [...(subscriptAssignments.get(name) ?? []), node]);
		}
		if (left?.type === 'attribute' && /^analytics\.write_key$/.test(text.slice(left.start, left.end))) legacyAnalytics = true;
	}
	const serverSide = [...imports].some(isServerSidePythonModule);
	const importList = [...imports];
	if (isGeneratedPythonAmpli(text)) {
		return { uri, calls: [], candidateCalls: [], exports: { ampli: { kind: 'sdk-instance', sdk: 'ampli' }, Ampli: { kind: 'sdk-factory', sdk: 'ampli' } }, imports: importList, generated: 'ampli', ...(serverSide ? { serverSide } : {}) };
	}
	const tools: PythonTools = { text, scopes, values, legacyAnalytics, serverSideFile: serverSide, consumed: new Set(), subscriptAssignments };
	const identify = new PythonIdentifyChains(tools, index.calls);
	const found = recognisePythonCalls(tools, identify, index.methodCalls);
	found.calls.push(...recognisePythonHttpPayloads(tools, index.payloadDicts));
	found.calls.sort((a, b) => a.range.start - b.range.start);
	found.candidateCalls.sort((a, b) => a.range.start - b.range.start);
	return { uri, calls: found.calls, candidateCalls: found.candidateCalls, exports: collectPythonExports(tools), imports: importList, ...(serverSide ? { serverSide } : {}) };
}

/**
 * tree-sitter-python's scanner keeps the stack of indentation levels in a 1,024-byte state buffer:
 * past about 510 levels it overruns it, and the parser's WebAssembly memory is corrupt from then
 * on (every later parse in the process fails with "memory access out of bounds"; measured with
 * tree-sitter-python 0.25.0). Files are refused before that, at a depth no copy could read anyway
 * (each block is two levels of the copy's `maxNestingDepth`).
 */
export const maxIndentationLevels = 200;

/**
 * An upper bound of the indentation levels the scanner stacks for `parsed` (the parser's input, line
 * ends `\n`): every non-blank line's indentation (a tab counts 8, as in the scanner), each deeper
 * one pushed, shallower ones popping. Continuation lines and lines inside strings count too, so it
 * can only overestimate.
 */
export function indentationTooDeep(parsed: string): boolean {
	const widths: number[] = [0];
	for (let lineStart = 0; lineStart < parsed.length; ) {
		const newline = parsed.indexOf('\n', lineStart);
		const lineEnd = newline < 0 ? parsed.length : newline;
		let width = 0;
		let at = lineStart;
		for (; at < lineEnd; at++) {
			const code = parsed.charCodeAt(at);
			if (code === 32) width++;
			else if (code === 9) width += 8;
			else if (code !== 12) break;
		}
		if (at < lineEnd && parsed.charCodeAt(at) !== 13) {
			while (widths[widths.length - 1]! > width) widths.pop();
			if (widths[widths.length - 1]! < width && widths.push(width) > maxIndentationLevels) return true;
		}
		lineStart = lineEnd + 1;
	}
	return false;
}
