import {describe, expect, it} from 'vitest';
import type {Catalogue} from '../../source/cli/catalogue-types.js';
import {orderByShape} from '../../source/cli/output/order.js';
import {renderOutput} from '../../source/cli/output/render.js';

const fixture: Catalogue = {
	operations: {'describe-things': {name: 'DescribeThings', output: 'Out'}},
	shapes: {
		Out: {type: 'structure', members: [{name: 'Things', shape: 'ThingList'}]},
		ThingList: {type: 'list', member: 'Thing'},
		Thing: {type: 'structure', members: [{name: 'B', shape: 'S'}, {name: 'State', shape: 'St'}, {name: 'A', shape: 'S'}]},
		St: {type: 'structure', members: [{name: 'Code', shape: 'I'}, {name: 'Name', shape: 'S'}]},
		S: {type: 'string'},
		I: {type: 'integer'},
	},
};

describe('orderByShape', () => {
	it('orders by member order recursively, unknown keys last, undefined dropped', () => {
		const ordered = orderByShape({Things: [{Extra: 1, A: 'a', State: {Name: 'running', Code: 16}, B: 'b', Gone: undefined}]}, 'Out', fixture);
		expect(JSON.stringify(ordered)).toBe('{"Things":[{"B":"b","State":{"Code":16,"Name":"running"},"A":"a","Extra":1}]}');
	});
});

describe('renderOutput with the real catalogue', () => {
	it('orders Image keys in model order (reference 1.6)', () => {
		const result = renderOutput({Images: [{State: 'available', ImageId: 'ami-1', Name: 'n', Architecture: 'x86_64', PlatformDetails: 'Linux/UNIX'}]}, {cliName: 'describe-images', format: 'json'});
		expect(result.ok).toBe(true);
		if (result.ok) expect(Object.keys(JSON.parse(result.stdout).Images[0])).toEqual(['PlatformDetails', 'Name', 'ImageId', 'State', 'Architecture']);
	});

	it('prints nothing for operations without output, in every format', () => {
		for (const format of ['json', 'text', 'table', 'yaml', 'off'] as const) {
			expect(renderOutput(undefined, {cliName: 'create-tags', format})).toEqual(format === 'off' ? {ok: true, stdout: ''} : {ok: true, stdout: '', data: {}});
		}
	});

	it('titles tables with the model operation name', () => {
		expect(renderOutput({Images: []}, {cliName: 'describe-images', format: 'table'})).toEqual({ok: true, stdout: '----------------\n|DescribeImages|\n+--------------+\n', data: {Images: []}});
	});

	it('applies --query before formatting; a miss prints null / None', () => {
		const images = {Images: [{ImageId: 'ami-1', Name: 'My server', State: 'available'}]};
		expect(renderOutput(images, {cliName: 'describe-images', format: 'text', query: 'Images[*].[ImageId,Name,State]'})).toEqual({ok: true, stdout: 'ami-1\tMy server\tavailable\n', data: [['ami-1', 'My server', 'available']]});
		expect(renderOutput(images, {cliName: 'describe-images', format: 'json', query: 'Images[0].Nope'})).toEqual({ok: true, stdout: 'null\n', data: null});
		expect(renderOutput(images, {cliName: 'describe-images', format: 'text', query: 'Images[0].Nope'})).toEqual({ok: true, stdout: 'None\n', data: null});
	});

	it('--output off prints nothing', () => {
		expect(renderOutput({Return: true}, {cliName: 'deregister-image', format: 'off'})).toEqual({ok: true, stdout: ''});
	});

	it('yaml puts list items at the key\'s indentation', () => {
		const result = renderOutput({Images: [{ImageId: 'ami-1', State: 'available'}]}, {cliName: 'describe-images', format: 'yaml'});
		expect(result).toEqual({ok: true, stdout: 'Images:\n- ImageId: ami-1\n  State: available\n', data: {Images: [{ImageId: 'ami-1', State: 'available'}]}});
	});

	it('a formatter crash is a general error (exit 255)', () => {
		expect(renderOutput({Images: [{ImageId: 'ami-1'}]}, {cliName: 'describe-images', format: 'text', query: '[Images[0], `"x"`]'}))
			.toEqual({ok: false, exitCode: 255, stderr: '\naws: [ERROR]: \'str\' object has no attribute \'items\'\n'});
	});
});
