import fs from 'node:fs';
import {parse} from 'yaml';
import {shownQuiz} from '../source/lessons/quiz-order.js';
import {rightIsLongest} from '../source/lessons/quiz-balance.js';

// How far test-wise guessing gets in a lesson folder's quizzes: how many questions "always pick
// the longest choice" and "always pick the first" answer right (first as written in the file, and
// first as the game shows it, shuffled), against chance. Run: node --import tsx scripts/quiz-stats.ts [dir]

type Choice = {text: string; correct?: boolean};
type Question = {question: string; choices: Choice[]};

const dir = process.argv[2] ?? 'lessons';
let n = 0;
let longest = 0;
/** a guesser who picks the longest, at random among equally long ones: expected right answers */
let longestExpected = 0;
let first = 0;
let shownFirst = 0;
let chance = 0;
for (const file of fs.readdirSync(dir).filter(f => /^\d.*\.yaml$/.test(f)).sort()) {
	const doc = parse(fs.readFileSync(`${dir}/${file}`, 'utf8')) as {id: string; quiz?: Question[]};
	const quiz = doc.quiz ?? [];
	const shown = shownQuiz(doc.id, quiz.map(q => ({...q, choices: q.choices.map(c => ({...c, correct: c.correct === true}))})));
	const counts = {longest: 0, first: 0, shownFirst: 0};
	quiz.forEach((q, i) => {
		if (rightIsLongest(q.choices)) counts.longest++;
		const lengths = q.choices.map(c => c.text.trim().length);
		const tied = q.choices.filter((_, c) => lengths[c] === Math.max(...lengths));
		if (tied.some(c => c.correct)) longestExpected += 1 / tied.length;
		if (q.choices[0]?.correct) counts.first++;
		if (shown[i][0]?.correct) counts.shownFirst++;
		chance += 1 / q.choices.length;
	});
	n += quiz.length;
	longest += counts.longest;
	first += counts.first;
	shownFirst += counts.shownFirst;
	console.log(`${file}: ${quiz.length} questions; longest ${counts.longest}, first in the file ${counts.first}, first as shown ${counts.shownFirst}`);
}

const share = (k: number) => `${k}/${n} (${Math.round((100 * k) / n)}%)`;
console.log(`all ${n} questions: always-longest ${share(longest)} (${longestExpected.toFixed(1)} expected when ties are broken at random), always-first in the file ${share(first)}, always-first as shown ${share(shownFirst)}; chance about ${chance.toFixed(1)} (${Math.round((100 * chance) / n)}%)`);
