import {Table} from '../../source/sim/core/table.js';
import type {AwsRunner, LessonDeps, LineRunner} from '../../source/lessons/deps.js';
import type {ApiCall, LineResult, Session} from '../../source/shell/session.js';
import type {Instance, World} from '../../source/sim/core/types.js';

// A tiny stand-in for the shell and the CLI, so the lesson engine is tested on its own:
//   launch <image> [count]   a running, billed instance per count (RunInstances)
//   terminate                terminates every instance (TerminateInstances), billing stops
//   fail                     an API error (InvalidAMIID.NotFound), exit 254
//   dry                      a --dry-run that answers DryRunOperation, exit 254
//   find                     AMI=<the newest Amazon Linux 2023 x86_64 AMI> (DescribeImages)
//   set NAME VALUE           a shell variable
//   echo WORDS               prints
//   open "                   an incomplete line (an open quote) until a line with a closing "
// runAws answers `ec2 describe-instances` (JSON of the Region's instances) and `ec2 describe-images`.

const instance = (id: string, imageId: string, now: number): Instance =>
	({InstanceId: id, ImageId: imageId, State: 'running', InstanceType: 't3.micro', billing: {billedMs: 0, since: now}, volumes: [], Tags: []}) as unknown as Instance;

const withRegion = (world: World, region: string, change: (instances: Record<string, Instance>) => Record<string, Instance>): World => ({
	...world,
	regions: {...world.regions, [region]: {...world.regions[region], instances: Table.from(change(world.regions[region].instances.toJSON()))}},
});

const newestAl2023 = (world: World, region: string): string => {
	const latest = world.regions[region].images.values().filter(i => i.Name.startsWith('al2023-ami-2023.') && i.Name.endsWith('x86_64') && i.ImageOwnerAlias === 'amazon');
	latest.sort((a, b) => a.CreationDate - b.CreationDate);
	return latest.at(-1)?.ImageId ?? 'None';
};

export const fakeRunLine: LineRunner = (session, line): LineResult => {
	const words = line
		.trim()
		.replace(/\$([A-Z]+)/g, (_, name: string) => session.vars[name] ?? '')
		.split(/\s+/);
	const done = (next: Session, stdout: string, exitCode: number, calls: ApiCall[], stderr = ''): LineResult => {
		const world = {...next.world, clock: next.world.clock + 10_000};
		return {session: {...next, world, history: [...next.history, {line, exitCode, calls}]}, stdout, stderr, exitCode};
	};

	const call = (operation: string, ok: boolean, extra: Partial<ApiCall> = {}): ApiCall => ({operation, region: session.region, ok, dryRun: false, ...extra});
	if ((line.match(/"/g) ?? []).length % 2 === 1) return {session, stdout: '', stderr: '', exitCode: 0, incomplete: true};
	switch (words[0]) {
		case 'launch': {
			const count = Number(words[2] ?? '1');
			let world = session.world;
			const ids: string[] = [];
			for (let i = 0; i < count; i++) {
				const id = `i-${String(world.idCounter + 1).padStart(17, '0')}`;
				ids.push(id);
				world = withRegion({...world, idCounter: world.idCounter + 1}, session.region, all => ({...all, [id]: instance(id, words[1], world.clock)}));
			}

			return done({...session, world}, `${ids.join('\t')}\n`, 0, [call('RunInstances', true)]);
		}

		case 'find': {
			const id = newestAl2023(session.world, session.region);
			return done({...session, vars: {...session.vars, AMI: id}}, `${id}\n`, 0, [call('DescribeImages', true)]);
		}

		case 'terminate': {
			const world = withRegion(session.world, session.region, all =>
				Object.fromEntries(Object.entries(all).map(([id, i]) => [id, {...i, State: 'terminated', billing: {billedMs: 0}} as Instance])),
			);
			return done({...session, world}, '', 0, [call('TerminateInstances', true)]);
		}

		case 'fail':
			return done(session, '', 254, [call('DescribeImages', false, {errorCode: 'InvalidAMIID.NotFound'})], '\naws: [ERROR]: An error occurred (InvalidAMIID.NotFound)\n');
		case 'dry':
			return done(session, '', 254, [call('CreateImage', false, {dryRun: true, errorCode: 'DryRunOperation'})], '\naws: [ERROR]: An error occurred (DryRunOperation)\n');
		case 'set':
			return done({...session, vars: {...session.vars, [words[1]]: words[2]}}, '', 0, []);
		case 'echo':
			return done(session, `${words.slice(1).join(' ')}\n`, 0, []);
		case 'throw':
			throw new Error('boom');
		default:
			return done(session, '', 127, [], `bash: ${words[0]}: command not found\n`);
	}
};

export const fakeRunAws: AwsRunner = (world, args, env) => {
	const region = args.includes('--region') ? args[args.indexOf('--region') + 1] : env.defaultRegion;
	if (args[0] === 'ec2' && args[1] === 'describe-instances') {
		const state = world.regions[region];
		const instances = state.instances.values().map(i => ({InstanceId: i.InstanceId, ImageId: i.ImageId, State: {Name: i.State}}));
		const data = {Reservations: instances.length ? [{Instances: instances}] : []};
		return {world, stdout: JSON.stringify(data), stderr: '', exitCode: 0, calls: [], answer: {ok: true, output: data, data}};
	}

	if (args[0] === 'ec2' && args[1] === 'describe-images') {
		const id = newestAl2023(world, region);
		return {world, stdout: `${id}\n`, stderr: '', exitCode: 0, calls: [], answer: {ok: true, output: undefined, data: id}};
	}

	return {world, stdout: '', stderr: 'unsupported\n', exitCode: 252, calls: [], answer: {ok: false}};
};

export const fakeDeps: LessonDeps = {runLine: fakeRunLine, runAws: fakeRunAws};
