import type { SourceFrontEnd } from '../scan/sourceFrontEnd';

/** Files edited last whose front-end state (e.g. a syntax tree) is kept for the next edit. */
const keptEditStates = 4;

/**
 * What front ends keep of the files edited last (see `SourceFrontEnd.scanEdited`), most recent
 * last: a few files only, so a workspace load never holds syntax trees. A state handed back to its
 * front end is its own again; one dropped here goes to the front end's `disposeState`.
 */
export class EditStates {
	private readonly states = new Map<string, { readonly state: unknown; readonly frontEnd: SourceFrontEnd }>();

	/** The file's state, no longer kept here (the front end takes it over). */
	take(uri: string): unknown {
		const kept = this.states.get(uri);
		this.states.delete(uri);
		return kept?.state;
	}

	keep(uri: string, frontEnd: SourceFrontEnd, state: unknown): void {
		this.drop(uri);
		this.states.set(uri, { state, frontEnd });
		if (this.states.size > keptEditStates) this.drop(this.states.keys().next().value!);
	}

	drop(uri: string): void {
		const kept = this.states.get(uri);
		if (!kept) return;
		this.states.delete(uri);
		kept.frontEnd.disposeState?.(kept.state);
	}
}
