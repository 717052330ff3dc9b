/** A small seeded generator (mulberry32): the same seed replays the same sequence of operations. */
export class Random {
	private state: number;

	constructor(seed: number) {
		this.state = seed >>> 0;
	}

	/** A float in [0, 1). */
	next(): number {
		this.state = (this.state + 0x6d2b79f5) >>> 0;
		let t = this.state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	}

	/** An integer in [0, n). */
	int(n: number): number {
		return Math.floor(this.next() * n);
	}

	/** An integer in [min, max]. */
	between(min: number, max: number): number {
		return min + this.int(max - min + 1);
	}

	chance(p: number): boolean {
		return this.next() < p;
	}

	pick<T>(items: readonly T[]): T {
		if (items.length === 0) throw new Error('pick from nothing');
		return items[this.int(items.length)]!;
	}

	/** One of `choices` by weight. */
	weighted<T>(choices: readonly (readonly [number, T])[]): T {
		const total = choices.reduce((sum, [weight]) => sum + weight, 0);
		let at = this.next() * total;
		for (const [weight, value] of choices) {
			at -= weight;
			if (at < 0) return value;
		}
		return choices[choices.length - 1]![1];
	}
}
