import {describe, expect, it} from 'vitest';
import fc from 'fast-check';
import {parseLine, type SimpleCommand} from '../../source/shell/parse-line.js';

const first = (r: ReturnType<typeof parseLine>) => (r.ok ? (r.list[0].first.commands[0] as SimpleCommand) : undefined);

describe('parseLine', () => {
	it('splits lists, and-or chains and pipelines', () => {
		const r = parseLine('a && b || c; d | e');
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(r.list).toHaveLength(2);
		expect(r.list[0].rest.map(x => x.op)).toEqual(['&&', '||']);
		expect(r.list[1].first.commands).toHaveLength(2);
	});

	it('answers incomplete for open quotes, trailing backslash, operators, $( and here-documents', () => {
		for (const line of ['echo "abc', "echo 'x", 'echo x \\', 'a &&', 'a |', 'echo $(date', 'cat <<EOF\nline']) {
			expect(parseLine(line)).toEqual({ok: false, incomplete: true});
		}
	});

	it('reports bash syntax errors', () => {
		expect(parseLine('&& ls')).toEqual({ok: false, error: "syntax error near unexpected token `&&'"});
		expect(parseLine('ls ;;')).toEqual({ok: false, error: "syntax error near unexpected token `;;'"});
		expect(parseLine('echo >')).toEqual({ok: false, error: "syntax error near unexpected token `newline'"});
	});

	it('recognises assignments only before the command word', () => {
		const r = parseLine('A=1 B=$(x) cmd C=2');
		expect(first(r)?.assigns.map(a => a.name)).toEqual(['A', 'B']);
		expect(first(r)?.words).toHaveLength(2);
	});

	it('reads redirections with file descriptors', () => {
		const r = parseLine('cmd > out 2>&1 2>> err < in');
		const redirects = first(r)?.redirects ?? [];
		expect(redirects.map(x => [x.fd, x.op])).toEqual([[1, '>'], [2, '>&'], [2, '>>'], [0, '<']]);
	});

	it('treats # as a comment only at a word start', () => {
		const r = parseLine('echo a#b # comment');
		expect(first(r)?.words).toHaveLength(2);
	});

	it('never throws on hostile input', () => {
		fc.assert(
			fc.property(fc.string({maxLength: 300}), s => {
				const r = parseLine(s);
				expect(typeof r.ok).toBe('boolean');
			}),
			{numRuns: 500},
		);
		expect(parseLine('$('.repeat(2000)).ok).toBe(false);
	});
});
