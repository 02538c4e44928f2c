// What a front needs before the engine is loaded (the UI's first-frame bundle): how a chapter is
// named on the command line, and stars as text. Light modules only: no lessons, shell or model.
export {findChapter} from '../lessons/find-chapter.js';
export {starsText} from '../lessons/scoring.js';
