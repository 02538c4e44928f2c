import React from 'react';
import {Text} from 'ink';

/** The game's name and promise, at the top of the menu (and of the very first frame). */
export const Title = () => (
	<>
		<Text bold color="cyan">
			AMI School
		</Text>
		<Text dimColor>Learn Amazon Machine Images by doing, in a safe copy of AWS.</Text>
	</>
);
