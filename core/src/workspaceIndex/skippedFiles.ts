import type { FindingDraft } from '../diagnostics/finding';

/** Why a source file was not scanned. */
export interface SkippedFile {
	readonly reason: 'too-large' | 'unreadable' | 'binary' | 'unparsable';
	readonly detail: string;
}

/** A NUL in the first 8 KB: not source text. */
export function looksBinary(text: string): boolean {
	return text.slice(0, 8192).includes('\u0000');
}

/** The information finding that says a file was not scanned, and why. */
export function skippedFinding(uri: string, skipped: SkippedFile): FindingDraft {
	const why = skipped.reason === 'too-large' ? 'it is larger than the size limit' : skipped.detail;
	return {
		uri,
		range: { start: 0, end: 0 },
		code: 'file-skipped',
		message: `Trackplan did not scan this file: ${why}${skipped.reason === 'too-large' ? ` (${skipped.detail})` : ''}. Calls in it are not checked.${skipped.reason === 'too-large' ? ' Raise the limit (trackplan.maxFileSize / --max-file-size) if it is your own code.' : ''}`,
		data: { rule: 'file-skipped', reason: skipped.reason, detail: skipped.detail },
	};
}
