/**
 * The size of a text in bytes as UTF-8, as the disk counts it: the size caps hold in bytes, and an
 * open document's text is UTF-16 (`é` is one character, two bytes on disk). Counted by the
 * platform's encoder a chunk at a time (a JavaScript loop took 160 ms over a 20 MB document, per
 * keystroke; this takes 3–40 ms), never holding the whole encoding.
 */
export function utf8Size(text: string): number {
	let bytes = 0;
	for (let start = 0; start < text.length; ) {
		let end = Math.min(start + chunkUnits, text.length);
		// Never split a surrogate pair (each half alone would count as a replacement character).
		if (end < text.length && isHighSurrogate(text.charCodeAt(end - 1))) end--;
		bytes += encoder.encodeInto(text.slice(start, end), chunk).written;
		start = end;
	}
	return bytes;
}

/** `utf8Size(text)` when it is over `maxBytes`, else undefined; a text short enough to fit at three bytes a unit is not counted. */
export function utf8SizeOver(text: string, maxBytes: number): number | undefined {
	if (text.length * 3 <= maxBytes) return undefined;
	const size = utf8Size(text);
	return size > maxBytes ? size : undefined;
}

// The WHATWG encoder every JavaScript host has (Node, browsers); the core's lib settings do not declare it.
declare const TextEncoder: new () => { encodeInto(source: string, destination: Uint8Array): { read: number; written: number } };

const chunkUnits = 64 * 1024;
/** Room for a chunk at its largest: three bytes a UTF-16 unit. */
const chunk = new Uint8Array(chunkUnits * 3);
const encoder = new TextEncoder();

function isHighSurrogate(unit: number): boolean {
	return unit >= 0xd800 && unit <= 0xdbff;
}
