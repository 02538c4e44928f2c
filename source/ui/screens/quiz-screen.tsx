import React from 'react';
import {Box, Text} from 'ink';
import {SelectList} from '../components/select-list.js';
import type {QuizQuestion} from '../../game/types.js';
import {wrapLine} from '../text/fit.js';
import {reflow, textWidth} from '../text/reflow.js';

/** Lesson text laid out for the terminal (see reflow.ts), one Text per line. */
const Para = ({text, columns, color}: {text: string; columns: number; color?: string}) => (
	<Box flexDirection="column">
		{reflow(text, textWidth(columns)).map((line, i) => (
			<Text key={i} color={color}>
				{line === '' ? ' ' : line}
			</Text>
		))}
	</Box>
);

export const QuizScreen = ({question, number, total, index, answered, columns = 80, banner}: {question: QuizQuestion; number: number; total: number; index: number; answered?: number; columns?: number; banner?: string}) => {
	// each choice numbered and laid out for the room beside the pointer, its further lines under
	// its text (not under its number), so a second line cannot be read as another choice
	const items = question.choices.map((choice, i) => {
		const number = `${i + 1}. `;
		return {key: String(i), label: wrapLine(number + choice.text.replace(/\s+/g, ' ').trim(), textWidth(columns) - 2, number.length).join('\n')};
	});
	const chosen = answered === undefined ? undefined : question.choices[answered];
	const right = question.choices.find(c => c.correct);
	return (
		<Box flexDirection="column">
			{banner ? <Para text={banner} columns={columns} color={banner.startsWith('Every') ? 'green' : 'yellow'} /> : null}
			<Text bold color="cyan">{`Quiz ${number}/${total}`}</Text>
			<Para text={question.question} columns={columns} />
			<Box marginY={1}>
				<SelectList items={items} index={answered ?? index} />
			</Box>
			{chosen ? (
				<Box flexDirection="column">
					<Para text={chosen.correct ? `✓ Right. ${chosen.explain}` : `✗ Not quite. ${chosen.explain}`} columns={columns} color={chosen.correct ? 'green' : 'red'} />
					{!chosen.correct && right ? <Para text={`The answer: ${right.text}. ${right.explain}`} columns={columns} /> : null}
					<Text dimColor>Enter to go on</Text>
				</Box>
			) : (
				<Text dimColor>↑/↓ choose · Enter answer</Text>
			)}
		</Box>
	);
};
