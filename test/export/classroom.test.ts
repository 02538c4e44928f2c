import {describe, expect, it} from 'vitest';
import type {World} from '../../source/sim/core/types.js';
import {exportChapter, liveKinds, machine, playedWorld, uncleaned} from './harness.js';

// How a class runs an exported session: twice in a row, two learners at once in one account,
// with AWS_REGION set (and AWS_DEFAULT_REGION set to another Region), after a failure halfway.
// Each time nothing clashes, cleanup.sh leaves nothing, and what it says it deleted is true.

/** Every resource of the account's own, as "region kind id" ("instance i-…" only while not terminated). */
const owned = (world: World): Set<string> => {
	const out = new Set<string>();
	for (const [region, state] of Object.entries(world.regions)) {
		const add = (kind: string, id: string) => out.add(`${region} ${kind} ${id}`);
		for (const image of state.images.values()) if (image.OwnerId === world.account && image.State !== 'deregistered') add('image', image.ImageId);
		for (const instance of state.instances.values()) if (instance.State !== 'terminated' && instance.State !== 'shutting-down') add('instance', instance.InstanceId);
		for (const snapshot of state.snapshots.values()) if (snapshot.OwnerId === world.account) add('snapshot', snapshot.SnapshotId);
		for (const volume of state.volumes.values()) if (volume.State !== 'deleted' && !volume.Attachment) add('volume', volume.VolumeId);
		for (const group of state.securityGroups.values()) if (group.GroupName !== 'default') add('security-group', group.GroupId);
		for (const pair of state.keyPairs.values()) add('key-pair', pair.KeyName);
	}

	return out;
};

/** What cleanup.sh said it deleted (files aside), under its "== region" headings. */
const saidDeleted = (stdout: string): string[] => {
	let region = '';
	const out: string[] = [];
	for (const line of stdout.split('\n')) {
		const heading = /^== (\S+)$/.exec(line);
		if (heading) region = heading[1];
		const deleted = /^ {2}deleted (\S+) (.+)$/.exec(line);
		if (deleted && deleted[1] !== 'key-file') out.push(`${region} ${deleted[1]} ${deleted[2]}`);
	}

	return out;
};

/** cleanup.sh's report is true: it deleted exactly what was there and is now gone. */
const expectTrueReport = (before: Set<string>, after: Set<string>, stdout: string) => {
	const deleted = saidDeleted(stdout);
	const gone = [...before].filter(r => !after.has(r));
	expect(deleted.sort(), stdout).toEqual(gone.sort());
};

type Machine = ReturnType<typeof machine>;

/** Runs cleanup.sh in `dir`: it succeeds, leaves nothing of the learner's, and says "deleted" of exactly what went. */
const expectCleanedUp = (m: Machine, dir: string, env?: Record<string, string>) => {
	const before = owned(m.world());
	const cleanup = m.run(dir, 'cleanup.sh', env);
	expect(cleanup.status, cleanup.stderr).toBe(0);
	expect(liveKinds(m.world())).toEqual({});
	expectTrueReport(before, owned(m.world()), cleanup.stdout);
};

describe('an exported session in a classroom account', () => {
	it('runs twice in a row in one folder without a clash; one cleanup removes both runs, and says so truly', () => {
		const m = machine();
		const dir = m.place(exportChapter(2, uncleaned(2)));
		const first = m.run(dir, 'session.sh');
		expect(first.status, first.stderr).toBe(0);
		const second = m.run(dir, 'session.sh');
		expect(second.status, second.stderr).toBe(0);
		const once = liveKinds(playedWorld(2, uncleaned(2)));
		expect(liveKinds(m.world())).toEqual(Object.fromEntries(Object.entries(once).map(([k, n]) => [k, 2 * n])));
		expectCleanedUp(m, dir);
	}, 60_000);

	it('two learners at once in one account, with AWS_REGION beside another AWS_DEFAULT_REGION: no clash, each cleans up only their own', async () => {
		const m = machine();
		const env = {AWS_REGION: 'us-west-2', AWS_DEFAULT_REGION: 'eu-central-1'};
		const [a, b] = [m.place(exportChapter(5, uncleaned(5))), m.place(exportChapter(5, uncleaned(5)))];
		const runs = await Promise.all([m.start(a, 'session.sh', env), m.start(b, 'session.sh', env)]);
		for (const run of runs) expect(run.status, run.stderr).toBe(0);
		expect(runs[0].stdout).toContain('Region:  us-west-2');
		// the chapter's us-east-1 is the learner's Region; the copy still goes to eu-west-1
		const kinds = liveKinds(m.world());
		expect(Object.keys(kinds).every(k => k.startsWith('us-west-2 ') || k.startsWith('eu-west-1 '))).toBe(true);
		const once = liveKinds(playedWorld(5, uncleaned(5)));
		expect(Object.values(kinds).reduce((x, y) => x + y, 0)).toBe(2 * Object.values(once).reduce((x, y) => x + y, 0));
		const before = owned(m.world());
		const cleanA = m.run(a, 'cleanup.sh', env);
		expect(cleanA.status, cleanA.stderr).toBe(0);
		const middle = owned(m.world());
		expectTrueReport(before, middle, cleanA.stdout);
		// learner B's things are all still there
		expect(middle.size * 2).toBe(before.size);
		const cleanB = m.run(b, 'cleanup.sh', env);
		expect(cleanB.status, cleanB.stderr).toBe(0);
		expectTrueReport(middle, owned(m.world()), cleanB.stdout);
		expect(liveKinds(m.world())).toEqual({});
	}, 60_000);

	it('stops at a failure halfway, says to run cleanup.sh, and cleanup.sh removes what it made', () => {
		const lines = uncleaned(2);
		const probe = machine();
		expect(probe.run(probe.place(exportChapter(2, lines)), 'session.sh').status).toBe(0);
		const calls = probe.argvs().length;
		for (const failAt of [Math.floor(calls / 2)]) {
			const m = machine();
			const dir = m.place(exportChapter(2, lines));
			const session = m.run(dir, 'session.sh', {FAIL_AT: String(failAt)});
			expect(session.status).not.toBe(0);
			expect(session.stderr).toMatch(/session.sh stopped at step \d+\. What it made so far is listed in created-resources.txt: run .\/cleanup.sh to remove it/);
			expect(owned(m.world()).size).toBeGreaterThan(0);
			expectCleanedUp(m, dir);
		}
	}, 60_000);

	it('waits for an image past the CLI waiter\'s 10 minutes, and deletes snapshots one by one on a CLI without --delete-associated-snapshots', () => {
		const m = machine({oldCli: true, slowImages: 2});
		const dir = m.place(exportChapter(2));
		const session = m.run(dir, 'session.sh');
		expect(session.status, session.stderr).toBe(0);
		expect(session.stdout).toMatch(/\(image ami-[\da-f]+ is still \S+ after 1 rounds of 10 minutes: waiting on\)/);
		expect(session.stdout).toContain("(this AWS CLI has no --delete-associated-snapshots: deleting the image's snapshots one by one)");
		// the chapter's own clean-up at its end left only the key pair and the group
		expect(liveKinds(m.world())).toEqual({'us-east-1 key-pair': 1, 'us-east-1 security-group': 1});
		expect(m.argvs().some(argv => argv.includes('delete-snapshot'))).toBe(true);
	}, 60_000);

	it('refuses to start without a terminal or --yes, and without a default VPC, before making anything', () => {
		const m = machine();
		const noYes = m.run(m.place(exportChapter(1, [])), 'session.sh', {}, []);
		expect(noYes.status).toBe(1);
		expect(noYes.stderr).toContain('not run from a terminal: add --yes to go on (nothing was done)');
		expect(m.argvs().some(argv => argv.some(w => /^(create|run|import)-/.test(w)))).toBe(false);
		const bare = machine({noDefaultVpc: true});
		const noVpc = bare.run(bare.place(exportChapter(1, [])), 'session.sh');
		expect(noVpc.status).toBe(1);
		expect(noVpc.stderr).toContain('Region us-east-1 has no default VPC, which this script needs (nothing was made)');
		expect(bare.argvs().some(argv => argv.some(w => /^(create|run|import)-/.test(w)))).toBe(false);
	}, 60_000);

	it('works the same with `node dist/cli.js aws` itself as the aws on PATH', () => {
		const m = machine({real: true});
		const dir = m.place(exportChapter(1, ["IDS=$(aws ec2 run-instances --image-id $(aws ssm get-parameter --name /aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64 --query Parameter.Value --output text) --instance-type t3.micro --key-name lab-key --query 'Instances[].InstanceId' --output text)"]));
		const session = m.run(dir, 'session.sh', {AWS_DEFAULT_REGION: 'eu-west-1'});
		expect(session.status, session.stderr).toBe(0);
		expect(liveKinds(m.world())).toEqual({'eu-west-1 instance': 1, 'eu-west-1 key-pair': 1, 'eu-west-1 volume': 1});
		expectCleanedUp(m, dir, {AWS_DEFAULT_REGION: 'eu-west-1'});
	}, 60_000);
});
