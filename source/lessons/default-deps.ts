import {runAws} from '../cli/run-aws.js';
import {runLine} from '../shell/run-line.js';
import type {LessonDeps} from './deps.js';

/** The real shell and CLI: what the game, `play` and `check` use. */
export const defaultLessonDeps: LessonDeps = {runLine, runAws};
