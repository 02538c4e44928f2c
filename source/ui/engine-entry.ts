// What the game needs beyond Ink and React: the lessons, the shell and the EC2 model. The build
// makes this its own bundle (dist/ui-engine.js), loaded after the first frame is on screen.
export {createEngine} from './engine-adapter.js';
export {defaultLessonsDir} from '../lessons/load.js';
