import {describe, expect, it} from 'vitest';
import {defaultLessonsDir} from '../../source/lessons/load.js';
import {createGame} from '../../source/game/entry.js';
import {worldText} from '../../source/game/world-view.js';

// The world in view: the learner's resources with state, Region and Name, and what the last line changed.

const game = createGame({lessonsDir: defaultLessonsDir()});

const run = (state: ReturnType<typeof game.newGame>, line: string) => {
	const before = state.play;
	const next = game.submit(state, line).state;
	return {state: next, view: game.world(next, before)};
};

const LAUNCH = "aws ec2 run-instances --image-id $(aws ec2 describe-images --owners amazon --filters 'Name=name,Values=al2023-ami-2023.*-x86_64' --query 'Images[0].ImageId' --output text) --instance-type t3.micro --tag-specifications 'ResourceType=instance,Tags=[{Key=Name,Value=lab-pc}]' --query 'Instances[0].InstanceId' --output text";

describe('the world view', () => {
	it('lists the key pair a chapter starts with, and no default security group or public image', () => {
		const view = game.world(game.newGame(game.start('master-image')));
		expect(view.region).toBe('us-east-1');
		expect(view.rows).toEqual([expect.objectContaining({kind: 'key-pair', name: 'lab-key', region: 'us-east-1'})]);
	});

	it('marks what one line changed: a launch is new, a terminate changes the state, the next line marks nothing', () => {
		let state = game.newGame(game.sandbox());
		let step = run(state, LAUNCH);
		const instance = step.view.rows.find(r => r.kind === 'instance')!;
		expect(instance).toMatchObject({state: 'pending', name: 'lab-pc', change: 'new'});
		expect(step.view.rows.filter(r => r.kind === 'volume')).toEqual([expect.objectContaining({state: 'in-use', change: 'new'})]);
		state = step.state;
		step = run(state, `aws ec2 terminate-instances --instance-ids ${instance.id}`);
		expect(step.view.rows.find(r => r.id === instance.id)).toMatchObject({change: 'changed', state: 'shutting-down'});
		step = run(step.state, 'echo nothing');
		expect(step.view.rows.some(r => r.change)).toBe(false);
	});

	it('keeps a resource that went for one line, marked gone; `world` prints the view by Region and kind', () => {
		let state = game.newGame(game.sandbox());
		state = run(state, 'aws ec2 create-key-pair --key-name spare --query KeyPairId --output text').state;
		const step = run(state, 'aws ec2 delete-key-pair --key-name spare');
		expect(step.view.rows).toContainEqual(expect.objectContaining({kind: 'key-pair', name: 'spare', change: 'gone'}));
		expect(worldText(step.view)).toMatch(/^us-east-1 \(the shell is here\)\n {2}Key pairs\n {2}- key-[0-9a-f]{17} gone spare\n\(\+ new, \* changed, - gone: by the last command\)$/);
		const printed = game.submit(run(state, LAUNCH).state, 'world').events;
		expect(printed).toEqual([{type: 'printed', kind: 'info', text: expect.stringMatching(/Instances\n {4}i-[0-9a-f]{17} pending lab-pc\n {2}Volumes\n/)}]);
	});

	it('lists the shell\'s Region first, then the others', () => {
		const state = game.newGame(game.start('master-image'));
		const {view} = run(state, 'aws ec2 create-key-pair --region eu-west-1 --key-name far --query KeyPairId --output text');
		expect(view.rows.map(r => [r.region, r.name, r.change])).toEqual([
			['us-east-1', 'lab-key', undefined],
			['eu-west-1', 'far', 'new'],
		]);
	});
});
