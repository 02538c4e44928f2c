// Compile errors are checked against jmespath.py's exception texts (the CLI wraps them as
// `Bad value for --query <expr>: <error>`, ParamValidation, exit 252).
import {describe, expect, it} from 'vitest';
import {applyQuery, checkQuery, compileCheck, search} from '../../source/cli/output/query.js';

const compileError = (expression: string): string => {
	try {
		compileCheck(expression);
	} catch (error) {
		return (error as Error).message;
	}
	return 'compiled';
};

describe('--query syntax errors (jmespath.py texts)', () => {
	it('reference 1.5: an incomplete expression with the caret under the closing quote', () => {
		expect(compileError('Reservations[0')).toBe('Invalid jmespath expression: Incomplete expression:\n"Reservations[0"\n               ^');
	});

	it('the v2 >= 2.34 stderr and exit code for a bad --query', () => {
		expect(checkQuery('Reservations[0')).toEqual({
			ok: false,
			exitCode: 252,
			stderr: '\naws: [ERROR]: An error occurred (ParamValidation): Bad value for --query Reservations[0: Invalid jmespath expression: Incomplete expression:\n"Reservations[0"\n               ^\n',
		});
	});

	it('parse errors name the column, token and type', () => {
		expect(compileError('foo]')).toBe('Unexpected token: ]: Parse error at column 3, token "]" (RBRACKET), for expression:\n"foo]"\n    ^');
		expect(compileError('foo bar')).toBe('Unexpected token: bar: Parse error at column 4, token "bar" (UNQUOTED_IDENTIFIER), for expression:\n"foo bar"\n     ^');
		expect(compileError('foo.1')).toBe('Expecting: [\'quoted_identifier\', \'unquoted_identifier\', \'lbracket\', \'lbrace\'], got: number: Parse error at column 4, token "1" (NUMBER), for expression:\n"foo.1"\n     ^');
		expect(compileError('foo*')).toBe('invalid token: Parse error at column 3, token "*" (STAR), for expression:\n"foo*"\n    ^');
		expect(compileError('foo.(bar)')).toBe('Expecting: [\'quoted_identifier\', \'unquoted_identifier\', \'lbracket\', \'lbrace\'], got: lparen: Parse error at column 4, token "(" (LPAREN), for expression:\n"foo.(bar)"\n     ^');
	});

	it('lexer errors print the expression unquoted with the caret at the position', () => {
		expect(compileError('a = b')).toBe('Bad jmespath expression: Unknown token \'=\':\na = b\n  ^');
		expect(compileError('#x')).toBe('Bad jmespath expression: Unknown token #:\n#x\n^');
		expect(compileError('Images[?Name==\'golden]')).toBe('Bad jmespath expression: Unclosed \' delimiter:\nImages[?Name==\'golden]\n              ^');
	});

	it('an empty expression', () => {
		expect(compileError('')).toBe('Invalid JMESPath expression: cannot be empty.');
	});

	it('accepts the tutorial forms', () => {
		for (const expression of ['Images[*].[ImageId]', 'Images[0].State', 'Reservations[].Instances[].InstanceId', 'Images[?Name==`golden-v1`].ImageId | [0]', 'KeyMaterial', '{ID:InstanceId,Type:InstanceType,State:State.Name,AMI:ImageId}', 'sort_by(Images, &CreationDate)[-1].ImageId', 'Images[?State==\'available\' && !Public]']) {
			expect(checkQuery(expression)).toBeNull();
		}
	});
});

describe('search / applyQuery', () => {
	const doc = {Images: [{ImageId: 'ami-1', Name: 'golden-v1', State: 'available'}, {ImageId: 'ami-2', Name: 'golden-v2', State: 'pending'}]};

	it('evaluates, with null for a missing key', () => {
		expect(search(doc, 'Images[?Name==`golden-v1`].ImageId | [0]')).toBe('ami-1');
		expect(search(doc, 'Images[*].[ImageId,State]')).toEqual([['ami-1', 'available'], ['ami-2', 'pending']]);
		expect(search(doc, 'Images[0].Nope')).toBeNull();
	});

	it('a runtime error is a general error (exit 255) with jmespath.py\'s text', () => {
		expect(applyQuery(doc, 'foo(Images)')).toEqual({ok: false, exitCode: 255, stderr: '\naws: [ERROR]: Unknown function: foo()\n'});
		expect(applyQuery(doc, 'length(Images, Images)')).toEqual({ok: false, exitCode: 255, stderr: '\naws: [ERROR]: Expected 1 argument for function length(), received 2\n'});
	});
});
