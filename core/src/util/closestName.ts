/**
 * The candidate closest to `name` by edit distance (case and separators count half), or undefined
 * when nothing is close enough to be a plausible typo. Used for every "did you mean".
 */
export function closestName(name: string, candidates: Iterable<string>): string | undefined {
	let best: string | undefined;
	let bestScore = Infinity;
	for (const candidate of candidates) {
		if (candidate === name) continue;
		const score = typoDistance(name, candidate);
		if (score < bestScore) {
			best = candidate;
			bestScore = score;
		}
	}
	if (best === undefined) return undefined;
	const allowed = Math.max(1, Math.floor(Math.max(name.length, best.length) / 3));
	return bestScore <= allowed ? best : undefined;
}

function normalise(name: string): string {
	return name.toLowerCase().replace(/[\s_\-.]+/g, '');
}

/** Damerau-Levenshtein (optimal string alignment) on the raw names, discounted when the names only differ in case/separators. */
export function typoDistance(a: string, b: string): number {
	if (normalise(a) === normalise(b)) return 0.5;
	return editDistance(a.toLowerCase(), b.toLowerCase());
}

export function editDistance(a: string, b: string): number {
	if (a === b) return 0;
	if (Math.abs(a.length - b.length) > 64) return Math.abs(a.length - b.length);
	const rows = a.length + 1;
	const cols = b.length + 1;
	const d: number[] = new Array(rows * cols).fill(0);
	for (let i = 0; i < rows; i++) d[i * cols] = i;
	for (let j = 0; j < cols; j++) d[j] = j;
	for (let i = 1; i < rows; i++) {
		for (let j = 1; j < cols; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			let v = Math.min(d[(i - 1) * cols + j]! + 1, d[i * cols + j - 1]! + 1, d[(i - 1) * cols + j - 1]! + cost);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
				v = Math.min(v, d[(i - 2) * cols + j - 2]! + 1);
			}
			d[i * cols + j] = v;
		}
	}
	return d[rows * cols - 1]!;
}
