// The tokenizer against what bash does with the same line (each expectation is bash's own
// word splitting: `printf '<%s>' <line>`), plus the scanner's operators and expansions.
import {describe, expect, it} from 'vitest';
import {scan, tokenize} from '../../source/cli/tokenize.js';

const words = (line: string): string[] => {
	const result = tokenize(line);
	if (!result.ok) {
		throw new Error(`incomplete: ${result.reason}`);
	}

	return result.tokens;
};

describe('tokenize (bash word splitting)', () => {
	it('quotes and escapes', () => {
		expect(words('aws ec2 create-image --name "My server (v1)" --description \'it\'\'s ok\'')).toEqual(['aws', 'ec2', 'create-image', '--name', 'My server (v1)', '--description', 'its ok']);
		expect(words('a\\ b "c\\"d" \'e\\f\' "g\\h" "\\$x"')).toEqual(['a b', 'c"d', 'e\\f', 'g\\h', '$x']);
		expect(words('--filters "Name=tag:Name,Values=web server" x""y \'\' ""')).toEqual(['--filters', 'Name=tag:Name,Values=web server', 'xy', '', '']);
	});

	it('line continuation and comments', () => {
		expect(words('aws ec2 run-instances \\\n  --image-id ami-1 # launch it')).toEqual(['aws', 'ec2', 'run-instances', '--image-id', 'ami-1']);
		expect(words('echo a#b')).toEqual(['echo', 'a#b']);
		expect(words('"a\\\nb"')).toEqual(['ab']);
	});

	it('JSON survives single quotes', () => {
		expect(words('--block-device-mappings \'[{"DeviceName":"/dev/xvda","Ebs":{"VolumeSize":30}}]\'')[1]).toBe('[{"DeviceName":"/dev/xvda","Ebs":{"VolumeSize":30}}]');
	});

	it('asks for more input instead of failing', () => {
		expect(tokenize('aws ec2 create-image --name "abc')).toEqual({ok: false, incomplete: true, reason: 'double-quote'});
		expect(tokenize('echo \'abc')).toEqual({ok: false, incomplete: true, reason: 'single-quote'});
		expect(tokenize('aws ec2 \\')).toEqual({ok: false, incomplete: true, reason: 'backslash'});
		expect(tokenize('echo $(date')).toEqual({ok: false, incomplete: true, reason: 'command-substitution'});
		expect(tokenize('aws ec2 describe-images |')).toEqual({ok: false, incomplete: true, reason: 'operator'});
	});
});

describe('scan (for the shell)', () => {
	it('reports operators with file descriptors', () => {
		const result = scan('aws ec2 describe-images 2>/dev/null | head > out.txt && echo ok; cat >> log');
		expect(result.ok).toBe(true);
		const ops = result.ok ? result.tokens.filter(t => t.kind === 'operator').map(t => (t.kind === 'operator' ? `${t.fd ?? ''}${t.op}` : '')) : [];
		expect(ops).toEqual(['2>', '|', '>', '&&', ';', '>>']);
	});

	it('marks expansions and how they were quoted', () => {
		const result = scan('echo "$HOME/x" \'$HOME\' $(aws ec2 describe-images --query "Images[0]") ${ID}');
		if (!result.ok) {
			throw new Error('incomplete');
		}

		const [, a, b, c, d] = result.tokens;
		expect(a.kind === 'word' && a.parts).toEqual([{kind: 'variable', name: 'HOME', raw: '$HOME', quote: 'double'}, {kind: 'literal', text: '/x', quote: 'double'}]);
		expect(b.kind === 'word' && b.parts).toEqual([{kind: 'literal', text: '$HOME', quote: 'single'}]);
		expect(c.kind === 'word' && c.parts[0]).toEqual({kind: 'command', source: 'aws ec2 describe-images --query "Images[0]"', raw: '$(aws ec2 describe-images --query "Images[0]")', quote: 'none'});
		expect(d.kind === 'word' && d.parts[0]).toMatchObject({kind: 'variable', name: 'ID'});
	});
});
