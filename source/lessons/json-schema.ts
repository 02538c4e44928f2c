import {z} from 'zod';
import {CHECK_KINDS, leafSchemas, ranFields} from './check-schema.js';
import {packSchema} from './pack.js';
import {lessonSchema} from './schema.js';

// The lesson format as a JSON Schema (lessons/lesson.schema.json, and lessons/pack.schema.json for
// a pack's pack.yaml), for editors that complete and
// check YAML against a schema (the YAML language server: VS Code, Neovim, JetBrains). Derived from
// the zod schemas in schema.ts, check-schema.ts and pack.ts, descriptions included (their
// .describe(), so each field is described in one place); `npm run schema` writes the files, and a
// test fails when one is stale or a field has no description.
// It describes the shape only: `ami-school check` also checks JMESPath, fact ids and replays.

type Json = Record<string, unknown>;

const input = (schema: z.ZodType): Json => {
	const json = z.toJSONSchema(schema, {io: 'input', unrepresentable: 'any'}) as Json;
	delete json.$schema;
	return json;
};

const COMBINATOR_TEXT = {all: 'met when every one of these checks is met', any: 'met when at least one of these checks is met', not: 'met when this check is not met'};

const combinator = (kind: 'all' | 'any' | 'not'): Json => ({
	type: 'object',
	properties: {[kind]: kind === 'not' ? {$ref: '#/$defs/check', description: COMBINATOR_TEXT[kind]} : {type: 'array', minItems: 1, items: {$ref: '#/$defs/check'}, description: COMBINATOR_TEXT[kind]}},
	required: [kind],
	additionalProperties: false,
});

/** `ran`: its fields, and `after`, a check of its own. */
const ranCheck = (): Json => {
	const fields = input(ranFields);
	return {
		type: 'object',
		properties: {
			ran: {
				...fields,
				description: 'met once the learner ran something like this themselves (see lessons/README.md, "What the learner did")',
				properties: {...(fields.properties as Json), after: {$ref: '#/$defs/check', description: 'a state that must already hold when it ran'}},
			},
		},
		required: ['ran'],
		additionalProperties: false,
	};
};

export const lessonJsonSchema = (): Json => {
	const lesson = input(lessonSchema);
	// A goal's check is validated in code (by its kind); here it is spelled out for editors.
	const goals = (lesson.properties as Record<string, Json>).goals;
	((goals.items as Json).properties as Record<string, Json>).check = {$ref: '#/$defs/check', description: `exactly one of: ${CHECK_KINDS.join(', ')}`};
	return {
		$schema: 'https://json-schema.org/draft/2020-12/schema',
		$id: 'https://github.com/ami-school/ami-school/blob/main/lessons/lesson.schema.json',
		title: 'AMI School lesson',
		description: 'One chapter of AMI School (see lessons/README.md). Generated from source/lessons/schema.ts by `npm run schema`.',
		...lesson,
		$defs: {
			check: {
				oneOf: [...Object.values(leafSchemas).map(input), ranCheck(), combinator('all'), combinator('any'), combinator('not')],
			},
		},
	};
};

export const lessonJsonSchemaText = (): string => `${JSON.stringify(lessonJsonSchema(), null, '\t')}\n`;

export const packJsonSchema = (): Json => ({
	$schema: 'https://json-schema.org/draft/2020-12/schema',
	$id: 'https://github.com/ami-school/ami-school/blob/main/lessons/pack.schema.json',
	title: 'AMI School lesson pack (pack.yaml)',
	description: 'A lesson pack\'s pack.yaml (see lessons/README.md). Generated from source/lessons/pack.ts by `npm run schema`.',
	...input(packSchema),
});

export const packJsonSchemaText = (): string => `${JSON.stringify(packJsonSchema(), null, '\t')}\n`;
