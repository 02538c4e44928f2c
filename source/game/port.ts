import type {LineResult, Session} from '../shell/session.js';
import type {ExportInput} from '../export/index.js';
import type {RunLog} from '../progress/run-log.js';

// What the game layer needs from its engine (lessons, shell, scoring). play.ts and the fronts
// only talk to this port; engine.ts wires it to source/lessons and source/shell, tests use a fake.

export type {LineResult, Session} from '../shell/session.js';

/** `index`: the choice's position in the lesson file (what `answerQuiz` takes); the list itself is in shown order. */
export type QuizChoice = {text: string; correct: boolean; explain: string; index?: number};
export type QuizQuestion = {question: string; choices: QuizChoice[]};

export type ChapterInfo = {
	id: string;
	order: number;
	/** the lesson file (`ami-school play 01-master-image` names a chapter by it) */
	file?: string;
	title: string;
	story: string[];
	debrief: string;
	quiz: QuizQuestion[];
};

/** `reason`: why an open goal is not met yet (a near miss of the lesson); `lost`: why it can no longer be met */
export type GoalStatus = {id: string; text: string; met: boolean; reason?: string; lost?: string};

/** Said once, right after the line that brought it about: a near miss, or a goal that can no longer be met (`text`: why). */
export type SaidAfterLine = {kind: 'near-miss' | 'unreachable'; goalId: string; id: string; goal: string; text: string};

export type ScoreLine = {label: string; points: number};
/** `notes`: lines the summary shows under the total (what the next star needs, undos AWS would not allow) */
export type ScoreReport = {lines: ScoreLine[]; total: number; stars: number; notes?: string[]};

/**
 * A chapter (or the sandbox) being played: opaque to the UI, immutable (the UI keeps old ones
 * for undo), JSON-serialisable through `save`.
 */
export type Play = {readonly chapterId: string | undefined};

/** A saved play: enough to resume exactly where the player left off. */
export type SavedPlay = {chapterId: string | undefined; session: Session; data?: unknown};

export type GameEngine = {
	/** the lesson pack being played (its id keys the saved progress); absent: the built-in chapters */
	pack?(): {id: string; name: string};
	chapters(): ChapterInfo[];
	/** problems found loading the lessons, one line each (shown on the menu, never fatal) */
	lessonErrors(): string[];
	start(chapterId: string): Play;
	sandbox(): Play;
	/** undefined when the saved play no longer fits (the chapter is gone) */
	resume(saved: SavedPlay): Play | undefined;
	save(play: Play): SavedPlay;
	/** `width`: the terminal's columns, for `--output table` (the session keeps the latest) */
	/** `newlyMet`: the goals this line met, as the chapter judged them; `completedNow`: it completed the chapter */
	run(play: Play, line: string, view?: {width?: number}): {play: Play; result: LineResult; newlyMet: string[]; completedNow: boolean; said?: SaidAfterLine[]};
	session(play: Play): Session;
	/**
	 * the same play with another session: counters (hints, mistakes) stay. `undone`: this is `undo`
	 * taking back `line`; goals it makes false are unticked, sticky or not, and `irreversible` (the
	 * IDs real AWS could not give back) is counted in the summary.
	 */
	withSession(play: Play, session: Session, undone?: {line: string; irreversible: string[]}): Play;
	goals(play: Play): GoalStatus[];
	/** every goal met: the chapter is complete */
	isComplete(play: Play): boolean;
	/**
	 * the next hint tier for the first open goal (`tier` of `of`; the last tier is the exact
	 * command); `unreachable` when that goal can no longer be met and the text says how to get
	 * back. Undefined when there is none left.
	 */
	hint(play: Play): {play: Play; text: string; cost: number; tier: number; of: number; unreachable?: boolean; /** the goal's near miss that holds now, said before the hint */ reason?: string} | undefined;
	/** the reference solution; the play is marked as having seen it */
	solution(play: Play): {play: Play; lines: string[]};
	hintsUsed(play: Play): number;
	/** the score so far, for the status bar */
	runningScore(play: Play): number;
	/** state-changing AWS calls so far (they count against par) and the par; undefined in the sandbox */
	par(play: Play): {used: number; par: number} | undefined;
	/** the final score (quiz answers included) */
	score(play: Play): ScoreReport;
	/** answers a quiz question with a choice's index in the lesson file: only the first answer to a question counts */
	answerQuiz(play: Play, question: number, choice: number): Play;
	/** what the learner did in this run of a chapter, to replay it (undefined in the sandbox) */
	runLog?(play: Play): RunLog | undefined;
	/** question index -> whether the first answer was right */
	quizAnswers(play: Play): Record<number, boolean>;
	/** the shell's prompt for this session: `$ `, or the remote one while logged in to an instance */
	promptFor(session: Session): string;
	/** what `save-script` needs to replay this play's session as scripts for the real AWS CLI */
	exportInput(play: Play): ExportInput;
	/** Tab completion candidates for the word ending the text */
	complete(session: Session, lineBeforeCursor: string): string[];
};
