// Python's difflib.get_close_matches (SequenceMatcher.ratio, no junk: the words are short), as
// the AWS CLI uses it for `Maybe you meant:` after an invalid choice.

type Match = [aStart: number, bStart: number, size: number];

const longestMatch = (a: string, b: string, b2j: Map<string, number[]>, alo: number, ahi: number, blo: number, bhi: number): Match => {
	let bestI = alo;
	let bestJ = blo;
	let bestSize = 0;
	let j2len = new Map<number, number>();
	for (let i = alo; i < ahi; i++) {
		const next = new Map<number, number>();
		for (const j of b2j.get(a[i]) ?? []) {
			if (j < blo) {
				continue;
			}

			if (j >= bhi) {
				break;
			}

			const k = (j2len.get(j - 1) ?? 0) + 1;
			next.set(j, k);
			if (k > bestSize) {
				bestI = i - k + 1;
				bestJ = j - k + 1;
				bestSize = k;
			}
		}

		j2len = next;
	}

	// No junk, so difflib's junk-extension loops change nothing.
	return [bestI, bestJ, bestSize];
};

const matchingCharacters = (a: string, b: string): number => {
	const b2j = new Map<string, number[]>();
	for (let j = 0; j < b.length; j++) {
		const list = b2j.get(b[j]);
		if (list) {
			list.push(j);
		} else {
			b2j.set(b[j], [j]);
		}
	}

	let total = 0;
	const queue: Array<[number, number, number, number]> = [[0, a.length, 0, b.length]];
	while (queue.length > 0) {
		const [alo, ahi, blo, bhi] = queue.pop()!;
		const [i, j, k] = longestMatch(a, b, b2j, alo, ahi, blo, bhi);
		if (k > 0) {
			total += k;
			if (alo < i && blo < j) {
				queue.push([alo, i, blo, j]);
			}

			if (i + k < ahi && j + k < bhi) {
				queue.push([i + k, ahi, j + k, bhi]);
			}
		}
	}

	return total;
};

/** SequenceMatcher(None, a, b).ratio() */
export const similarity = (a: string, b: string): number => {
	const length = a.length + b.length;
	return length === 0 ? 1 : (2 * matchingCharacters(a, b)) / length;
};

const quickRatio = (a: string, b: string): number => {
	const counts = new Map<string, number>();
	for (const c of b) {
		counts.set(c, (counts.get(c) ?? 0) + 1);
	}

	let matches = 0;
	for (const c of a) {
		const n = counts.get(c) ?? 0;
		if (n > 0) {
			matches++;
		}

		counts.set(c, n - 1);
	}

	const length = a.length + b.length;
	return length === 0 ? 1 : (2 * matches) / length;
};

/** difflib.get_close_matches(word, possibilities, n, cutoff): best first, ties by larger string. */
export const closeMatches = (word: string, possibilities: readonly string[], n = 3, cutoff = 0.6): string[] => {
	if (word.length > 1000) {
		return [];
	}

	const scored: Array<[number, string]> = [];
	for (const x of possibilities) {
		const length = x.length + word.length;
		const realQuick = length === 0 ? 1 : (2 * Math.min(x.length, word.length)) / length;
		if (realQuick >= cutoff && quickRatio(x, word) >= cutoff) {
			const score = similarity(x, word);
			if (score >= cutoff) {
				scored.push([score, x]);
			}
		}
	}

	scored.sort((p, q) => (q[0] - p[0]) || (p[1] < q[1] ? 1 : p[1] > q[1] ? -1 : 0));
	return scored.slice(0, n).map(([, x]) => x);
};
