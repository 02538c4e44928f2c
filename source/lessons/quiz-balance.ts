import type {LoadedLesson} from './schema.js';

// A lesson set whose right answers sit in one position far more often than chance teaches players
// to answer by position (the first choice, in the lessons this game shipped with at first). The
// game shuffles choices when it shows them, but lesson files are read and reused elsewhere too:
// `ami-school check` warns the author.

/** Below this chance of the count happening by luck, `check` warns. */
export const POSITION_WARNING_P = 0.01;

export type PositionWarning = {
	/** 0-based position in the file's choices */
	position: number;
	count: number;
	/** questions with a choice in that position */
	questions: number;
	/** how many a random placement would put there, on average */
	expected: number;
	/** the chance of at least `count` by luck */
	p: number;
	files: Array<{file: string; count: number}>;
};

/**
 * P(X >= k) for X the number of successes in independent trials with these probabilities (a
 * Poisson binomial: the questions have different numbers of choices).
 */
export const tailProbability = (probabilities: number[], k: number): number => {
	let dist = [1];
	for (const p of probabilities) {
		const next = Array.from({length: dist.length + 1}, () => 0);
		dist.forEach((q, i) => {
			next[i] += q * (1 - p);
			next[i + 1] += q * p;
		});
		dist = next;
	}

	return dist.slice(k).reduce((a, b) => a + b, 0);
};

/** Positions that hold the right answer far more often than chance, over every lesson given. */
export const answerPositionWarnings = (lessons: LoadedLesson[]): PositionWarning[] => {
	const questions = lessons.flatMap(lesson => lesson.quiz.map(q => ({file: lesson.file, count: q.choices.length, right: q.choices.findIndex(c => c.correct)})));
	const warnings: PositionWarning[] = [];
	const most = Math.max(0, ...questions.map(q => q.count));
	for (let position = 0; position < most; position++) {
		const eligible = questions.filter(q => q.count > position);
		const here = eligible.filter(q => q.right === position);
		const probabilities = eligible.map(q => 1 / q.count);
		const expected = probabilities.reduce((a, b) => a + b, 0);
		if (here.length <= expected) continue;
		const p = tailProbability(probabilities, here.length);
		if (p >= POSITION_WARNING_P) continue;
		const files = new Map<string, number>();
		for (const q of here) files.set(q.file, (files.get(q.file) ?? 0) + 1);
		warnings.push({position, count: here.length, questions: eligible.length, expected, p, files: [...files].map(([file, count]) => ({file, count}))});
	}

	return warnings;
};

/** One warning as `check` prints it; `shown` turns a file path into what the author sees. */
export const formatPositionWarning = (w: PositionWarning, shown: (file: string) => string = f => f): string =>
	`⚠ quiz: the right answer is choice ${w.position + 1} in ${w.count} of ${w.questions} questions (chance alone: about ${w.expected.toFixed(1)}; ` +
	`p ${w.p < 0.001 ? '< 0.001' : `= ${w.p.toFixed(3)}`}). Players who learn the pattern can answer without reading. ` +
	`Move some right answers elsewhere in: ${w.files.map(f => `${shown(f.file)} (${f.count})`).join(', ')}`;

// The same for length: when the right answer is the longest choice far more often than chance
// (the most qualified, most detailed choice: how authors tend to write the true one), a test-wise
// player picks the longest and wins without reading. `check` warns the author.

export type LengthWarning = {
	/** questions whose right answer is longer than every other choice */
	count: number;
	questions: number;
	/** how many chance alone would make the longest, on average */
	expected: number;
	p: number;
	files: Array<{file: string; count: number}>;
};

/** The right answer is longer (in characters) than every other choice of its question. */
export const rightIsLongest = (choices: ReadonlyArray<{text: string; correct?: boolean}>): boolean => {
	const right = choices.find(c => c.correct);
	return right !== undefined && choices.every(c => c === right || c.text.trim().length < right.text.trim().length);
};

/** A warning when the right answers are the longest choice far more often than chance, over every lesson given. */
export const answerLengthWarning = (lessons: LoadedLesson[]): LengthWarning | undefined => {
	const questions = lessons.flatMap(lesson => lesson.quiz.filter(q => q.choices.length > 1).map(q => ({file: lesson.file, count: q.choices.length, longest: rightIsLongest(q.choices)})));
	const probabilities = questions.map(q => 1 / q.count);
	const expected = probabilities.reduce((a, b) => a + b, 0);
	const longest = questions.filter(q => q.longest);
	if (longest.length <= expected) return undefined;
	const p = tailProbability(probabilities, longest.length);
	if (p >= POSITION_WARNING_P) return undefined;
	const files = new Map<string, number>();
	for (const q of longest) files.set(q.file, (files.get(q.file) ?? 0) + 1);
	return {count: longest.length, questions: questions.length, expected, p, files: [...files].map(([file, count]) => ({file, count}))};
};

/** The length warning as `check` prints it. */
export const formatLengthWarning = (w: LengthWarning, shown: (file: string) => string = f => f): string =>
	`⚠ quiz: the right answer is the longest choice in ${w.count} of ${w.questions} questions (chance alone: about ${w.expected.toFixed(1)}; ` +
	`p ${w.p < 0.001 ? '< 0.001' : `= ${w.p.toFixed(3)}`}). Players who always pick the longest can answer without reading. ` +
	`Write wrong choices as long and as detailed as the right one, or the right one shorter, in: ${w.files.map(f => `${shown(f.file)} (${f.count})`).join(', ')}`;
