// Hostile input never throws; every parse failure is a CLI-style error.
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {parseAws} from '../../source/cli/parse.js';
import {parseShorthand, ShorthandParseError} from '../../source/cli/shorthand.js';
import {parseLine} from '../../source/shell/parse-line.js';
import {commandWords} from '../helpers/words.js';

const env = {readFile: (path: string) => (path === 'x' ? 'data' : undefined)};
const pieces = ['aws', 'ec2', 'describe-images', 'run-instances', 'create-image', 'create-tags', 'authorize-security-group-ingress', 'wait', 'image-available', 'help', '--image-ids', '--tags', '--filters', '--count', '--port', '--protocol', '--name', '--instance-id', '--no-reboot', '--dry-run', '--output', '--region', '--query', '--block-device-mappings', '--user-data', '--max-results', 'file://x', 'fileb://x', 'file://nope', 'Key=a,Value=b', 'Name=x,Values=a,b', '{"a":', '[{"Key":"k"}]', 'Ebs={VolumeSize=99999999999999999999999}', '1:2', '-1', '--', '=', '"', '\'', '\\', '\u0000', '😀', 'a'.repeat(300)];

const checkResult = (args: string[]): void => {
	const result = parseAws(args, env);
	expect(['call', 'wait', 'help', 'error', 'not-simulated', 'unsupported-service']).toContain(result.kind);
	if (result.kind === 'error') {
		expect(result.stderr.startsWith('\n')).toBe(true);
		expect(result.stderr).toContain('aws: [ERROR]: ');
		expect([252, 255]).toContain(result.exitCode);
	}
};

describe('never throws', () => {
	it('parseAws on random argument lists', () => {
		fc.assert(fc.property(fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string(), fc.string({unit: 'grapheme'})), {maxLength: 12}), args => {
			checkResult(['ec2', ...args]);
			checkResult(args);
		}), {numRuns: 3000});
	});

	it('the shell\'s line parser on random lines', () => {
		fc.assert(fc.property(fc.string({unit: fc.constantFrom('a', ' ', '"', '\'', '\\', '\n', '$', '(', ')', '`', '|', '&', '>', '<', ';', '#', '{', '}', '2')}), line => {
			const result = parseLine(line);
			expect(typeof result.ok).toBe('boolean');
		}), {numRuns: 5000});
	});

	it('shorthand only throws its own error', () => {
		fc.assert(fc.property(fc.string({unit: fc.constantFrom('a', 'K', '=', ',', '[', ']', '{', '}', '"', '\'', ' ', '\\', '@', '1')}), input => {
			try {
				parseShorthand(input);
			} catch (error) {
				expect(error).toBeInstanceOf(ShorthandParseError);
			}
		}), {numRuns: 5000});
	});

	it('stays linear on 100 KB input', () => {
		const big = `aws ec2 create-tags --resources i-1 --tags ${'Key=a,Value=b '.repeat(7000)} "${'x'.repeat(100_000)}`;
		const start = performance.now();
		expect(parseLine(big)).toEqual({ok: false, incomplete: true});
		checkResult(commandWords(`${big}"`).slice(1));

		checkResult(['ec2', 'describe-images', '--filters', `Name=x,Values=${'a,'.repeat(50_000)}b`]);
		checkResult(['ec2', 'describe-images', '--filters', `[${'{"Name":"a"},'.repeat(8000)}{}]`]);
		checkResult(['ec2', 'run-instances', '--count', '9'.repeat(100_000)]);
		expect(performance.now() - start).toBeLessThan(5000);
	});
});
