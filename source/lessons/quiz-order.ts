// The order a quiz question's choices are shown in. Lesson authors tend to write the right answer
// first; shown as written, Enter alone would answer every question right. The order is seeded from
// the chapter and the question, so it differs from question to question but is the same on every
// run (a resumed chapter shows the same order, a report is reproducible).

/** FNV-1a, 32 bits: a stable hash of a string. */
const hash = (text: string): number => {
	let h = 0x81_1c_9d_c5;
	for (let i = 0; i < text.length; i++) {
		h ^= text.charCodeAt(i);
		h = Math.imul(h, 0x01_00_01_93) >>> 0;
	}

	return h;
};

/** mulberry32: a small seeded generator of numbers in [0, 1). */
const generator = (seed: number) => {
	let a = seed >>> 0;
	return (): number => {
		a = (a + 0x6d_2b_79_f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
	};
};

const shuffle = <T>(items: T[], seed: string): T[] => {
	const out = [...items];
	const next = generator(hash(seed));
	for (let i = out.length - 1; i > 0; i--) {
		const j = Math.floor(next() * (i + 1));
		[out[i], out[j]] = [out[j], out[i]];
	}

	return out;
};

type QuestionLike = {question: string; choices: Array<{correct: boolean}>};

/**
 * The shown order of each question's choices in a chapter: `orders[q][shown] = index in the
 * lesson file`. Where the right answer goes is spread over the chapter: the questions take the
 * slots 0, 1, 2… in a seeded order, and question q puts its right answer at its slot (plus a seeded
 * offset) modulo its number of choices, so within a chapter no position holds the answer much more often than
 * another (the cursor, which starts on the first shown choice, is on it about 1 time in n). The
 * other choices are shuffled with a seed from the chapter id and the question's text.
 */
export const choiceOrders = (chapterId: string, questions: QuestionLike[]): number[][] => {
	const slots = shuffle(
		questions.map((_, i) => i),
		chapterId,
	);
	// where the slots start: otherwise slot 0 (and 3 with three choices…) always lands on the first position
	const offset = hash(`${chapterId}\noffset`) % 60;
	return questions.map((q, i) => {
		const indices = q.choices.map((_, c) => c);
		const right = q.choices.findIndex(c => c.correct);
		const others = shuffle(
			indices.filter(c => c !== right),
			`${chapterId}\n${q.question}`,
		);
		if (right === -1) return others;
		others.splice((slots[i] + offset) % q.choices.length, 0, right);
		return others;
	});
};

/** The choices of each question in the order they are shown, each with its index in the file. */
export const shownQuiz = <C extends {correct: boolean}>(chapterId: string, questions: Array<{question: string; choices: C[]}>): Array<Array<C & {index: number}>> =>
	choiceOrders(chapterId, questions).map((order, q) => order.map(index => ({...questions[q].choices[index], index})));
