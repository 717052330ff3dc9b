import { fieldOf, type SyntaxNode } from '../treeSitter/syntaxNodes';
import { hasPayloadKey } from './pythonHttpPayloads';

/** The nodes of a Python file the recognisers read, each list in source order (parents before children). */
export interface PythonNodeIndex {
	readonly calls: SyntaxNode[];
	/** The calls of a method (`receiver.name(…)`), read once. */
	readonly methodCalls: MethodCall[];
	/** Dicts with a string key naming `event_type` or `group_type`: the HTTP API payloads' (pythonHttpPayloads.ts). */
	readonly payloadDicts: SyntaxNode[];
	readonly imports: SyntaxNode[];
	/** Assignments to a subscript or an attribute (`event["groups"] = …`, `analytics.write_key = …`). */
	readonly memberAssignments: SyntaxNode[];
}

export interface MethodCall {
	readonly call: SyntaxNode;
	readonly receiver: SyntaxNode;
	readonly methodNode: SyntaxNode;
	readonly method: string;
}

/** A function's part of the index, with the text it was read from (see `indexPythonNodes`). */
const functionIndexes = new WeakMap<SyntaxNode, { readonly text: string; readonly index: PythonNodeIndex }>();

/**
 * The calls, dicts, imports and assignments under `root`. Each function's part is remembered by its
 * node: an incremental copy (copySyntaxTree.ts) keeps the node objects of unchanged functions, so a
 * keystroke re-reads only the functions around the edit and the statements outside functions.
 */
export function indexPythonNodes(text: string, root: SyntaxNode): PythonNodeIndex {
	const index: PythonNodeIndex = { calls: [], methodCalls: [], payloadDicts: [], imports: [], memberAssignments: [] };
	const stack: SyntaxNode[] = [root];
	while (stack.length > 0) {
		const node = stack.pop()!;
		if (node.type === 'function_definition' && node !== root) {
			append(index, functionIndex(text, node));
			continue;
		}
		if (node.type === 'call') {
			index.calls.push(node);
			const methodCall = methodCallOf(text, node);
			if (methodCall) index.methodCalls.push(methodCall);
		} else if (node.type === 'dictionary') {
			if (hasPayloadKey(text, node)) index.payloadDicts.push(node);
		} else if (node.type === 'import_statement' || node.type === 'import_from_statement') index.imports.push(node);
		else if (node.type === 'assignment') {
			const left = fieldOf(node, 'left');
			if (left?.type === 'subscript' || left?.type === 'attribute') index.memberAssignments.push(node);
		}
		for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
	}
	return index;
}

function functionIndex(text: string, node: SyntaxNode): PythonNodeIndex {
	const own = text.slice(node.start, node.end);
	const remembered = functionIndexes.get(node);
	if (remembered && remembered.text === own) return remembered.index;
	const index = indexPythonNodes(text, node);
	functionIndexes.set(node, { text: own, index });
	return index;
}

function append(to: PythonNodeIndex, from: PythonNodeIndex): void {
	for (const node of from.calls) to.calls.push(node);
	for (const methodCall of from.methodCalls) to.methodCalls.push(methodCall);
	for (const node of from.payloadDicts) to.payloadDicts.push(node);
	for (const node of from.imports) to.imports.push(node);
	for (const node of from.memberAssignments) to.memberAssignments.push(node);
}

function methodCallOf(text: string, call: SyntaxNode): MethodCall | undefined {
	const callee = fieldOf(call, 'function');
	if (callee?.type !== 'attribute') return undefined;
	const receiver = fieldOf(callee, 'object');
	const methodNode = fieldOf(callee, 'attribute');
	return receiver && methodNode ? { call, receiver, methodNode, method: text.slice(methodNode.start, methodNode.end) } : undefined;
}
