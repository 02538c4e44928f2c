import {execFileSync} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {Ajv2020} from 'ajv/dist/2020.js';
import {parse} from 'yaml';
import {describe, expect, it} from 'vitest';
import {lessonJsonSchemaText} from '../../source/lessons/json-schema.js';
import {isLessonFileName} from '../../source/lessons/load.js';

describe('the lesson JSON Schema', () => {
	const file = path.resolve('lessons/lesson.schema.json');

	it('is the one generated from the lesson schema (run `npm run schema` after changing it)', () => {
		expect(fs.readFileSync(file, 'utf8')).toBe(lessonJsonSchemaText());
	});

	it('accepts every shipped lesson and rejects a misspelt field or a check of two kinds', () => {
		const validate = new Ajv2020({strict: false, allErrors: true}).compile(JSON.parse(fs.readFileSync(file, 'utf8')));
		const names = fs.readdirSync('lessons').filter(isLessonFileName);
		expect(names.length).toBeGreaterThan(5);
		for (const name of names) expect(validate(parse(fs.readFileSync(path.join('lessons', name), 'utf8'))), `${name}: ${JSON.stringify(validate.errors)}`).toBe(true);
		const lesson = parse(fs.readFileSync('lessons/01-master-image.yaml', 'utf8'));
		expect(validate({...lesson, titel: 'x'})).toBe(false);
		const twoKinds = structuredClone(lesson);
		twoKinds.goals[0].check = {aws: 'ec2 describe-images', cost: {hourlyAtMost: 0}};
		expect(validate(twoKinds)).toBe(false);
	});
});

describe('the package', {timeout: 60_000}, () => {
	it('ships LICENSE and the licences of the bundled packages', () => {
		const notices = fs.readFileSync('dist/THIRD-PARTY-NOTICES', 'utf8');
		for (const name of ['ink', 'react', 'yaml', 'zod', 'conf']) expect(notices).toMatch(new RegExp(`^${name} \\d+\\.\\d+\\.\\d+ +licence: `, 'm'));
		expect(notices).toContain('MIT License'); // a package's own text, not only its name
		expect(notices).toMatch(/port of jmespath\.py 1\.0\.1[^]*licence: MIT[^]*Copyright \(c\) James Saryerwinnie/); // the --query engine's origin
		expect(notices).not.toMatch(/^(typescript|vitest|esbuild) /m); // build tools are not bundled
		const [pack] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore']}));
		const files = pack.files.map((f: {path: string}) => f.path);
		for (const name of ['LICENSE', 'README.md', 'dist/cli.js', 'dist/THIRD-PARTY-NOTICES', 'lessons/lesson.schema.json', 'lessons/README.md']) expect(files).toContain(name);
		const manifest = JSON.parse(fs.readFileSync('package.json', 'utf8'));
		expect(manifest).toMatchObject({license: 'MIT', repository: {url: expect.stringContaining('github.com/')}, bugs: {url: expect.stringContaining('/issues')}, homepage: expect.stringContaining('https://')});
	});
});
