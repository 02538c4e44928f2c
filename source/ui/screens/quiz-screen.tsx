import React from 'react';
import {Box, Text} from 'ink';
import {SelectList} from '../components/select-list.js';
import type {QuizQuestion} from '../../game/types.js';

export const QuizScreen = ({question, number, total, index, answered}: {question: QuizQuestion; number: number; total: number; index: number; answered?: number}) => {
	const items = question.choices.map((choice, i) => ({key: String(i), label: choice.text}));
	const chosen = answered === undefined ? undefined : question.choices[answered];
	const right = question.choices.find(c => c.correct);
	return (
		<Box flexDirection="column">
			<Text bold color="cyan">{`Quiz ${number}/${total}`}</Text>
			<Text>{question.question}</Text>
			<Box marginY={1}>
				<SelectList items={items} index={answered ?? index} />
			</Box>
			{chosen ? (
				<Box flexDirection="column">
					<Text color={chosen.correct ? 'green' : 'red'}>{chosen.correct ? `✓ Right. ${chosen.explain}` : `✗ Not quite. ${chosen.explain}`}</Text>
					{!chosen.correct && right ? <Text>{`The answer: ${right.text}. ${right.explain}`}</Text> : null}
					<Text dimColor>Enter to go on</Text>
				</Box>
			) : (
				<Text dimColor>↑/↓ choose · Enter answer</Text>
			)}
		</Box>
	);
};
