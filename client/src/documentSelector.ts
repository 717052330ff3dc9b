import { defaultFileKinds } from '../../core/src/scan/defaultFileKinds';
import { sourceLanguageIds } from '../../core/src/scan/sourceFileKinds';

/** Files the server reads: plans, and the source languages the scanner's front ends understand. */
export const documentSelector: { scheme: 'file'; pattern?: string; language?: string }[] = [
	{ scheme: 'file', pattern: '**/tracking-plan.{yaml,yml}' },
	...sourceLanguageIds(defaultFileKinds).map((language) => ({ scheme: 'file' as const, language })),
];
