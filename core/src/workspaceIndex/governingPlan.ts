import { dirnameUri } from '../workspace/uris';

/**
 * The plan that governs a source file: the one in its nearest ancestor folder (monorepos hold
 * several). Answers are cached per folder until the set of plans changes.
 */
export class GoverningPlans {
	private readonly planByFolder = new Map<string, string>();
	private readonly cache = new Map<string, string | undefined>();

	constructor(planUris: Iterable<string> = []) {
		for (const uri of planUris) this.add(uri);
	}

	add(planUri: string): void {
		this.planByFolder.set(dirnameUri(planUri), planUri);
		this.cache.clear();
	}

	remove(planUri: string): void {
		this.planByFolder.delete(dirnameUri(planUri));
		this.cache.clear();
	}

	planFor(uri: string): string | undefined {
		const folder = dirnameUri(uri);
		if (this.cache.has(folder)) return this.cache.get(folder);
		let current = folder;
		let found: string | undefined;
		for (;;) {
			found = this.planByFolder.get(current);
			if (found) break;
			const parent = dirnameUri(current);
			if (parent === current) break;
			current = parent;
		}
		this.cache.set(folder, found);
		return found;
	}
}
