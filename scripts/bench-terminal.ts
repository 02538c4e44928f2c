// The game in a real pseudo-terminal (filled in with the UI): first frame, keystroke echo, memory.
export const benchTerminal = async (_root: string): Promise<void> => {
	console.log('Terminal: not measured yet');
};
