// Saved progress (conf, with its JSON-schema validator): its own bundle, dist/ui-progress.js,
// which the game loads after its first frame.
export {openProgressStore} from './store.js';
