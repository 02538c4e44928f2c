import {checkLeaves} from './check-schema.js';
import {jmespathError} from './jmes.js';
import type {Facts, Lesson} from './schema.js';
import type {FieldPath} from './locate.js';

// Rules across fields of one lesson, after the shape is right.

export type Issue = {path: FieldPath; message: string};

const duplicates = (ids: string[]): Array<[string, number]> => {
	const seen = new Set<string>();
	const found: Array<[string, number]> = [];
	ids.forEach((id, i) => {
		if (seen.has(id)) found.push([id, i]);
		seen.add(id);
	});
	return found;
};

/** Problems in one lesson; `facts` undefined skips the fact-id check (no facts.yaml to check against). */
export const validateLesson = (lesson: Lesson, facts: Facts | undefined): Issue[] => {
	const issues: Issue[] = [];

	for (const [id, i] of duplicates(lesson.goals.map(g => g.id))) issues.push({path: ['goals', i, 'id'], message: `duplicate goal id "${id}"`});

	// a goal's own check and its `unreachable` check, each with the path to it
	const goalChecks = lesson.goals.flatMap((goal, g) => [
		{check: goal.check, at: ['goals', g, 'check'] as FieldPath},
		...(goal.unreachable ? [{check: goal.unreachable.check, at: ['goals', g, 'unreachable', 'check'] as FieldPath}] : []),
	]);

	goalChecks.forEach(({check: root, at}) => {
		for (const {check, path} of checkLeaves(root)) {
			if ('query' in check && check.query !== undefined) {
				const error = jmespathError(check.query.replace(/\$\{?([A-Z][A-Z0-9_]*)\}?/g, '$1'));
				if (error) issues.push({path: [...at, ...path, 'query'], message: `Invalid jmespath expression: ${error.replace(/^Invalid jmespath expression: /, '')}`});
			}
		}
	});

	const knownVars = new Set(Object.keys(lesson.vars));
	goalChecks.forEach(({check: root, at}) => {
		for (const {check, path} of checkLeaves(root)) {
			// A shell check may also use the player's own variables: only aws checks must name lesson vars.
			if (!('aws' in check)) continue;
			for (const match of `${check.aws} ${check.query ?? ''}`.matchAll(/\$\{?([A-Z][A-Z0-9_]*)\}?/g)) {
				if (!knownVars.has(match[1])) issues.push({path: [...at, ...path, 'aws'], message: `$${match[1]} is not defined in vars`});
			}
		}
	});

	lesson.quiz.forEach((question, q) => {
		const correct = question.choices.filter(c => c.correct).length;
		if (correct !== 1) issues.push({path: ['quiz', q, 'choices'], message: `exactly one choice must be correct (found ${correct})`});
	});

	if (facts) {
		const check = (ids: string[], path: Array<string | number>) =>
			ids.forEach((id, i) => {
				if (!Object.hasOwn(facts, id)) issues.push({path: [...path, i], message: `unknown fact ${id} (not in facts.yaml)`});
			});
		check(lesson.facts, ['facts']);
		lesson.goals.forEach((goal, g) => check(goal.facts, ['goals', g, 'facts']));
		lesson.quiz.forEach((question, q) => check(question.facts, ['quiz', q, 'facts']));
	}

	return issues;
};
