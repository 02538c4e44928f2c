// `npm run schema`: writes lessons/lesson.schema.json and lessons/pack.schema.json from the zod schemas (source/lessons/json-schema.ts).
import {writeFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {lessonJsonSchemaText, packJsonSchemaText} from '../source/lessons/json-schema.js';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
writeFileSync(path.join(root, 'lessons', 'lesson.schema.json'), lessonJsonSchemaText());
writeFileSync(path.join(root, 'lessons', 'pack.schema.json'), packJsonSchemaText());
