import {useEffect, useState} from 'react';
import {useStdout} from 'ink';

// Ink 6.8 has no useWindowSize: follow the terminal's size through stdout's resize event.

export type WindowSize = {columns: number; rows: number};

/** The smallest terminal the screens are laid out for (README: 60×20). */
export const MIN_COLUMNS = 60;
export const MIN_ROWS = 20;
export const tooSmall = ({columns, rows}: WindowSize): boolean => columns < MIN_COLUMNS || rows < MIN_ROWS;

const read = (stdout: NodeJS.WriteStream): WindowSize => ({columns: stdout.columns || 80, rows: stdout.rows || 24});

export const useWindowSize = (): WindowSize => {
	const {stdout} = useStdout();
	const [size, setSize] = useState(() => read(stdout));
	useEffect(() => {
		const onResize = () => setSize(read(stdout));
		stdout.on('resize', onResize);
		return () => {
			stdout.off('resize', onResize);
		};
	}, [stdout]);
	return size;
};
