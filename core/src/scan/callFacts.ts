import type { TextRange } from '../text/textRange';
import type { SdkId } from './sdks';

/**
 * What every language front end (JS/TS first; Python, Kotlin, Swift, Java, Go later) emits for a
 * source file: language-agnostic facts about Amplitude group calls. Rules read only these.
 * All ranges are offsets into the scanned file's text.
 */

/** Which SDK a call goes through: one of the table in ./sdks.ts. */
export type { SdkId };

/** The wire shape a call produces (product.md §2). Stable: `calls[].kind`. */
export type CallKind = 'user-level-group' | 'group-identify' | 'event-level-groups' | 'segment-group' | 'track';

/** Where a name in code comes from, when it is not written as a literal in the call itself. */
export interface ImportRef {
	/** The module specifier exactly as written (`./constants`, `@app/analytics`). */
	readonly module: string;
	/** The exported name (`default` for default imports, `*` for a namespace). */
	readonly exportName: string;
	/** Member path read off a namespace or object import (`Groups.COMPANY` → ['COMPANY']). */
	readonly members?: readonly string[];
}

/**
 * A name the rules check against the plan (group type, group property, event). Resolved when the
 * code gives it as a literal, a const, an enum member or a template literal without substitutions;
 * an `import` when it comes from another file (the workspace index finishes those); otherwise
 * unresolved, and never guessed.
 */
export type NameFact =
	| {
			readonly kind: 'resolved';
			readonly name: string;
			readonly range: TextRange;
			/** When `range` uses a constant of the same file (`const G = 'company'; setGroup(G)`): where the name itself is written, quotes excluded. */
			readonly literal?: TextRange;
	  }
	| { readonly kind: 'import'; readonly ref: ImportRef; readonly range: TextRange; readonly text: string }
	| { readonly kind: 'unresolved'; readonly range: TextRange; readonly text: string };

/** A value in code, as far as static reading can tell. */
export type ValueFact =
	| { readonly kind: 'string'; readonly value: string; readonly range: TextRange }
	| { readonly kind: 'number'; readonly value: number; readonly range: TextRange }
	| { readonly kind: 'boolean'; readonly value: boolean; readonly range: TextRange }
	| { readonly kind: 'null'; readonly range: TextRange }
	| { readonly kind: 'array'; readonly items: readonly ValueFact[]; readonly range: TextRange }
	| { readonly kind: 'object'; readonly range: TextRange }
	| { readonly kind: 'import'; readonly ref: ImportRef; readonly range: TextRange }
	| { readonly kind: 'unknown'; readonly range: TextRange };

/** One group a call carries: `setGroup(type, value)`, or one `type: value` entry of a `groups` object. */
export interface GroupFact {
	readonly type: NameFact;
	/** The group value(s) as written: a string, number, array of them, or unknown. */
	readonly value: ValueFact;
	/** The whole entry (`'company': id`, or the arguments for setGroup) — for edits. */
	readonly range: TextRange;
}

export type PropertyOperation = '$set' | '$setOnce' | '$add' | '$append' | '$prepend' | '$unset' | '$preInsert' | '$postInsert' | '$remove' | '$clearAll';

/** A group property written by a group identify (or, wrongly, by `group_properties` on an event). */
export interface PropertyWriteFact {
	readonly name: NameFact;
	readonly operation: PropertyOperation;
	readonly value?: ValueFact;
	readonly range: TextRange;
}

/** Where the `groups` of an event call go, so a quick fix can add the missing ones in the right argument. */
export interface GroupsInsertion {
	readonly offset: number;
	/**
	 * `object-entry`: add `groups: {…}` as an entry of an existing object literal (event object or options);
	 * `groups-entry`: add `type: value` entries inside an existing `groups` object literal;
	 * `argument`: append an argument that carries the groups after the last argument (an options
	 * object, or a `groups` keyword argument where the language has them);
	 * `segment-options`: append the Segment options that carry them (`integrations` → `Amplitude` → `groups`).
	 * The front end's code writer turns the form into its language's syntax.
	 */
	readonly form: 'object-entry' | 'groups-entry' | 'argument' | 'segment-options';
	/** Whether the inserted text must start with `, ` (the object or argument list already has entries). */
	readonly needsComma: boolean;
	/** Positional arguments the call leaves out before the new one, which the code writer fills with its language's empty value (0 where a keyword names the new argument). */
	readonly placeholders: number;
}

/** How a language's Ampli wrapper names an event's method: `Report Exported` → `reportExported` / `report_exported`. */
export type MethodNaming = 'camelCase' | 'snake_case';

/** One recognised call (or payload literal), normalised to its wire shape. */
export interface CallFact {
	readonly sdk: SdkId;
	readonly kind: CallKind;
	/** The whole call expression. */
	readonly range: TextRange;
	/** The called method's name (`setGroup`, `track`, `reportExported`). */
	readonly calleeRange: TextRange;
	readonly method: string;
	/**
	 * Event name for track-like calls; for Ampli typed methods it is the method name (`matchBy:
	 * 'ampli-method'`), written in the language's convention (`methodNaming`, camelCase by default).
	 */
	readonly event?: NameFact & { readonly matchBy?: 'exact' | 'ampli-method'; readonly methodNaming?: MethodNaming };
	/** The groups the call carries, in source order. */
	readonly groups: readonly GroupFact[];
	/** True when the groups also come from somewhere unreadable (a spread, a variable, a computed key left unresolved). */
	readonly groupsPartlyUnknown: boolean;
	/** The `groups` object literal, when there is one. */
	readonly groupsRange?: TextRange;
	/** Where missing groups would be added. */
	readonly groupsInsertion?: GroupsInsertion;
	/** Group properties written: the Identify operations of a group identify, or `group_properties` entries. */
	readonly properties: readonly PropertyWriteFact[];
	/** True when properties also come from somewhere unreadable (an Identify passed in from elsewhere). */
	readonly propertiesPartlyUnknown: boolean;
	/** `group_properties` given on an ordinary (not `$groupidentify`) event: Amplitude ignores them. */
	readonly ignoredGroupPropertiesRange?: TextRange;
	/** For group identify: the argument that must be an Identify, when it is a plain object literal instead. */
	readonly plainObjectIdentifyRange?: TextRange;
	/** Server-side SDKs need user_id or device_id on every call: 'present', 'absent' (checked, none), or 'unknown'. */
	readonly userIdentity: 'present' | 'absent' | 'unknown' | 'not-required';
	/** Segment `group` calls: the traits object's literal entries, mapped through the plan's `segment` settings by the rules. */
	readonly segmentTraits?: {
		readonly range?: TextRange;
		readonly entries: readonly { readonly key: string; readonly keyRange: TextRange; readonly value: ValueFact }[];
		/** True when the traits come (partly) from a variable or spread, so their keys cannot be read. */
		readonly partlyUnknown: boolean;
		/** The group id argument (`groupId`), which Segment's fallback uses as the value. */
		readonly groupId?: ValueFact;
		/** Where a quick fix inserts the type/value traits. */
		readonly insertion?: GroupsInsertion;
	};
}

/** A value a file exports, so calls in other files can resolve names through it. */
export type ExportFact =
	| { readonly kind: 'constant'; readonly value: ValueFact | NameFact }
	/** `export const Groups = { COMPANY: 'company' }` or an enum: members by name. */
	| { readonly kind: 'object'; readonly members: Readonly<Record<string, ValueFact | NameFact>> }
	/** An SDK instance or module (`export const ampli = new Ampli()`, `export const analytics = AnalyticsBrowser.load(…)`). */
	| { readonly kind: 'sdk-instance'; readonly sdk: SdkId }
	/** A function returning an SDK instance (`export function getBackendClient() { …; return ampli; }`). */
	| { readonly kind: 'sdk-factory'; readonly sdk: SdkId }
	/** `export { x } from './y'` / `export * from`: look further. */
	| { readonly kind: 're-export'; readonly ref: ImportRef };

/** A call whose receiver is imported from another file of the workspace, pending the index's verdict. */
export interface CandidateCallFact extends CallFact {
	/** The import the receiver comes from, and how (`value`: the export itself; `call-result`: the value returned by calling it). */
	readonly receiver: { readonly ref: ImportRef; readonly via: 'value' | 'call-result'; readonly members: readonly string[] };
}

/** Everything a front end learns from one file. */
export interface FileFacts {
	readonly uri: string;
	readonly calls: readonly CallFact[];
	/** Calls through receivers imported from other files; kept only when the import resolves to an SDK. */
	readonly candidateCalls: readonly CandidateCallFact[];
	readonly exports: Readonly<Record<string, ExportFact>>;
	/** Module specifiers this file imports (for re-resolution when they change). */
	readonly imports: readonly string[];
	/** Set when the file is an Ampli-generated wrapper: its own calls are not reported. */
	readonly generated?: 'ampli';
	/** Set when the file runs server-side (it imports a server SDK): SDK instances it exports need user ids on every call. */
	readonly serverSide?: boolean;
	/** Set when the front end could not read the file (e.g. nesting too deep); facts are then empty. */
	readonly scanError?: string;
}
