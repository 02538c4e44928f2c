import {chapterProgress, historyFor, markCompleted, markStarted, SANDBOX_KEY, setCurrent, setHistory} from '../progress/model.js';
import type {Progress} from '../progress/schema.js';
import {emptyProgress} from '../progress/version.js';
import {findChapter} from '../game/names.js';
import type {ChapterInfo, Game, Play, ScoreReport} from '../game/types.js';
import {labActions, newLab, type LabSignal, type LabView, type LabState, type ScrollEntry, type ScrollKind} from './lab/lab-state.js';
import {menuItems, type MenuValue} from './menu/menu-items.js';
import {debriefPages, storyScreens, type View} from './text/layout.js';
import {actionsFromInk, type InkKey} from './prompt/reducer.js';
import {keyFor, LAB_KEYS, READER_KEYS} from './lab/keys.js';
import {labLayout, transcriptLines} from './lab/layout.js';

// The whole game's screen flow as one pure reducer: every key goes through `appKey` (one input
// owner), which routes it to the active screen. The Ink components only draw AppState.

export type Screen =
	| {name: 'menu'; index: number}
	| {name: 'story'; page: number; /** where Enter past the last page leads */ then: 'lab'; /** the chapter's first showing: its title goes to the transcript when the lab opens */ intro?: boolean}
	| {name: 'lab'}
	| {name: 'quiz'; question: number; index: number; /** the choice given to the question shown, once answered */ answered?: number; then: 'lab' | 'complete'; /** why the quiz came (the chapter is complete), above the question */ banner?: string}
	| {name: 'complete'; index: number; report: ScoreReport; best: number; /** the page of the debrief shown */ page?: number};

export type AppState = {
	screen: Screen;
	lab?: LabState;
	progress: Progress;
	progressLoaded: boolean;
	/** one-time messages shown above the menu (damaged progress file, lesson errors) */
	notices: string[];
	/** everything the lab printed, in order (drawn once each by <Static>) */
	transcript: ScrollEntry[];
	/** counts the screen clears that start a chapter: a new <Static> for each, which prints from its first entry */
	transcriptEpoch: number;
	/** Ctrl+C pressed once outside the lab */
	ctrlCArmed: boolean;
	/** the transcript read back (PgUp): the first of its lines shown */
	reader?: {top: number};
	/** the hint that PgUp reads long output back was given (once a run) */
	overflowHinted?: boolean;
	/** the world pane is shown below 120 columns (Ctrl+O); wider, it always is */
	showWorld?: boolean;
};

export type AppEffect = {type: 'exit'} | {type: 'persist'} | {type: 'clear'};
export type AppStep = {state: AppState; effects: AppEffect[]};

export const initialApp = (engine: Game): AppState => ({
	screen: {name: 'menu', index: 0},
	progress: emptyProgress(),
	progressLoaded: false,
	notices: engine.lessonErrors(),
	transcript: [],
	transcriptEpoch: 0,
	ctrlCArmed: false,
});

/** Saved progress arrived (after the first frame). */
export const progressLoaded = (state: AppState, progress: Progress, warning?: string): AppState => ({
	...state,
	progress,
	progressLoaded: true,
	notices: warning ? [...warning.split('\n'), ...state.notices] : state.notices,
	screen: state.screen.name === 'menu' ? {name: 'menu', index: 0} : state.screen,
});

export const chapterOf = (engine: Game, play: Play | undefined): ChapterInfo | undefined => engine.chapters().find(c => c.id === play?.chapterId);

/** A message for the player: in the transcript and, once, above the menu. */
export const addNotice = (state: AppState, text: string): AppState => ({...note(state, 'warn', text), notices: [text, ...state.notices]});

const historyKey = (play: Play) => play.chapterId ?? SANDBOX_KEY;

/** Moves the lab's new scrollback into the transcript. */
const drain = (state: AppState): AppState => {
	if (!state.lab || state.lab.scroll.length === 0) return state;
	const base = state.transcript.length;
	const entries = state.lab.scroll.map((e, i) => ({...e, id: base + i}));
	return {...state, transcript: [...state.transcript, ...entries], lab: {...state.lab, scroll: []}};
};

const note = (state: AppState, kind: ScrollKind, text: string): AppState => ({...state, transcript: [...state.transcript, {id: state.transcript.length, kind, text}]});

/** Records the play in progress (to resume) and its prompt history. */
const remember = (engine: Game, state: AppState): AppState => {
	if (!state.lab) return state;
	const {play, prompt} = state.lab;
	const saved = engine.save(play);
	let progress = setCurrent(state.progress, {chapterId: play.chapterId ?? null, session: saved.session, data: saved.data});
	progress = setHistory(progress, historyKey(play), prompt.history);
	return {...state, progress};
};

/** The line that heads a chapter's (or the sandbox's) transcript. */
const titleLine = (engine: Game, play: Play | undefined): string => {
	const chapter = chapterOf(engine, play);
	const title = chapter ? `Chapter ${chapter.order}: ${chapter.title}` : 'Free sandbox: a fresh AWS world with no goals.';
	return `${title}  (type \`help\` for game commands)`;
};

/**
 * Opens a chapter or the sandbox on a clean screen: the last chapter's transcript goes. Its title
 * is shown once: by the story pages first, then at the top of the lab's transcript.
 */
const enterLab = (engine: Game, state: AppState, play: Play, intro: boolean): AppStep => {
	const lab = newLab(engine, play, historyFor(state.progress, historyKey(play)));
	let next: AppState = {...state, lab, ctrlCArmed: false, transcript: [], transcriptEpoch: state.transcriptEpoch + 1};
	if (play.chapterId) next = {...next, progress: markStarted(next.progress, play.chapterId)};
	next = remember(engine, next);
	const effects: AppEffect[] = [{type: 'clear'}, {type: 'persist'}];
	if (intro && chapterOf(engine, play)) return {state: {...next, screen: {name: 'story', page: 0, then: 'lab', intro: true}}, effects};
	return {state: {...note(next, 'info', titleLine(engine, play)), screen: {name: 'lab'}}, effects};
};

/** Leaves the story for the lab; after the first showing the lab's transcript starts with the title. */
const storyToLab = (engine: Game, state: AppState): AppStep => {
	const first = state.screen.name === 'story' && state.screen.intro;
	const next = first ? note(state, 'info', titleLine(engine, state.lab?.play)) : state;
	return {state: {...next, screen: {name: 'lab'}}, effects: []};
};

const resumePlay = (engine: Game, state: AppState): AppStep => {
	const current = state.progress.current;
	const play = current ? engine.resume({chapterId: current.chapterId ?? undefined, session: current.session as never, data: current.data}) : undefined;
	if (!play) return {state: {...state, notices: ['The saved game could not be resumed; pick a chapter.', ...state.notices]}, effects: []};
	return enterLab(engine, state, play, false);
};

const choose = (engine: Game, state: AppState, value: MenuValue): AppStep => {
	switch (value.kind) {
		case 'continue': {
			return resumePlay(engine, state);
		}

		case 'chapter': {
			if (state.progress.current?.chapterId === value.id) return resumePlay(engine, state);
			return enterLab(engine, state, engine.start(value.id), true);
		}

		case 'sandbox': {
			if (state.progress.current && state.progress.current.chapterId === null) return resumePlay(engine, state);
			return enterLab(engine, state, engine.sandbox(), false);
		}

		case 'quit': {
			return {state, effects: [{type: 'exit'}]};
		}
	}
};

export type StartAt = {mode: 'menu' | 'chapter' | 'sandbox'; chapter?: string};

/** Once progress is loaded: go straight to the chapter or sandbox the command line asked for. */
export const startAt = (engine: Game, state: AppState, start: StartAt): AppStep => {
	if (start.mode === 'sandbox') return choose(engine, state, {kind: 'sandbox'});
	if (start.mode !== 'chapter' || !start.chapter) return {state, effects: []};
	const chapter = findChapter(engine.chapters(), start.chapter);
	if (!chapter) return {state: {...state, notices: [`There is no chapter "${start.chapter}": pick one below.`, ...state.notices]}, effects: []};
	return choose(engine, state, {kind: 'chapter', id: chapter.id});
};

const answers = (engine: Game, state: AppState): Record<number, boolean> => (state.lab ? engine.quizAnswers(state.lab.play) : {});

const finishChapter = (engine: Game, state: AppState): AppStep => {
	const play = state.lab?.play;
	if (!play?.chapterId) return {state: {...state, screen: {name: 'menu', index: 0}}, effects: []};
	const {report, result} = engine.finished(play);
	const previous = chapterProgress(state.progress, play.chapterId);
	const progress = markCompleted(state.progress, play.chapterId, result);
	const best = Math.max(report.total, previous.status === 'done' ? previous.bestScore : report.total);
	return {state: {...state, progress, screen: {name: 'complete', index: 0, report, best}}, effects: [{type: 'persist'}]};
};

const firstUnanswered = (engine: Game, state: AppState): number => {
	const questions = chapterOf(engine, state.lab?.play)?.quiz ?? [];
	const given = answers(engine, state);
	return questions.findIndex((_, i) => given[i] === undefined);
};

const labSignals = (engine: Game, state: AppState, signals: LabSignal[]): AppStep => {
	const effects: AppEffect[] = [];
	for (const signal of signals) {
		switch (signal.type) {
			case 'save': {
				state = remember(engine, state);
				if (!effects.some(e => e.type === 'persist')) effects.push({type: 'persist'});
				break;
			}

			case 'clear': {
				// nothing left behind, not even the line that cleared
				state = {...state, transcript: [], transcriptEpoch: state.transcriptEpoch + 1};
				effects.push({type: 'clear'});
				break;
			}

			case 'exit': {
				return {state, effects: [...effects, {type: 'persist'}, {type: 'exit'}]};
			}

			case 'menu': {
				return {state: {...state, screen: {name: 'menu', index: 0}}, effects: [...effects, {type: 'persist'}]};
			}

			case 'story': {
				return {state: {...state, screen: {name: 'story', page: 0, then: 'lab'}}, effects};
			}

			case 'quiz': {
				const questions = chapterOf(engine, state.lab?.play)?.quiz ?? [];
				if (questions.length === 0) return {state: note(state, 'info', 'This chapter has no quiz.'), effects};
				const open = firstUnanswered(engine, state);
				return {state: {...state, screen: {name: 'quiz', question: open === -1 ? 0 : open, index: 0, then: 'lab'}}, effects};
			}

			case 'complete': {
				const banner = signal.solutionShown ? 'The solution was shown: the chapter ends here, with no stars.' : 'Every goal met: chapter complete!';
				state = note(state, signal.solutionShown ? 'warn' : 'success', banner);
				const open = firstUnanswered(engine, state);
				if (open !== -1) return {state: {...state, screen: {name: 'quiz', question: open, index: 0, then: 'complete', banner}}, effects};
				const done = finishChapter(engine, state);
				return {state: done.state, effects: [...effects, ...done.effects]};
			}
		}
	}

	return {state, effects};
};

type Nav = 'up' | 'down' | 'left' | 'right' | 'enter' | 'back' | 'skip' | 'none';

// Only keys that are hard to type by accident: text typed ahead while a command ran must not
// answer the quiz or leave the score screen when the lab gives way to them.
const nav = (input: string, key: InkKey): Nav => {
	if (key.upArrow) return 'up';
	if (key.downArrow) return 'down';
	if (key.leftArrow || key.pageUp) return 'left';
	if (key.rightArrow || key.pageDown || input === ' ') return 'right';
	if (key.return || input === '\r') return 'enter';
	if (key.escape) return 'back';
	if (input === 's' || input === 'q') return 'skip';
	return 'none';
};

const wrap = (index: number, count: number) => (count === 0 ? 0 : (index + count) % count);

const menuKey = (engine: Game, state: AppState, move: Nav, input: string): AppStep => {
	if (state.screen.name !== 'menu') return {state, effects: []};
	const items = menuItems(engine.chapters(), state.progress);
	const {index} = state.screen;
	if (move === 'up' || move === 'down') return {state: {...state, screen: {name: 'menu', index: wrap(index + (move === 'up' ? -1 : 1), items.length)}}, effects: []};
	if (move === 'enter' && items[index]) return choose(engine, state, items[index].value);
	if (input === 'q') return {state, effects: [{type: 'exit'}]};
	return {state, effects: []};
};

const viewOf = (view: LabView): View => ({columns: view.columns ?? 80, rows: view.rows ?? 24});

const storyKey = (engine: Game, state: AppState, move: Nav, view: LabView): AppStep => {
	if (state.screen.name !== 'story') return {state, effects: []};
	const chapter = chapterOf(engine, state.lab?.play);
	const pages = chapter ? storyScreens(chapter, viewOf(view)) : [];
	const page = Math.min(state.screen.page, Math.max(0, pages.length - 1));
	if (move === 'left' || move === 'up') return {state: {...state, screen: {...state.screen, page: Math.max(0, page - 1)}}, effects: []};
	if ((move === 'enter' || move === 'right' || move === 'down') && page < pages.length - 1) return {state: {...state, screen: {...state.screen, page: page + 1}}, effects: []};
	if (move === 'enter' || move === 'right' || move === 'skip' || move === 'back') return storyToLab(engine, state);
	return {state, effects: []};
};

const quizKey = (engine: Game, state: AppState, move: Nav): AppStep => {
	const {screen} = state;
	if (screen.name !== 'quiz') return {state, effects: []};
	const questions = chapterOf(engine, state.lab?.play)?.quiz ?? [];
	const question = questions[screen.question];
	if (!question) return {state: {...state, screen: {name: 'lab'}}, effects: []};
	if (screen.answered === undefined) {
		if (move === 'up' || move === 'down') return {state: {...state, screen: {...screen, index: wrap(screen.index + (move === 'up' ? -1 : 1), question.choices.length)}}, effects: []};
		if (move === 'back' && screen.then === 'lab') return {state: {...state, screen: {name: 'lab'}}, effects: []};
		if (move !== 'enter') return {state, effects: []};
		const choice = question.choices[screen.index]?.index ?? screen.index;
		const lab = state.lab ? {...state.lab, play: engine.answerQuiz(state.lab.play, screen.question, choice)} : state.lab;
		return {state: remember(engine, {...state, lab, screen: {...screen, answered: screen.index}}), effects: [{type: 'persist'}]};
	}

	if (move !== 'enter' && move !== 'back') return {state, effects: []};
	const nextQuestion = screen.then === 'complete' ? firstUnanswered(engine, state) : screen.question + 1;
	if (move === 'enter' && nextQuestion !== -1 && nextQuestion < questions.length) return {state: {...state, screen: {...screen, question: nextQuestion, index: 0, answered: undefined}}, effects: []};
	if (screen.then === 'complete') return finishChapter(engine, state);
	return {state: {...state, screen: {name: 'lab'}}, effects: []};
};

export type CompleteItem = {label: string; value: 'next' | 'menu' | 'quit'};

export const completeItems = (engine: Game, state: AppState): CompleteItem[] => {
	const next = nextChapter(engine, state.lab?.play);
	return [...(next ? [{label: `Next chapter: ${next.title}`, value: 'next' as const}] : []), {label: 'Chapter menu', value: 'menu'}, {label: 'Quit', value: 'quit'}];
};

const nextChapter = (engine: Game, play: Play | undefined): ChapterInfo | undefined => {
	const chapters = [...engine.chapters()].sort((a, b) => a.order - b.order);
	const index = chapters.findIndex(c => c.id === play?.chapterId);
	return index === -1 ? undefined : chapters[index + 1];
};

const completeKey = (engine: Game, state: AppState, move: Nav, view: LabView): AppStep => {
	const {screen} = state;
	if (screen.name !== 'complete') return {state, effects: []};
	const items = completeItems(engine, state);
	if (move === 'left' || move === 'right') {
		const chapter = chapterOf(engine, state.lab?.play);
		const pages = chapter ? debriefPages(chapter, screen.report.lines.length, items.length, viewOf(view)).length : 1;
		const page = Math.min(screen.page ?? 0, pages - 1);
		return {state: {...state, screen: {...screen, page: wrap(page + (move === 'left' ? -1 : 1), pages)}}, effects: []};
	}

	if (move === 'up' || move === 'down') return {state: {...state, screen: {...screen, index: wrap(screen.index + (move === 'up' ? -1 : 1), items.length)}}, effects: []};
	if (move !== 'enter') return {state, effects: []};
	const choice = items[screen.index]?.value;
	const next = nextChapter(engine, state.lab?.play);
	const closed = {...state, lab: undefined};
	if (choice === 'next' && next) return enterLab(engine, closed, engine.start(next.id), true);
	if (choice === 'quit') return {state: closed, effects: [{type: 'exit'}]};
	return {state: {...closed, screen: {name: 'menu', index: 0}}, effects: []};
};

/** The transcript read back a page at a time (PgUp at the prompt): keys move it, q or Esc leaves it. */
const readerKey = (state: AppState, input: string, key: InkKey, view: LabView): AppStep => {
	if (!state.reader) return {state, effects: []};
	const {columns, rows} = viewOf(view);
	const total = transcriptLines(state.transcript, columns).length;
	const {page} = labLayout({columns, rows});
	const last = Math.max(0, total - page);
	const at = (top: number): AppStep => ({state: {...state, reader: {top: Math.min(last, Math.max(0, top))}}, effects: []});
	const {top} = state.reader;
	switch (keyFor(READER_KEYS, input, key)) {
		case 'pageUp': {
			return at(top - (page - 1));
		}

		case 'pageDown': {
			return at(top + (page - 1));
		}

		case 'lineUp': {
			return at(top - 1);
		}

		case 'lineDown': {
			return at(top + 1);
		}

		case 'top': {
			return at(0);
		}

		case 'bottom': {
			return at(last);
		}

		case 'close': {
			// the screen is drawn afresh: the transcript again, then the prompt
			return {state: {...state, reader: undefined, transcriptEpoch: state.transcriptEpoch + 1}, effects: [{type: 'clear'}]};
		}

		case undefined: {
			return {state, effects: []};
		}
	}
};

/** After a line: output longer than the screen gets a hint, once, that PgUp reads it back. */
const hintOverflow = (before: AppState, after: AppState, view: LabView): AppState => {
	if (after.overflowHinted || after.transcript.length <= before.transcript.length) return after;
	const {columns, rows} = viewOf(view);
	const added = transcriptLines(after.transcript.slice(before.transcript.length), columns).length;
	// the rows above the lab's live area (goals, status, prompt: about ten rows at most)
	if (added <= Math.max(5, rows - 10)) return after;
	return {...note(after, 'info', 'That was longer than the screen: PgUp reads it back (q returns to the prompt).'), overflowHinted: true};
};

const labKey = (engine: Game, state: AppState, input: string, key: InkKey, view: LabView): AppStep => {
	if (state.reader) return readerKey(state, input, key, view);
	const own = keyFor(LAB_KEYS, input, key);
	if (own === 'toggleWorld') return {state: {...state, showWorld: !state.showWorld}, effects: []};
	if (own === 'readBack') {
		const {columns, rows} = viewOf(view);
		const {page} = labLayout({columns, rows});
		const total = transcriptLines(state.transcript, columns).length;
		// the page before the one on screen
		return {state: {...state, reader: {top: Math.max(0, total - 2 * page + 1)}}, effects: []};
	}

	if (!state.lab) return {state, effects: []};
	const step = labActions(engine, state.lab, actionsFromInk(input, key), view);
	const next = labSignals(engine, drain({...state, lab: step.state}), step.signals);
	return {state: hintOverflow(state, next.state, view), effects: next.effects};
};

const screenKey = (engine: Game, state: AppState, input: string, key: InkKey, view: LabView): AppStep => {
	if (state.screen.name === 'lab' && state.lab) return labKey(engine, state, input, key, view);

	if (key.ctrl && input === 'c') {
		if (state.ctrlCArmed) return {state, effects: [{type: 'persist'}, {type: 'exit'}]};
		return {state: {...state, ctrlCArmed: true}, effects: []};
	}

	if (state.screen.name === 'menu' && !state.progressLoaded) return {state, effects: []};
	const disarmed = state.ctrlCArmed ? {...state, ctrlCArmed: false} : state;
	const move = nav(input, key);
	switch (disarmed.screen.name) {
		case 'menu': {
			return menuKey(engine, disarmed, move, input);
		}

		case 'story': {
			return storyKey(engine, disarmed, move, view);
		}

		case 'quiz': {
			return quizKey(engine, disarmed, move);
		}

		case 'complete': {
			return completeKey(engine, disarmed, move, view);
		}

		case 'lab': {
			return {state: {...disarmed, screen: {name: 'menu', index: 0}}, effects: []};
		}
	}
};

/**
 * A new screen starts on a clean screen: the lab's transcript is drawn only in the lab (again in
 * full when the lab comes back), the menu never lands below the last lab's output.
 */
export const withCleanScreen = (before: AppState, step: AppStep): AppStep => {
	if (step.state.screen.name === before.screen.name || step.effects.some(e => e.type === 'clear')) return step;
	const effects: AppEffect[] = [{type: 'clear'}, ...step.effects];
	// the menu forgets the chapter's transcript; back in a lab, it is printed again from its start
	if (step.state.screen.name === 'menu') return {state: {...step.state, transcript: [], transcriptEpoch: step.state.transcriptEpoch + 1, reader: undefined}, effects};
	return {state: {...step.state, transcriptEpoch: step.state.transcriptEpoch + 1}, effects};
};

/** One Ink input event. */
export const appKey = (engine: Game, state: AppState, input: string, key: InkKey, view: LabView = {}): AppStep => withCleanScreen(state, screenKey(engine, state, input, key, view));
