import fs from 'node:fs';
import {Ajv2020} from 'ajv/dist/2020.js';
import {describe, expect, it} from 'vitest';
import {lessonJsonSchemaText, packJsonSchemaText} from '../../source/lessons/json-schema.js';
import {packSchema} from '../../source/lessons/pack.js';
import {goalSchema} from '../../source/lessons/schema.js';

// The JSON Schemas an author's editor reads: lessons/lesson.schema.json and lessons/pack.schema.json,
// generated from the zod schemas (`npm run schema`), every field described, the descriptions taken
// from the zod schemas' own .describe() so that each is written once.

type Json = {[key: string]: unknown};

/** Every property of a JSON Schema, with its path, wherever it is (nested, in items, in $defs). */
const properties = (schema: Json): Array<{path: string; value: Json}> => {
	const found: Array<{path: string; value: Json}> = [];
	const walk = (node: unknown, at: string) => {
		if (node === null || typeof node !== 'object') return;
		if (Array.isArray(node)) return node.forEach((child, i) => walk(child, `${at}[${i}]`));
		for (const [key, child] of Object.entries(node as Json)) {
			if (key === 'properties') for (const [name, value] of Object.entries(child as Json)) found.push({path: `${at}.${name}`, value: value as Json}), walk(value, `${at}.${name}`);
			else walk(child, `${at}/${key}`);
		}
	};

	walk(schema, '');
	return found;
};

const files = {lesson: ['lessons/lesson.schema.json', lessonJsonSchemaText], pack: ['lessons/pack.schema.json', packJsonSchemaText]} as const;

describe('the JSON Schemas of lessons and packs', () => {
	it.each(Object.entries(files))('%s: the file is the generated one (run `npm run schema` after changing a schema)', (_name, [file, text]) => {
		expect(fs.readFileSync(file, 'utf8')).toBe(text());
	});

	it.each(Object.entries(files))('%s: every field has a description', (_name, [, text]) => {
		const all = properties(JSON.parse(text()) as Json);
		expect(all.length).toBeGreaterThan(2);
		expect(all.filter(p => typeof p.value.description !== 'string' || p.value.description === '').map(p => p.path)).toEqual([]);
	});

	it('descriptions come from the zod schemas, written once', () => {
		const lesson = JSON.parse(lessonJsonSchemaText()) as {properties: {goals: {items: {properties: {points: {description: string}}}}}};
		expect(lesson.properties.goals.items.properties.points.description).toBe(goalSchema.shape.points.description);
		expect((JSON.parse(packJsonSchemaText()) as {properties: {mode: {description: string}}}).properties.mode.description).toBe(packSchema.shape.mode.description);
	});

	it('the pack schema accepts a pack.yaml and rejects a misspelt field or an unknown mode', () => {
		const validate = new Ajv2020({strict: false, allErrors: true}).compile(JSON.parse(packJsonSchemaText()));
		expect(validate({id: 'spring-2026', name: 'Spring workshop', mode: 'add'})).toBe(true);
		expect(validate({id: 'spring-2026', nmae: 'Spring workshop', mode: 'add'})).toBe(false);
		expect(validate({id: 'spring-2026', name: 'x', mode: 'append'})).toBe(false);
	});
});
