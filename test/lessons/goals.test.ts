import {describe, expect, it} from 'vitest';
import type {Check} from '../../source/lessons/check-schema.js';
import {allMet, evaluateCheck, evaluateGoals, type GoalContext} from '../../source/lessons/goals.js';
import {goalSchema} from '../../source/lessons/schema.js';
import type {Session} from '../../source/shell/session.js';
import {freshWorld} from '../../source/sim/core/fresh-world.js';
import {fakeDeps, fakeRunLine} from './fake-deps.js';

const world = freshWorld();
const session = (...lines: string[]): Session =>
	lines.reduce<Session>((s, line) => fakeRunLine(s, line).session, {world, region: 'us-east-1', files: {}, vars: {}, history: []});
const ctx = (s: Session, vars: Record<string, string> = {}): GoalContext => ({session: s, vars, region: 'us-east-1', deps: fakeDeps});
const met = (check: Check, s: Session, vars?: Record<string, string>) => evaluateCheck(check, ctx(s, vars));

describe('aws checks', () => {
	it('run a describe and apply the JMESPath query with JMESPath truth', () => {
		const two = session('launch ami-0123456789abcdef0 2');
		expect(met({aws: 'ec2 describe-instances', query: 'length(Reservations[].Instances[]) == `2`'}, two)).toBe(true);
		expect(met({aws: 'ec2 describe-instances', query: 'Reservations[].Instances[]'}, two)).toBe(true);
		expect(met({aws: 'ec2 describe-instances', query: 'Reservations[].Instances[]'}, session())).toBe(false); // []
		expect(met({aws: 'ec2 describe-instances', query: 'length(Reservations)'}, session())).toBe(true); // 0 is true in JMESPath
	});

	it('put the lesson vars into the query', () => {
		const two = session('launch ami-0123456789abcdef0 2');
		const check: Check = {aws: 'ec2 describe-instances', query: "Reservations[].Instances[?ImageId=='$AMI'][]"};
		expect(met(check, two, {AMI: 'ami-0123456789abcdef0'})).toBe(true);
		expect(met(check, two, {AMI: 'ami-fffffffffffffffff'})).toBe(false);
	});

	it('go to their own Region when they name one', () => {
		const two = session('launch ami-0123456789abcdef0 2');
		expect(met({aws: 'ec2 describe-instances', region: 'eu-west-1', query: 'Reservations[]'}, two)).toBe(false);
	});

	it('are not met when the command fails', () => {
		expect(met({aws: 'ec2 describe-nothing'}, session())).toBe(false);
		expect(met({aws: 'ec2 describe-instances'}, session())).toBe(true);
	});
});

describe('other checks', () => {
	it('history: some call of the player matches every field given', () => {
		const s = session('dry', 'fail');
		expect(met({history: {operation: 'CreateImage', dryRun: true, errorCode: 'DryRunOperation'}}, s)).toBe(true);
		expect(met({history: {operation: 'DescribeImages', ok: false, errorCode: 'InvalidAMIID.NotFound'}}, s)).toBe(true);
		expect(met({history: {operation: 'DescribeImages', ok: true}}, s)).toBe(false);
		expect(met({history: {region: 'eu-west-1'}}, s)).toBe(false);
	});

	it('cost: the cost meter per hour now and the bill so far', () => {
		const running = session('launch ami-0123456789abcdef0 1');
		expect(met({cost: {hourlyAtMost: 0}}, session())).toBe(true);
		expect(met({cost: {hourlyAtMost: 0}}, running)).toBe(false);
		expect(met({cost: {hourlyAtMost: 0.0154}}, running)).toBe(true); // one t3.micro and its public IPv4 address
		expect(met({cost: {hourlyAtMost: 0.0104}}, running)).toBe(false);
		expect(met({cost: {hourlyAtMost: 0}}, session('launch ami-0123456789abcdef0 1', 'terminate'))).toBe(true);
		expect(met({cost: {totalAtMost: 0}}, session('launch ami-0123456789abcdef0 1', 'echo later'))).toBe(false);
	});

	it('shell: runs on a copy of the session, with the lesson vars, and looks at exit code and output', () => {
		const s = session('set IP 3.4.5.6');
		expect(met({shell: 'echo Welcome $IP', expect: 'Welcome 3.4.5.6'}, s)).toBe(true);
		expect(met({shell: 'echo $WHO', expect: 'lesson'}, s, {WHO: 'lesson'})).toBe(true);
		expect(met({shell: 'echo Welcome', expect: 'Goodbye'}, s)).toBe(false);
		expect(met({shell: 'fail'}, s)).toBe(false);
		expect(met({shell: 'fail', exitCode: 254}, s)).toBe(true);
		expect(met({shell: 'throw'}, s)).toBe(false);
	});

	it('shell: runs at the player\'s own prompt even while they are logged in to an instance', () => {
		const local = {...fakeDeps, runLine: (s: Session, line: string) => ({...fakeDeps.runLine(s, line), exitCode: s.remote || s.remoteShell ? 127 : 0})};
		const inSsh: Session = {...session(), remote: {region: 'us-east-1', instanceId: 'i-0123456789abcdef0', user: 'ec2-user', host: '3.4.5.6'}, remoteShell: {cwd: '/home/ec2-user', vars: {}}};
		expect(evaluateCheck({shell: 'echo hi'}, {...ctx(inSsh), deps: local})).toBe(true);
	});

	it('all, any and not combine checks', () => {
		const yes: Check = {cost: {hourlyAtMost: 0}};
		const no: Check = {history: {operation: 'Nothing'}};
		const s = session();
		expect(met({all: [yes, yes]}, s)).toBe(true);
		expect(met({all: [yes, no]}, s)).toBe(false);
		expect(met({any: [no, yes]}, s)).toBe(true);
		expect(met({any: [no, no]}, s)).toBe(false);
		expect(met({not: no}, s)).toBe(true);
	});
});

describe('evaluateGoals', () => {
	const goal = (id: string, check: Check, sticky = false) => goalSchema.parse({id, text: id, check, hints: ['h'], sticky});
	const lesson = {goals: [goal('running', {not: {cost: {hourlyAtMost: 0}}}, true), goal('clean', {cost: {hourlyAtMost: 0}})]};

	it('reflects the current state, except sticky goals met before', () => {
		const after = session('launch ami-0123456789abcdef0 1', 'terminate');
		expect(evaluateGoals(lesson, ctx(after))).toEqual([
			{id: 'running', met: false},
			{id: 'clean', met: true},
		]);
		const statuses = evaluateGoals(lesson, ctx(after), new Set(['running', 'clean']));
		expect(statuses).toEqual([
			{id: 'running', met: true},
			{id: 'clean', met: true},
		]);
		expect(allMet(statuses)).toBe(true);
		expect(allMet([])).toBe(false);
	});
});
