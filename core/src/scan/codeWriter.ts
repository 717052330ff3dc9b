import type { TextEdit } from '../edits/textEdit';
import type { TextRange } from '../text/textRange';
import type { GroupsInsertion } from './callFacts';

/**
 * How a language writes names and groups into code: what quick fixes, rename and completion need
 * to edit a file so that it still parses and still means the name. Each front end has one; the
 * features never quote or escape a name themselves.
 */
export interface CodeWriter {
	/**
	 * The edit that writes `name` where code wrote another name at `range` (a literal's text without
	 * its quotes, or a key), valid where it stands: escaped for the literal's quotes, or a quoted key
	 * where the name is not an identifier.
	 */
	writeName(uri: string, text: string, range: TextRange, name: string): TextEdit;
	/** Why `name` cannot be written at `range` so that the code still reads that very name; undefined when it can. */
	whyNameCannotBeWritten(uri: string, text: string, range: TextRange, name: string): string | undefined;
	/** Where exactly `name` is written in `range`: the range itself, or inside it when it spans the quotes too; undefined when it is written otherwise. */
	nameSpan(text: string, range: TextRange, name: string): TextRange | undefined;
	/**
	 * The edit that adds these groups, each with a placeholder value to fill in, at a point the scan
	 * recorded in `text` (the file's current text, so a writer may match its quote style).
	 */
	insertGroups(insertion: GroupsInsertion, groupTypes: readonly string[], text: string): TextEdit;
	/** The edit that adds these Segment traits, each with a placeholder value, at a point the scan recorded in `text`. */
	insertTraits(insertion: GroupsInsertion, traits: readonly string[], text: string): TextEdit;
	/** A group type as completion inserts it as a new key of a `groups` mapping (`company: `, `'org id': `, `"company": `). */
	groupKey(name: string): string;
}
