import React from 'react';
import {Box} from 'ink';
import {render} from 'ink-testing-library';
import {describe, expect, it} from 'vitest';
import {defaultLessonsDir} from '../../source/lessons/load.js';
import {appKey, initialApp, progressLoaded, startAt, type AppState} from '../../source/ui/app-state.js';
import {createGame} from '../../source/game/entry.js';
import {emptyProgress} from '../../source/progress/version.js';
import {CompleteScreen} from '../../source/ui/screens/complete-screen.js';
import {QuizScreen} from '../../source/ui/screens/quiz-screen.js';
import {StoryScreen} from '../../source/ui/screens/story-screen.js';
import {debriefPages, storyScreens} from '../../source/ui/text/layout.js';
import {paginate, reflow, textWidth} from '../../source/ui/text/reflow.js';
import {fakeEngine} from './helpers/fake-engine.js';

const engine = createGame({lessonsDir: defaultLessonsDir()});
const chapters = engine.chapters();
/** The words of a text as shown, a command's ` \` line continuations joined as the shell joins them. */
const words = (text: string) =>
	text
		.replace(/ \\\n/g, ' ')
		.split(/\s+/)
		.filter(Boolean);

describe('reflow', () => {
	it('joins the lines of a paragraph, keeps blank lines between paragraphs, wraps at words', () => {
		const text = 'One two three\nfour five six seven.\n\nA second paragraph here.\n';
		expect(reflow(text, 15)).toEqual(['One two three', 'four five six', 'seven.', '', 'A second', 'paragraph here.']);
	});

	it('keeps indented lines (commands, option rows) as written, and lines up list items and long rows', () => {
		const text = 'Run:\n  aws ec2 describe-images --owners self\nthen:\n  1. launch three computers from the image;\n  --count 3     three instances from one call\n';
		expect(reflow(text, 44)).toEqual([
			'Run:',
			'  aws ec2 describe-images --owners self',
			'then:',
			'  1. launch three computers from the image;',
			'  --count 3     three instances from one',
			'                call',
		]);
		expect(reflow('  1. launch three computers from the image;', 30)).toEqual(['  1. launch three computers', '     from the image;']);
		// a list item's own continuation lines join it; the prose after it does not
		expect(reflow('  1. copy the image to\n     us-west-2 and wait;\n  2. launch it.\nThen curl.', 44)).toEqual(['  1. copy the image to us-west-2 and wait;', '  2. launch it.', 'Then curl.']);
	});

	it('pages never start with a blank line', () => {
		expect(paginate(['a', 'b', '', 'c', 'd'], 2)).toEqual([['a', 'b'], ['c', 'd']]);
		expect(paginate([], 3)).toEqual([[]]);
	});

	it.each([80, 100])('no story, debrief or quiz text of the chapters is wider than a %i-column terminal', columns => {
		const width = textWidth(columns);
		const texts = chapters.flatMap(c => [...c.story, c.debrief, ...c.quiz.flatMap(q => [q.question, ...q.choices.flatMap(ch => [ch.text, ch.explain])])]);
		for (const text of texts) {
			const lines = reflow(text, width);
			for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(width);
			// nothing lost, nothing added
			expect(words(lines.join('\n'))).toEqual(words(text));
		}
	});
});

/** A frame of a screen drawn `columns` wide. */
const draw = (node: React.ReactNode, columns: number) => {
	const app = render(<Box width={columns}>{node}</Box>);
	const frame = app.lastFrame() ?? '';
	app.unmount();
	return frame;
};

describe('screens at 80x24', () => {
	it('a story page longer than the screen turns into several; every word is shown and no line is cut in two', () => {
		for (const chapter of chapters) {
			const screens = storyScreens(chapter, {columns: 80, rows: 24});
			const shown: string[] = [];
			screens.forEach((_, page) => {
				const frame = draw(<StoryScreen chapter={chapter} page={page} columns={80} rows={24} />, 80);
				expect(frame.split('\n').length).toBeLessThan(24);
				shown.push(frame.split('\n').slice(2, -2).join('\n'));
			});
			expect(words(shown.join('\n'))).toEqual(words(chapter.story.join(' ')));
		}
	});

	it('the completion screen shows the whole debrief, a page at a time', () => {
		const report = {lines: ['Goals', 'Par bonus', 'Hints', 'Mistakes', 'Quiz'].map(label => ({label, points: 100})), total: 500, stars: 3};
		const items = [
			{label: 'Next chapter: something', value: 'next' as const},
			{label: 'Chapter menu', value: 'menu' as const},
			{label: 'Quit', value: 'quit' as const},
		];
		for (const chapter of chapters) {
			const pages = debriefPages(chapter, report.lines.length, items.length, {columns: 80, rows: 24});
			let seen = '';
			pages.forEach((_, page) => {
				const frame = draw(<CompleteScreen chapter={chapter} report={report} best={500} items={items} index={0} page={page} columns={80} rows={24} />, 80);
				expect(frame.split('\n').length, frame).toBeLessThan(24);
				seen += ` ${frame.split('\n').slice(9, 9 + pages[page].length).join(' ')}`;
			});
			expect(words(seen)).toEqual(words(chapter.debrief));
		}
	});

	it('→ turns the debrief page on the completion screen', () => {
		const long = fakeEngine({chapters: () => [{id: 'first', order: 1, title: 'T', story: ['s'], debrief: Array.from({length: 30}, (_, i) => `Line ${i}.`).join('\n\n'), quiz: []}]});
		let state: AppState = progressLoaded(initialApp(long), emptyProgress());
		state = {...state, lab: {play: long.start('first')} as AppState['lab'], screen: {name: 'complete', index: 0, report: {lines: [], total: 0, stars: 0}, best: 0}};
		const view = {columns: 80, rows: 24};
		state = appKey(long, state, '', {rightArrow: true}, view).state;
		expect(state.screen).toMatchObject({name: 'complete', page: 1});
		state = appKey(long, state, '', {leftArrow: true}, view).state;
		expect(state.screen).toMatchObject({name: 'complete', page: 0});
	});

	it('a quiz choice that wraps keeps its space after the pointer, and its lines start under its text, not under its number', () => {
		const question = {question: 'Which is NOT a good reason to copy an AMI to another Region?', choices: [{text: 'Disaster recovery, so you can launch elsewhere if a Region has trouble, and then some more words', correct: true, explain: 'x'}, {text: 'No', correct: false, explain: 'y'}]};
		const lines = draw(<QuizScreen question={question} number={1} total={1} index={0} columns={60} />, 60).split('\n');
		const at = lines.findIndex(l => l.startsWith('❯'));
		expect(lines[at]).toMatch(/^❯ 1\. Disaster/);
		expect(lines[at + 1]).toMatch(/^ {5}\S/);
		expect(lines[at + 2]).toMatch(/^ {2}2\. No/);
	});
});

describe('a new chapter starts on a clean screen, with its title once', () => {
	it('entering a chapter clears the screen and the transcript; the title comes when the lab opens', () => {
		let state: AppState = progressLoaded(initialApp(engine), emptyProgress());
		state = startAt(engine, state, {mode: 'chapter', chapter: '1'}).state;
		state = appKey(engine, state, 's', {}).state;
		for (const ch of 'aws ec2 describe-regions\r') state = appKey(engine, state, ch, ch === '\r' ? {return: true} : {}).state;
		expect(state.transcript.length).toBeGreaterThan(2);
		const epoch = state.transcriptEpoch;
		// chapter 2 from the menu
		state = appKey(engine, state, 'menu'[0], {}).state;
		for (const ch of 'enu\r') state = appKey(engine, state, ch, ch === '\r' ? {return: true} : {}).state;
		expect(state.screen.name).toBe('menu');
		const step = startAt(engine, state, {mode: 'chapter', chapter: '2'});
		expect(step.effects).toContainEqual({type: 'clear'});
		expect(step.state.transcript).toEqual([]);
		expect(step.state.transcriptEpoch).toBeGreaterThan(epoch);
		expect(step.state.screen).toMatchObject({name: 'story'});
		// the story shows the title; the lab's transcript starts with it, once
		let lab = appKey(engine, step.state, 's', {}).state;
		expect(lab.transcript.map(e => e.text)).toEqual(['Chapter 2: Baking the image  (type `help` for game commands)']);
		for (const ch of 'story\r') lab = appKey(engine, lab, ch, ch === '\r' ? {return: true} : {}).state;
		lab = appKey(engine, lab, 's', {}).state;
		expect(lab.transcript.filter(e => e.text.startsWith('Chapter 2:'))).toHaveLength(1);
	});
});
