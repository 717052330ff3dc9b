import type { GroupsInsertion } from '../../scan/callFacts';
import type { TextEdit } from '../../edits/textEdit';

/** A placeholder value the user fills in: an empty string, marked so it is easy to spot. */
export function placeholderValue(groupType: string): string {
	return `'' /* TODO: ${groupType.replace(/\*\//g, '')} value */`;
}

function key(name: string): string {
	return /^[A-Za-z_$][\w$]*$/.test(name) ? name : `'${name.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** The text that adds `entries` (already `key: value` strings) to a call at a recorded insertion point. */
export function insertionEdit(insertion: GroupsInsertion, entries: readonly string[]): TextEdit {
	const body = entries.join(', ');
	const comma = insertion.needsComma ? ', ' : '';
	let text: string;
	switch (insertion.form) {
		case 'groups-entry':
			text = `${comma}${body}`;
			break;
		case 'object-entry':
			text = `${comma}groups: { ${body} }`;
			break;
		case 'argument':
			text = `${comma}${'undefined, '.repeat(insertion.placeholders)}{ groups: { ${body} } }`;
			break;
		case 'segment-options':
			text = `${comma}${'undefined, '.repeat(insertion.placeholders)}{ integrations: { Amplitude: { groups: { ${body} } } } }`;
			break;
	}
	return { range: { start: insertion.offset, end: insertion.offset }, newText: text };
}

export function groupEntry(groupType: string): string {
	return `${key(groupType)}: ${placeholderValue(groupType)}`;
}

export function traitEntry(trait: string, value: string): string {
	return `${key(trait)}: ${value}`;
}
