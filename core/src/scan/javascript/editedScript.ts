import * as ts from 'typescript';
import { newKeptModel, type KeptModel } from './fileModel';
import { changedSpan } from '../../text/changedSpan';

/**
 * What the front end keeps of a file being edited, for its next version: the parsed text, its
 * syntax tree (which the incremental parser updates in place) and what the model's walk found in
 * each top-level statement. Opaque to the host, which keeps it for a few files at most.
 */
export interface EditedScript {
	readonly uri: string;
	readonly scriptKind: ts.ScriptKind;
	readonly parsedText: string;
	readonly sourceFile: ts.SourceFile;
	readonly kept: KeptModel;
	/** Set once a newer version was parsed from it: the incremental parser has changed its tree, so it cannot be used again. */
	spent: boolean;
}

export function isEditedScript(state: unknown): state is EditedScript {
	return typeof state === 'object' && state !== null && 'kept' in state && 'sourceFile' in state;
}

/** No parent pointers (FileModel's walk sets them, saving a pass over the tree) and no JSDoc: nothing reads either. */
export function parseScript(text: string, scriptKind: ts.ScriptKind): ts.SourceFile {
	return ts.createSourceFile(fileNameFor(scriptKind), text, { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone }, false, scriptKind);
}

/**
 * Parses a new version of an edited file: incrementally from the previous version's tree when there
 * is one (TypeScript re-parses what the edit touched and reuses the other nodes, as tsserver does on
 * every keystroke), else from scratch.
 */
export function parseEditedScript(previous: EditedScript | undefined, uri: string, text: string, scriptKind: ts.ScriptKind): { sourceFile: ts.SourceFile; kept: KeptModel } {
	if (previous && !previous.spent && previous.uri === uri && previous.scriptKind === scriptKind) {
		previous.spent = true;
		try {
			return { sourceFile: ts.updateSourceFile(previous.sourceFile, text, changeBetween(previous.parsedText, text)), kept: previous.kept };
		} catch {
			// (An assertion inside the incremental parser: the full parse below is always right.)
		}
	}
	return { sourceFile: parseScript(text, scriptKind), kept: newKeptModel() };
}

/** The one span that differs between two texts (their common prefix and suffix removed), as TypeScript's change range. */
export function changeBetween(before: string, after: string): ts.TextChangeRange {
	const span = changedSpan(before, after);
	return ts.createTextChangeRange(ts.createTextSpan(span.start, span.oldEnd - span.start), span.newEnd - span.start);
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
