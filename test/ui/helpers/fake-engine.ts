import type {Session} from '../../../source/shell/session.js';
import {freshWorld} from '../../../source/sim/core/fresh-world.js';
import {withLayer, type Game} from '../../../source/game/layer.js';
import type {ChapterInfo, GameEngine, Play, SavedPlay} from '../../../source/game/port.js';

// A tiny stand-in engine for UI tests: `touch NAME` sets a variable (a change undo takes back), a goal is met when its
// variable is set, `echo …` prints, `fail` errors, an odd number of quotes or a trailing
// backslash is incomplete. Enough to drive every screen without the real lessons.

type FakePlay = Play & {session: Session; hints: number; solutionShown: boolean; quiz: Record<number, boolean>};

export const CHAPTERS: ChapterInfo[] = [
	{
		id: 'first',
		order: 1,
		title: 'The first chapter',
		story: ['Page one of the story.', 'Page two of the story.'],
		debrief: 'You did the first chapter.',
		quiz: [
			{question: 'Is an AMI a template?', choices: [{text: 'Yes', correct: true, explain: 'It holds what an instance needs.'}, {text: 'No', correct: false, explain: 'It is.'}]},
		],
	},
	{id: 'second', order: 2, title: 'The second chapter', story: ['Second story.'], debrief: 'Second debrief.', quiz: []},
];

const GOALS: Record<string, Array<{id: string; text: string}>> = {
	first: [
		{id: 'a', text: 'Touch a'},
		{id: 'b', text: 'Touch b'},
	],
	second: [{id: 'c', text: 'Touch c'}],
};

const world = freshWorld();
const newSession = (): Session => ({world, region: 'us-east-1', files: {}, vars: {}, history: []});

const as = (play: Play) => play as FakePlay;

/** The fake engine with the real game layer over it (what the UI is given). */
export const fakeEngine = (overrides: Partial<GameEngine> = {}): Game => withLayer(fakeEngineOnly(overrides));

const goalsOf = (play: Play, session: Session) => (GOALS[play.chapterId ?? ''] ?? []).filter(g => session.vars[g.id] === '1').map(g => g.id);

const fakeEngineOnly = (overrides: Partial<GameEngine>): GameEngine => ({
	chapters: () => CHAPTERS,
	lessonErrors: () => [],
	start: chapterId => ({chapterId, session: newSession(), hints: 0, solutionShown: false, quiz: {}}) as FakePlay,
	sandbox: () => ({chapterId: undefined, session: newSession(), hints: 0, solutionShown: false, quiz: {}}) as FakePlay,
	resume: (saved: SavedPlay) => ({chapterId: saved.chapterId, session: saved.session, hints: 0, solutionShown: false, quiz: {}, ...(saved.data as object)}) as FakePlay,
	save: play => ({chapterId: play.chapterId, session: as(play).session, data: {hints: as(play).hints, solutionShown: as(play).solutionShown, quiz: as(play).quiz}}),
	run(play, line) {
		const p = as(play);
		const session = p.session;
		if ((line.split("'").length - 1) % 2 === 1 || line.endsWith('\\')) return {play, result: {session, stdout: '', stderr: '', exitCode: 0, incomplete: true}, newlyMet: [], completedNow: false};
		let stdout = '';
		let stderr = '';
		let exitCode = 0;
		let vars = session.vars;
		let remote = session.remote;
		const [command, ...args] = line.trim().split(/\s+/);
		if (command === 'echo') stdout = line.trim().slice(5) + '\n';
		else if (command === 'touch') vars = {...vars, [args[0]]: '1'};
		else if (command === 'ssh') remote = {region: 'us-east-1', instanceId: 'i-1', user: 'ec2-user', host: '172.31.0.5'};
		else if (command === 'exit' && remote) remote = undefined;
		else if (command === 'clear') return {play, result: {session, stdout: '', stderr: '', exitCode: 0, clear: true}, newlyMet: [], completedNow: false};
		else {
			stderr = `bash: ${command}: command not found\n`;
			exitCode = 127;
		}

		const changed = command === 'touch' ? {changed: true as const} : {};
		const next: Session = {...session, vars, remote, history: [...session.history, {line, exitCode, calls: [], ...changed}]};
		const before = goalsOf(play, session);
		const newlyMet = goalsOf(play, next).filter(id => !before.includes(id));
		const all = GOALS[play.chapterId ?? '']?.length ?? 0;
		const completedNow = all > 0 && before.length < all && goalsOf(play, next).length === all;
		return {play: {...p, session: next} as FakePlay, result: {session: next, stdout, stderr, exitCode}, newlyMet, completedNow};
	},
	session: play => as(play).session,
	withSession: (play, session) => ({...as(play), session}) as FakePlay,
	goals: play => (GOALS[play.chapterId ?? ''] ?? []).map(g => ({...g, met: as(play).session.vars[g.id] === '1'})),
	isComplete: play => {
		const goals = GOALS[play.chapterId ?? ''] ?? [];
		return goals.length > 0 && goals.every(g => as(play).session.vars[g.id] === '1');
	},
	hint: play => (as(play).hints >= 3 ? undefined : {play: {...as(play), hints: as(play).hints + 1} as FakePlay, text: `hint tier ${as(play).hints + 1}`, cost: 10, tier: as(play).hints + 1, of: 3}),
	solution: play => ({play: {...as(play), solutionShown: true} as FakePlay, lines: ['touch a', 'touch b']}),
	hintsUsed: play => as(play).hints,
	runningScore: play => Object.keys(as(play).session.vars).length * 100 - as(play).hints * 10,
	par: play => (play.chapterId === undefined ? undefined : {used: as(play).session.history.length, par: 3}),
	answerQuiz(play, question, choice) {
		const p = as(play);
		if (p.quiz[question] !== undefined) return play;
		const correct = CHAPTERS.find(c => c.id === play.chapterId)?.quiz[question]?.choices[choice]?.correct === true;
		return {...p, quiz: {...p.quiz, [question]: correct}} as FakePlay;
	},
	quizAnswers: play => as(play).quiz,
	score: play => {
		const quiz = {correct: Object.values(as(play).quiz).filter(Boolean).length};
		const goals = Object.keys(as(play).session.vars).length * 100;
		const lines = [
			{label: 'Goals', points: goals},
			{label: 'Hints', points: -as(play).hints * 10},
			{label: 'Quiz', points: quiz.correct * 20},
		];
		const total = lines.reduce((s, l) => s + l.points, 0);
		return {lines, total, stars: as(play).solutionShown ? 0 : 3};
	},
	exportInput: play => ({title: play.chapterId ?? 'sandbox', region: 'us-east-1', setup: [], lines: as(play).session.history.map(h => h.line), newSession, runLine: session => ({session, stdout: '', stderr: '', exitCode: 0})}),
	promptFor: session => (session.remote ? `[${session.remote.user}@ip-${session.remote.host.replaceAll('.', '-')} ~]$ ` : '$ '),
	complete: (_session, before) => (/^\S*$/.test(before) ? ['echo', 'touch'] : ['describe-images', 'describe-instances']),
	...overrides,
});
