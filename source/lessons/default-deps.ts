import {runAws} from '../cli/run-aws.js';
import {shellGuest} from '../shell/guest/boot.js';
import {runLine} from '../shell/run-line.js';
import type {LessonDeps} from './deps.js';

/** The real shell and CLI: what the game, `play` and `check` use. */
export const defaultLessonDeps: LessonDeps = {runLine, runAws: (world, args, env) => runAws(world, args, {...env, guest: shellGuest})};
