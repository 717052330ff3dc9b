/**
 * What the code before the cursor is in the middle of writing, as a front end reads it: the
 * completion feature offers the plan's names for it, whatever the language.
 */
export interface CompletionContext {
	/** `groupKey`: a new key of a `groups` mapping (a group type, inserted with its key syntax when unquoted). */
	readonly wants: 'groupType' | 'groupProperty' | 'event' | 'groupKey';
	/** Where the name typed so far starts (it ends at the cursor); the entry replaces it. */
	readonly start: number;
	/** The quote the name is being typed in, or '' when it is not inside a string. */
	readonly quote: string;
	/** For `groupProperty`: the group type of the group identify the Identify being built feeds, when the code names it. */
	readonly groupType?: string;
}
