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

/** Near misses: ids unique in the lesson, each said by some wrong attempt (check replays them), none named in vain. */
const nearMissIssues = (lesson: Lesson): Issue[] => {
	const issues: Issue[] = [];
	const misses = lesson.goals.flatMap((goal, g) => goal.nearMisses.map((miss, m) => ({id: miss.id, path: ['goals', g, 'nearMisses', m, 'id'] as FieldPath})));
	for (const [id, i] of duplicates(misses.map(m => m.id))) issues.push({path: misses[i].path, message: `duplicate near miss id "${id}"`});
	const named = new Set(lesson.wrong.flatMap(w => w.says));
	for (const miss of misses) if (!named.has(miss.id)) issues.push({path: miss.path, message: `near miss "${miss.id}" is said by no wrong attempt: add one whose says: lists it, so that check replays it`});
	lesson.goals.forEach((goal, g) =>
		goal.nearMisses.forEach((miss, m) => {
			for (const match of miss.say.matchAll(/\$\{?([A-Z][A-Z0-9_]*)\}?/g)) {
				if (!Object.hasOwn(lesson.vars, match[1])) issues.push({path: ['goals', g, 'nearMisses', m, 'say'], message: `$${match[1]} is not defined in vars`});
			}
		}),
	);
	lesson.wrong.forEach((attempt, w) =>
		attempt.says.forEach((id, i) => {
			const lost = lesson.goals.some(g => g.id === id && g.unreachable);
			if (!lost && !misses.some(m => m.id === id)) issues.push({path: ['wrong', w, 'says', i], message: `no near miss "${id}" in this lesson (nor a goal with unreachable: of that id)`});
		}),
	);
	return issues;
};

/** Problems in one lesson; `facts` undefined skips the fact-id check (no facts.yaml to check against). */
export const validateLesson = (lesson: Lesson, facts: Facts | undefined): Issue[] => {
	const issues: Issue[] = [];

	for (const [id, i] of duplicates(lesson.goals.map(g => g.id))) issues.push({path: ['goals', i, 'id'], message: `duplicate goal id "${id}"`});

	// a goal's own check, its `unreachable` check and its near misses' `when`, each with the path to it
	const goalChecks = lesson.goals.flatMap((goal, g) => [
		{check: goal.check, at: ['goals', g, 'check'] as FieldPath},
		...(goal.unreachable ? [{check: goal.unreachable.check, at: ['goals', g, 'unreachable', 'check'] as FieldPath}] : []),
		...goal.nearMisses.map((miss, m) => ({check: miss.when, at: ['goals', g, 'nearMisses', m, 'when'] as FieldPath})),
		// a near miss's `found` is a value source: checked as the `names` of a ran check would be
		...goal.nearMisses.flatMap((miss, m) => (miss.found === undefined ? [] : [{check: {ran: {names: miss.found}}, at: ['goals', g, 'nearMisses', m, 'found'] as FieldPath}])),
	]);

	issues.push(...nearMissIssues(lesson));

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
