// When the terminal gets narrower, the old frame's lines re-wrap and Ink's eraser misses the
// extra fragments (ink #711, #942). Registered before Ink's own listener, this clears from the
// top of the screen down on every width decrease, so the next frame draws on a clean screen.

export const installShrinkFix = (stdout: NodeJS.WriteStream): (() => void) => {
	let width = stdout.columns;
	const onResize = () => {
		if (stdout.columns < width) stdout.write('\u001B[H\u001B[J');
		width = stdout.columns;
	};

	stdout.prependListener('resize', onResize);
	return () => {
		stdout.off('resize', onResize);
	};
};
