// Ink imports react-devtools-core for its optional devtools; the game never uses them.
export default {initialize() {}, connectToDevTools() {}};
export const initialize = () => {};
export const connectToDevTools = () => {};
