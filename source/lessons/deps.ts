import type {AwsEnv, AwsOutcome} from '../cli/run-aws.js';
import type {LineResult, Session} from '../shell/session.js';
import type {World} from '../sim/core/types.js';

// What the lesson engine needs from the rest of the game, passed in so it can be tested alone.

export type LineRunner = (session: Session, line: string) => LineResult;
/** runAws with the game's guest operating system already given */
export type AwsRunner = (world: World, args: string[], env: Omit<AwsEnv, 'guest'>) => AwsOutcome;
export type LessonDeps = {runLine: LineRunner; runAws: AwsRunner};
