import type { CompletionContext } from '../completionContext';

/** What the code before the cursor is in the middle of writing, by the SDK calls and payload keys that take a plan name. */
const contexts: readonly { readonly pattern: RegExp; readonly wants: CompletionContext['wants'] }[] = [
	{ pattern: /(?:setGroup|groupIdentify|identifyGroup)\(\s*(['"`])([^'"`\n]*)$/, wants: 'groupType' },
	{ pattern: /\b(?:group_type|groupType)\s*:\s*(['"`])([^'"`\n]*)$/, wants: 'groupType' },
	{ pattern: /\.(?:set|setOnce|add|append|prepend|unset|preInsert|postInsert|remove)\(\s*(['"`])([^'"`\n]*)$/, wants: 'groupProperty' },
	{ pattern: /(?:track|logEvent|logEventWithGroups)\(\s*(['"`])([^'"`\n]*)$/, wants: 'event' },
	{ pattern: /\bevent_type\s*:\s*(['"`])([^'"`\n]*)$/, wants: 'event' },
	{ pattern: /\bgroups\s*:\s*\{(?:[^{}]*,)?\s*(['"]?)([\w .-]*)$/, wants: 'groupKey' },
];

/** The completion context at `offset` of a JavaScript/TypeScript file (inside `setGroup('`, `groups: {`, `identify.set('`…). */
export function javaScriptCompletionContext(text: string, offset: number): CompletionContext | undefined {
	const lineStart = Math.max(text.lastIndexOf('\n', offset - 1), text.lastIndexOf('\r', offset - 1)) + 1;
	const before = text.slice(Math.max(lineStart, offset - 400), offset);
	for (const context of contexts) {
		const match = context.pattern.exec(before);
		if (!match) continue;
		const typed = match[2] ?? '';
		const start = offset - typed.length;
		const quote = match[1] ?? '';
		if (context.wants !== 'groupProperty') return { wants: context.wants, start, quote };
		// An Identify's operations name group properties only where the file builds an Identify.
		if (!/Identify/.test(text)) return undefined;
		const groupType = groupIdentifyTypeAfter(text, offset);
		return { wants: 'groupProperty', start, quote, ...(groupType ? { groupType } : {}) };
	}
	return undefined;
}

/** The group type named by the next groupIdentify after the cursor, the one the Identify being built feeds. */
function groupIdentifyTypeAfter(text: string, offset: number): string | undefined {
	const match = /groupIdentify\(\s*(['"`])([^'"`\n]+)\1/.exec(text.slice(offset, offset + 2000));
	return match?.[2];
}
