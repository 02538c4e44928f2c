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

	const jmespath = (expression: string, path: FieldPath) => {
		const error = jmespathError(expression.replace(/\$\{?([A-Z][A-Z0-9_]*)\}?/g, '$1'));
		if (error) issues.push({path, message: `Invalid jmespath expression: ${error.replace(/^Invalid jmespath expression: /, '')}`});
	};

	goalChecks.forEach(({check: root, at: base}) => {
		for (const {check, path} of checkLeaves(root)) {
			const at = [...base, ...path];
			if ('query' in check && check.query !== undefined) jmespath(check.query, [...at, 'query']);
			if ('serves' in check && typeof check.serves.image === 'object' && !Array.isArray(check.serves.image)) jmespath(check.serves.image.query, [...at, 'serves', 'image', 'query']);
			if (!('ran' in check)) continue;
			for (const field of ['instance', 'image'] as const) if (check.ran[field] !== undefined) jmespath(check.ran[field], [...at, 'ran', field]);
			for (const field of ['names', 'shows', 'about', 'confirms'] as const) {
				const source = check.ran[field];
				if (source !== undefined && typeof source === 'object' && !Array.isArray(source)) jmespath(source.query, [...at, 'ran', field, 'query']);
			}
		}
	});

	const knownVars = new Set(Object.keys(lesson.vars));
	goalChecks.forEach(({check: root, at: base}) => {
		for (const {check, path} of checkLeaves(root)) {
			// A shell check may also use the player's own variables: aws and ran checks must name lesson vars.
			const texts: Array<[string, FieldPath]> = [];
			if ('aws' in check) texts.push([`${check.aws} ${check.query ?? ''}`, [...path, 'aws']]);
			if ('serves' in check) {
				const {image} = check.serves;
				texts.push([typeof image === 'string' ? image : Array.isArray(image) ? image.join(' ') : `${image.aws} ${image.query}`, [...path, 'serves', 'image']]);
			}
			if ('ran' in check) {
				for (const field of ['names', 'shows', 'about', 'confirms', 'instance', 'image'] as const) {
					const value = check.ran[field];
					if (value === undefined) continue;
					const text = typeof value === 'string' ? value : Array.isArray(value) ? value.join(' ') : `${value.aws} ${value.query}`;
					texts.push([text, [...path, 'ran', field]]);
				}
			}

			for (const [text, at] of texts) {
				for (const match of text.matchAll(/\$\{?([A-Z][A-Z0-9_]*)\}?/g)) {
					if (!knownVars.has(match[1])) issues.push({path: [...base, ...at], message: `$${match[1]} is not defined in vars`});
				}
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
