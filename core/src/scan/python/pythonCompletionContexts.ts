import type { CompletionContext } from '../completionContext';

/** A string literal being typed: an optional str prefix (`r`, `u`, `f`, `rf`…; never `b`: bytes are not names), its quote, the name so far. */
const typedString = String.raw`(?:[rRuUfFtT]|[rR][fFtT]|[fFtT][rR])?('''|"""|'|")([^'"\n]*)$`;
/** A dict key being typed: a string as above, or an unquoted start (completion then inserts the quoted key). */
const typedKey = String.raw`(?:(?:[rRuUfFtT]|[rR][fFtT]|[fFtT][rR])?('''|"""|'|")([^'"\n]*)|()(\w*))$`;
/** The text before a new entry of a dict literal that has just opened: `{`, or `{… , ` after earlier entries. */
const dictEntry = String.raw`\{(?:[^{}]*,)?\s*`;
/** A call's first argument (one level of parentheses allowed: `str(user.id)`). */
const firstArgument = String.raw`(?:[^,()]|\([^()]*\))+`;

/**
 * What the code before the cursor is in the middle of writing, by the SDK calls, keyword arguments
 * and payload keys that take a plan name. `\s*` spans line breaks: black puts each argument of a
 * long call on its own line. Segment's `group` traits are not offered: which trait carries the
 * group type is the plan's `segment.groupTypeTrait`, which a front end does not know.
 */
const contexts: readonly { readonly pattern: RegExp; readonly wants: CompletionContext['wants'] }[] = [
	{ pattern: new RegExp(String.raw`\b(?:set_group|group_identify)\(\s*${typedString}`), wants: 'groupType' },
	{ pattern: new RegExp(String.raw`\bgroup_type\s*=\s*${typedString}`), wants: 'groupType' },
	{ pattern: new RegExp(String.raw`\.(?:set|set_once|add|append|prepend|pre_insert|post_insert|remove|unset)\(\s*${typedString}`), wants: 'groupProperty' },
	{ pattern: new RegExp(String.raw`\bBaseEvent\(\s*${typedString}`), wants: 'event' },
	{ pattern: new RegExp(String.raw`\bevent_type\s*=\s*${typedString}`), wants: 'event' },
	{ pattern: new RegExp(String.raw`(['"])event_type\1\s*:\s*${typedString}`), wants: 'event' },
	// Segment's track(user_id, event, …): the event is the second argument, or `event=`.
	{ pattern: new RegExp(String.raw`\.track\(\s*${firstArgument},\s*${typedString}`), wants: 'event' },
	{ pattern: new RegExp(String.raw`\.track\((?:[^()]|\([^()]*\))*\bevent\s*=\s*${typedString}`), wants: 'event' },
	// groups={…}, "groups": {…} (payload dicts, Segment's integrations), event["groups"] = {…}.
	{ pattern: new RegExp(String.raw`\bgroups\s*=\s*${dictEntry}${typedKey}`), wants: 'groupKey' },
	{ pattern: new RegExp(String.raw`(['"])groups\1\s*(?::|\]\s*=)\s*${dictEntry}${typedKey}`), wants: 'groupKey' },
];

/** The completion context at `offset` of a Python file (inside `set_group("`, `groups={"`, `identify.set("`…). */
export function pythonCompletionContext(text: string, offset: number): CompletionContext | undefined {
	const before = text.slice(Math.max(0, offset - 400), offset);
	for (const context of contexts) {
		const match = context.pattern.exec(before);
		if (!match) continue;
		const [quote, typed] = lastPair(match);
		if (/[{}]/.test(typed) || inComment(before.slice(0, match.index + match[0].length - typed.length - quote.length))) return undefined;
		const start = offset - typed.length;
		if (context.wants !== 'groupProperty') return { wants: context.wants, start, quote };
		// An Identify's operations name group properties only where the file builds an Identify.
		if (!/Identify/.test(text)) return undefined;
		const groupType = groupIdentifyTypeAfter(text, offset);
		return { wants: 'groupProperty', start, quote, ...(groupType ? { groupType } : {}) };
	}
	return undefined;
}

/** The quote and the name typed so far: the last two groups of the match that took part (a key has a quoted and an unquoted pair). */
function lastPair(match: RegExpExecArray): [string, string] {
	for (let i = match.length - 2; i >= 1; i -= 2) {
		if (match[i] !== undefined && match[i + 1] !== undefined) return [match[i]!, match[i + 1]!];
	}
	return ['', ''];
}

/** Whether the last line of `before` has a `#` outside any string: the cursor is in a comment. */
function inComment(before: string): boolean {
	const line = before.slice(before.lastIndexOf('\n') + 1);
	let quote: string | undefined;
	for (let i = 0; i < line.length; i++) {
		const c = line[i]!;
		if (quote) {
			if (c === '\\') i++;
			else if (c === quote) quote = undefined;
		} else if (c === '"' || c === "'") quote = c;
		else if (c === '#') return true;
	}
	return false;
}

/** The group type named by the next group_identify after the cursor (first argument or `group_type=`), the one the Identify being built feeds. */
function groupIdentifyTypeAfter(text: string, offset: number): string | undefined {
	const after = text.slice(offset, offset + 2000);
	const call = /\bgroup_identify\(/.exec(after);
	if (!call) return undefined;
	const args = after.slice(call.index + call[0].length, call.index + call[0].length + 400);
	const name = String.raw`(?:[rRuU]|[fF])?(['"])([^'"\n\\{}]+)\1`;
	const match = new RegExp(String.raw`^\s*${name}`).exec(args) ?? new RegExp(String.raw`\bgroup_type\s*=\s*${name}`).exec(args);
	return match?.[2];
}
