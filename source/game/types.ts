// The game layer's types, for the fronts (the Ink UI imports only types from source/game, and
// names.ts: the code comes with the engine bundle, after the first frame).
export type {ChapterInfo, GameEngine, GoalStatus, Play, QuizChoice, QuizQuestion, SavedPlay, ScoreLine, ScoreReport} from './port.js';
export type {Confirm, GameEvent, GameState, LineOptions, LineOutcome, PrintKind} from './play.js';
export type {Game, GameLayer} from './layer.js';
export type {PendingItem, PlayView, StatusParts} from './status.js';
export type {ExportFiles} from './export.js';
export type {WorldChange, WorldKind, WorldRow, WorldView} from './world-view.js';
