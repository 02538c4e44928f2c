import {describe, expect, it} from 'vitest';
import {runAws} from '../../source/cli/run-aws.js';
import {shellGuest} from '../../source/shell/guest/boot.js';
import {freshWorld} from '../../source/sim/core/fresh-world.js';

// --max-items / --starting-token / --page-size as the real CLI applies them (behaviour recorded
// from aws-cli 1.45.11, whose pagination code v2 shares): the full list is fetched, then cut.
const env = {readFile: () => undefined, defaultRegion: 'us-east-1', width: 80, guest: shellGuest};
const aws = (line: string) => runAws(freshWorld(), line.split(' '), env);
const TOKEN_AFTER_2 = 'eyJOZXh0VG9rZW4iOiBudWxsLCAiYm90b190cnVuY2F0ZV9hbW91bnQiOiAyfQ==';

describe('--max-items', () => {
	const all = JSON.parse(aws('ec2 describe-images --owners amazon').stdout).Images.map((i: {ImageId: string}) => i.ImageId) as string[];

	it('cuts the list and adds the token as the last key', () => {
		const out = JSON.parse(aws('ec2 describe-images --owners amazon --max-items 2').stdout);
		expect(out.Images.map((i: {ImageId: string}) => i.ImageId)).toEqual(all.slice(0, 2));
		expect(Object.keys(out)).toEqual(['Images', 'NextToken']);
		expect(out.NextToken).toBe(TOKEN_AFTER_2);
	});

	it('goes on from a --starting-token, with no token once the list is done', () => {
		const out = JSON.parse(aws(`ec2 describe-images --owners amazon --max-items 2 --starting-token ${TOKEN_AFTER_2}`).stdout);
		expect(out.Images.map((i: {ImageId: string}) => i.ImageId)).toEqual(all.slice(2, 4));
		const rest = JSON.parse(aws(`ec2 describe-images --owners amazon --starting-token ${TOKEN_AFTER_2}`).stdout);
		expect(rest.Images.map((i: {ImageId: string}) => i.ImageId)).toEqual(all.slice(2));
		expect(rest.NextToken).toBeUndefined();
	});

	it('prints the token as its own text row, or the query applied to it', () => {
		const text = aws('ec2 describe-images --owners amazon --max-items 1 --query Images[].ImageId --output text').stdout;
		expect(text).toBe(`${all[0]}\nNone\n`);
		const plain = aws('ec2 describe-images --owners amazon --max-items 1 --output text').stdout.split('\n');
		expect(plain.at(-2)).toBe(`NEXTTOKEN\t${Buffer.from('{"NextToken": null, "boto_truncate_amount": 1}').toString('base64')}`);
	});

	it('leaves the output alone for --page-size (the CLI still fetches every page)', () => {
		expect(aws('ec2 describe-images --owners amazon --page-size 2').stdout).toBe(aws('ec2 describe-images --owners amazon').stdout);
	});
});
