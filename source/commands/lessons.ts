// The lesson commands (`play --script`, `check`): their own bundle (dist/lessons.js), so that
// `ami-school aws …` starts without building the lesson schemas.
export {runCheckCommand} from './check.js';
export {runPlayCommand} from './play.js';
export {buildLessonCache} from '../lessons/cache.js';
export {runPlainCommand} from './plain.js';
