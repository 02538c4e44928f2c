import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {runCheckCommand} from '../../source/commands/check.js';
import {defaultLessonsDir, loadLessonDir} from '../../source/lessons/load.js';
import {answerLengthWarning, answerPositionWarnings, rightIsLongest, tailProbability} from '../../source/lessons/quiz-balance.js';
import {choiceOrders, shownQuiz} from '../../source/lessons/quiz-order.js';
import {appKey, initialApp, progressLoaded, startAt, type AppState} from '../../source/ui/app-state.js';
import {createGame} from '../../source/game/entry.js';
import {emptyProgress} from '../../source/progress/version.js';
import {fakeDeps} from './fake-deps.js';
import {goodDir} from './fixture.js';

const {lessons} = loadLessonDir(defaultLessonsDir());
const questions = lessons.flatMap(lesson => lesson.quiz.map(q => ({lesson, q})));

describe('quiz choices are shown in a seeded order', () => {
	it('the same chapter always gives the same orders, each a permutation of its choices', () => {
		for (const lesson of lessons) {
			const orders = choiceOrders(lesson.id, lesson.quiz);
			expect(orders).toEqual(choiceOrders(lesson.id, structuredClone(lesson.quiz)));
			orders.forEach((order, q) => expect([...order].sort()).toEqual(lesson.quiz[q].choices.map((_, i) => i)));
		}
	});

	it('the order varies from question to question, and the right answer does not stay in one place', () => {
		const orders = lessons.flatMap(lesson => choiceOrders(lesson.id, lesson.quiz).map(o => o.join(',')));
		expect(new Set(orders).size).toBeGreaterThan(6);
		const positions = new Set(lessons.flatMap(lesson => shownQuiz(lesson.id, lesson.quiz).map(choices => choices.findIndex(c => c.correct))));
		expect(positions.size).toBeGreaterThanOrEqual(3);
	});

	it('Enter alone (the cursor on the first shown choice) answers no more questions right than chance', () => {
		const right = lessons.flatMap(lesson => shownQuiz(lesson.id, lesson.quiz)).filter(choices => choices[0].correct).length;
		const chance = questions.reduce((sum, {q}) => sum + 1 / q.choices.length, 0);
		// as written in the files, the first choice was right in all 40 questions
		expect(right).toBeLessThanOrEqual(Math.ceil(chance));
	});
});

/** Plays a real chapter's quiz in the UI's reducer, pressing only Enter. */
const enterThroughQuiz = (chapterId: string) => {
	const engine = createGame({lessonsDir: defaultLessonsDir()});
	let state: AppState = progressLoaded(initialApp(engine), emptyProgress());
	state = startAt(engine, state, {mode: 'chapter', chapter: chapterId}).state;
	state = appKey(engine, state, 's', {}).state; // skip the story
	const quiz = [...'quiz'].reduce((s, ch) => appKey(engine, s, ch, {}).state, state);
	state = appKey(engine, quiz, '\r', {return: true}).state;
	const count = engine.chapters().find(c => c.id === chapterId)!.quiz.length;
	for (let i = 0; i < count * 2; i++) state = appKey(engine, state, '\r', {return: true}).state;
	return {engine, state, count};
};

describe('the quiz screen', () => {
	it('records the choice the player saw under the cursor (its index in the file), not the shown position', () => {
		let right = 0;
		let total = 0;
		for (const lesson of lessons) {
			const {engine, state, count} = enterThroughQuiz(lesson.id);
			const answers = engine.quizAnswers(state.lab!.play);
			expect(Object.keys(answers)).toHaveLength(count);
			shownQuiz(lesson.id, lesson.quiz).forEach((choices, i) => {
				expect(answers[i]).toBe(choices[0].correct);
			});
			right += Object.values(answers).filter(Boolean).length;
			total += count;
		}

		expect(total).toBe(questions.length);
		expect(right).toBeLessThan(total / 2);
	});
});

describe('ami-school check warns about right answers bunched in one position', () => {
	it('the chance of a count by luck', () => {
		expect(tailProbability([0.5, 0.5], 2)).toBeCloseTo(0.25);
		expect(tailProbability([1 / 3, 1 / 3, 1 / 3], 0)).toBeCloseTo(1);
		expect(tailProbability(Array.from({length: 40}, () => 1 / 3), 40)).toBeLessThan(1e-15);
	});

	it('the shipped lessons spread their right answers', () => {
		expect(answerPositionWarnings(lessons)).toEqual([]);
	});

	it('warns (names the position and files) but does not fail, when every answer is first', async () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'ami-quiz-'));
		const text = readFileSync(path.join(goodDir, '01-two.yaml'), 'utf8');
		const quiz = Array.from({length: 6}, (_, i) => `  - question: Question ${i}?\n    choices:\n      - {text: right, correct: true, explain: Yes.}\n      - {text: wrong, explain: No.}\n      - {text: also wrong, explain: No.}\n`).join('');
		writeFileSync(path.join(dir, '01-two.yaml'), text.replace(/^quiz:[\s\S]*$/m, `quiz:\n${quiz}`));
		writeFileSync(path.join(dir, 'facts.yaml'), readFileSync(path.join(goodDir, 'facts.yaml'), 'utf8'));
		const out: string[] = [];
		const code = await runCheckCommand([dir], {stdout: {write: t => out.push(t)}, stderr: {write: t => out.push(t)}, readFile: () => '', readStdin: async () => ''}, fakeDeps);
		const printed = out.join('');
		expect(printed).toMatch(/⚠ quiz: the right answer is choice 1 in 6 of 6 questions \(chance alone: about 2\.0; p = 0\.001\).*01-two\.yaml \(6\)/);
		expect(printed.endsWith('1 chapter checked: all good (1 warning)\n')).toBe(true);
		expect(code).toBe(0);
		// a single lesson of two questions could be luck: no warning
		expect(answerPositionWarnings([{...lessons[0], quiz: lessons[0].quiz.slice(0, 2).map(q => ({...q, choices: [...q.choices].sort((a, b) => Number(b.correct) - Number(a.correct))}))}])).toEqual([]);
	});
});

describe('ami-school check warns when the right answer is the longest choice far more often than chance', () => {
	it('the shipped lessons give nothing away by length', () => {
		expect(answerLengthWarning(lessons)).toBeUndefined();
		// no more than about half again what chance would make the longest
		const questions = lessons.flatMap(l => l.quiz);
		const chance = questions.reduce((sum, q) => sum + 1 / q.choices.length, 0);
		expect(questions.filter(q => rightIsLongest(q.choices)).length).toBeLessThanOrEqual(Math.ceil(chance * 1.5));
	});

	it('warns (with the count and the files) but does not fail, when every right answer is the longest', async () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'ami-quiz-'));
		const text = readFileSync(path.join(goodDir, '01-two.yaml'), 'utf8');
		// the right answer moves round the positions, so only its length gives it away
		const quiz = Array.from({length: 8}, (_, i) => {
			const choices = ['{text: wrong, explain: No.}', '{text: not it, explain: No.}'];
			choices.splice(i % 3, 0, '{text: the right one with all its caveats, correct: true, explain: Yes.}');
			return `  - question: Question ${i}?\n    choices:\n${choices.map(c => `      - ${c}\n`).join('')}`;
		}).join('');
		writeFileSync(path.join(dir, '01-two.yaml'), text.replace(/^quiz:[\s\S]*$/m, `quiz:\n${quiz}`));
		writeFileSync(path.join(dir, 'facts.yaml'), readFileSync(path.join(goodDir, 'facts.yaml'), 'utf8'));
		const out: string[] = [];
		const code = await runCheckCommand([dir], {stdout: {write: t => out.push(t)}, stderr: {write: t => out.push(t)}, readFile: () => '', readStdin: async () => ''}, fakeDeps);
		const printed = out.join('');
		expect(printed).toMatch(/⚠ quiz: the right answer is the longest choice in 8 of 8 questions \(chance alone: about 2\.7; p < 0\.001\).*01-two\.yaml \(8\)/);
		expect(printed).not.toContain('the right answer is choice');
		expect(printed.endsWith('1 chapter checked: all good (1 warning)\n')).toBe(true);
		expect(code).toBe(0);
	});
});

