/**
 * The shapes of the LSP params the server reads, checked before any handler sees them: a client
 * that sends `null`, `{}` or a wrong type gets InvalidParams naming the field (requests), or the
 * message is dropped with a log line (notifications), instead of an InternalError "Cannot read
 * properties of null" or a document whose text is a number. Only the fields the server reads are
 * checked; anything else the client sends passes through.
 */

/** What is wrong with `value` (at `path`, e.g. `params.position.line`), or undefined when it fits. */
export type ParamsCheck = (value: unknown, path: string) => string | undefined;

const describeValue = (value: unknown): string => (value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value === 'string' ? JSON.stringify(value.slice(0, 40)) : typeof value === 'object' ? 'an object' : String(value));

const string: ParamsCheck = (value, path) => (typeof value === 'string' ? undefined : `${path} must be a string, not ${describeValue(value)}`);
const boolean: ParamsCheck = (value, path) => (typeof value === 'boolean' ? undefined : `${path} must be true or false, not ${describeValue(value)}`);
const integer: ParamsCheck = (value, path) => (Number.isSafeInteger(value) ? undefined : `${path} must be an integer, not ${describeValue(value)}`);
const uinteger: ParamsCheck = (value, path) =>
	Number.isSafeInteger(value) && (value as number) >= 0 ? undefined : `${path} must be a non-negative integer, not ${describeValue(value)}`;

function oneOf(...allowed: readonly unknown[]): ParamsCheck {
	return (value, path) => (allowed.includes(value) ? undefined : `${path} must be one of ${allowed.join(', ')}, not ${describeValue(value)}`);
}

function oneOfTypes(...types: readonly string[]): ParamsCheck {
	return (value, path) => (types.includes(typeof value) ? undefined : `${path} must be a ${types.join(' or a ')}, not ${describeValue(value)}`);
}

function arrayOf(item: ParamsCheck): ParamsCheck {
	return (value, path) => {
		if (!Array.isArray(value)) return `${path} must be an array, not ${describeValue(value)}`;
		for (let i = 0; i < value.length; i++) {
			const problem = item(value[i], `${path}[${i}]`);
			if (problem) return problem;
		}
		return undefined;
	};
}

/** An object with these fields (and, when present, these optional ones); other fields are not looked at. */
function object(required: Readonly<Record<string, ParamsCheck>>, optional: Readonly<Record<string, ParamsCheck>> = {}): ParamsCheck {
	return (value, path) => {
		if (typeof value !== 'object' || value === null || Array.isArray(value)) return `${path} must be an object, not ${describeValue(value)}`;
		const fields = value as Record<string, unknown>;
		for (const [name, check] of Object.entries(required)) {
			const problem = name in fields ? check(fields[name], `${path}.${name}`) : `${path}.${name} is missing`;
			if (problem) return problem;
		}
		for (const [name, check] of Object.entries(optional)) {
			const problem = fields[name] === undefined ? undefined : check(fields[name], `${path}.${name}`);
			if (problem) return problem;
		}
		return undefined;
	};
}

/** Absent (`undefined`, `null`) or an object: requests that read no params. */
const noParams: ParamsCheck = (value, path) => (value === undefined || value === null ? undefined : object({})(value, path));

const position = object({ line: uinteger, character: uinteger });
const range = object({ start: position, end: position });
const textDocument = object({ uri: string });
const inDocument = { textDocument };
const atPosition = { textDocument, position };
/** A diagnostic the client sends back with a code action request: range and message, as LSP requires. */
const diagnostic = object({ range, message: string }, { code: oneOfTypes('string', 'number') });

/** Every request the server answers, by LSP method. */
export const requestParams: Readonly<Record<string, ParamsCheck>> = {
	'textDocument/hover': object(atPosition),
	'textDocument/definition': object(atPosition),
	'textDocument/references': object({ ...atPosition, context: object({ includeDeclaration: boolean }) }),
	'textDocument/prepareRename': object(atPosition),
	'textDocument/rename': object({ ...atPosition, newName: string }),
	'textDocument/codeLens': object(inDocument),
	'textDocument/documentSymbol': object(inDocument),
	'workspace/symbol': object({ query: string }),
	'textDocument/completion': object(atPosition),
	'textDocument/codeAction': object({ textDocument, range, context: object({ diagnostics: arrayOf(diagnostic) }) }),
	'textDocument/diagnostic': object(inDocument),
	'workspace/diagnostic': object({ previousResultIds: arrayOf(object({ uri: string, value: string })) }),
};

/** The server's own requests (trackplan/planStatus, trackplan/checkWorkspace) read no params. */
export const customRequestParams: ParamsCheck = noParams;

/** Every notification the server acts on, by LSP method. */
export const notificationParams: Readonly<Record<string, ParamsCheck>> = {
	'textDocument/didOpen': object({ textDocument: object({ uri: string, languageId: string, version: integer, text: string }) }),
	'textDocument/didChange': object({
		textDocument: object({ uri: string, version: integer }),
		contentChanges: arrayOf(object({ text: string }, { range, rangeLength: uinteger })),
	}),
	'textDocument/didClose': object(inDocument),
	'workspace/didChangeWatchedFiles': object({ changes: arrayOf(object({ uri: string, type: oneOf(1, 2, 3) })) }),
	'workspace/didChangeConfiguration': object({}),
};
