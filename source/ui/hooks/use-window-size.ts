import {useEffect, useState} from 'react';
import {useStdout} from 'ink';

// Ink 6.8 has no useWindowSize: follow the terminal's size through stdout's resize event.

export type WindowSize = {columns: number; rows: number};

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
