import {z} from 'zod';
import {CHECK_KINDS, leafSchemas, ranFields} from './check-schema.js';
import {lessonSchema} from './schema.js';

// The lesson format as a JSON Schema (lessons/lesson.schema.json), for editors that complete and
// check YAML against a schema (the YAML language server: VS Code, Neovim, JetBrains). Derived from
// the zod schema in schema.ts; `npm run schema` writes the file, and a test fails when it is stale.
// It describes the shape only: `ami-school check` also checks JMESPath, fact ids and replays.

type Json = Record<string, unknown>;

const input = (schema: z.ZodType): Json => {
	const json = z.toJSONSchema(schema, {io: 'input', unrepresentable: 'any'}) as Json;
	delete json.$schema;
	return json;
};

const combinator = (kind: 'all' | 'any' | 'not'): Json => ({
	type: 'object',
	properties: {[kind]: kind === 'not' ? {$ref: '#/$defs/check'} : {type: 'array', minItems: 1, items: {$ref: '#/$defs/check'}}},
	required: [kind],
	additionalProperties: false,
});

/** `ran`: its fields, and `after`, a check of its own. */
const ranCheck = (): Json => {
	const fields = input(ranFields);
	return {
		type: 'object',
		properties: {ran: {...fields, properties: {...(fields.properties as Json), after: {$ref: '#/$defs/check'}}}},
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
