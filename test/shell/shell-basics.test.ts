import {describe, expect, it, vi} from 'vitest';
import {newSession, run} from './fixtures.js';
import {runLine} from '../../source/shell/run-line.js';

vi.mock('../../source/cli/run-aws.js', () => ({
	runAws: (world: unknown, args: string[], env: {defaultRegion: string; envRegion?: string; readFile(p: string): string | undefined}) => {
		const region = env.envRegion ?? env.defaultRegion;
		if (args[0] === 'fail') return {world, stdout: '', stderr: '\naws: [ERROR]: An error occurred (InvalidAMIID.NotFound) when calling the DescribeImages operation: nope\n', exitCode: 254, calls: [{operation: 'DescribeImages', region, ok: false, errorCode: 'InvalidAMIID.NotFound', dryRun: false}]};
		if (args[0] === 'read') return {world, stdout: `${env.readFile(args[1]) ?? 'MISSING'}\n`, stderr: '', exitCode: 0, calls: []};
		return {world, stdout: `${region} ${args.join(' ')}\n`, stderr: '', exitCode: 0, calls: [{operation: 'DescribeImages', region, ok: true, dryRun: false}]};
	},
}));

const s0 = newSession();

describe('variables and expansion', () => {
	it('assigns, expands $NAME and ${NAME}, not inside single quotes', () => {
		const r = run(s0, 'AMI=ami-0abc', 'echo $AMI "${AMI}-x" \'$AMI\'');
		expect(r.stdout).toBe('ami-0abc ami-0abc-x $AMI\n');
		expect(r.session.vars.AMI).toBe('ami-0abc');
	});

	it('command substitution strips trailing newlines and keeps world changes', () => {
		const r = run(s0, 'X=$(aws ec2 describe-images)', 'echo "[$X]"');
		expect(r.stdout).toBe('[us-east-1 ec2 describe-images]\n');
		expect(r.session.history[0].calls).toHaveLength(1);
	});

	it('$? is the exit code of the previous command', () => {
		expect(run(s0, 'false', 'echo $?').stdout).toBe('1\n');
		expect(run(s0, 'nosuch', 'echo $?').stdout).toBe('127\n');
	});

	it('unquoted expansions are split into fields, quoted ones are not', () => {
		expect(run(s0, 'X="a   b"', 'printf "<%s>" $X "$X"').stdout).toBe('<a><b><a   b>');
	});

	it('${VAR:-default}', () => {
		expect(run(s0, 'echo ${NOPE:-fallback}').stdout).toBe('fallback\n');
	});

	it('unknown commands: bash: foo: command not found, exit 127', () => {
		const r = runLine(s0, 'foo --bar');
		expect(r.stderr).toBe('bash: foo: command not found\n');
		expect(r.exitCode).toBe(127);
	});
});

describe('sequencing', () => {
	it('&& and || short-circuit, ; runs everything', () => {
		expect(run(s0, 'false && echo no || echo yes; echo end').stdout).toBe('yes\nend\n');
	});

	it('a syntax error prints bash text and exits 2', () => {
		const r = runLine(s0, 'echo a && && b');
		expect(r.stderr).toBe("bash: syntax error near unexpected token `&&'\n");
		expect(r.exitCode).toBe(2);
	});

	it('an incomplete line changes nothing and asks for more', () => {
		const r = runLine(s0, 'echo "abc');
		expect(r.incomplete).toBe(true);
		expect(r.session).toBe(s0);
	});
});

describe('files and redirection', () => {
	it('> creates, >> appends, cat reads, 2> captures stderr', () => {
		const r = run(s0, 'echo one > f.txt', 'echo two >> f.txt', 'cat nothere 2> err.txt', 'cat f.txt err.txt');
		expect(r.stdout).toBe('one\ntwo\ncat: nothere: No such file or directory\n');
	});

	it('2>&1 sends errors down the pipe; /dev/null swallows', () => {
		expect(run(s0, 'cat nope 2>&1 | wc -l').stdout).toBe('1\n');
		expect(run(s0, 'cat nope 2>/dev/null').stderr).toBe('');
	});

	it('new files are 0644; chmod 400 makes them -r--------', () => {
		const r = run(s0, 'echo k > key.pem', 'ls -l key.pem', 'chmod 400 key.pem', 'ls -l key.pem');
		expect(r.all[1].stdout).toMatch(/^-rw-r--r-- /);
		expect(r.stdout).toMatch(/^-r-------- 1 student student/);
		expect(r.session.fileModes?.['key.pem']).toBe(0o400);
	});

	it('chmod errors like coreutils', () => {
		expect(runLine(s0, 'chmod 400 nope.pem').stderr).toBe("chmod: cannot access 'nope.pem': No such file or directory\n");
		expect(runLine(s0, 'chmod').stderr).toBe("chmod: missing operand\nTry 'chmod --help' for more information.\n");
	});

	it('rm, ls errors', () => {
		const r = run(s0, 'touch a b', 'rm a', 'ls');
		expect(r.stdout).toBe('b\n');
		expect(runLine(s0, 'rm x').stderr).toBe("rm: cannot remove 'x': No such file or directory\n");
		expect(runLine(s0, 'ls x').stderr).toBe("ls: cannot access 'x': No such file or directory\n");
		expect(runLine(s0, 'ls x').exitCode).toBe(2);
	});

	it('writing outside home is denied; directories need to exist', () => {
		expect(runLine(s0, 'echo x > /etc/hosts').stderr).toBe('bash: /etc/hosts: Permission denied\n');
		expect(runLine(s0, 'echo x > nodir/f').stderr).toBe('bash: nodir/f: No such file or directory\n');
	});

	it('here-documents write scripts', () => {
		const r = run(s0, "cat > userdata.sh <<'EOF'\n#!/bin/bash\necho $HOME\nEOF", 'cat userdata.sh');
		expect(r.stdout).toBe('#!/bin/bash\necho $HOME\n');
	});

	it('aws reads file:// paths from the virtual files', () => {
		expect(run(s0, 'echo hi > u.sh', 'aws read u.sh').stdout).toBe('hi\n\n');
	});

	it('base64 round trip', () => {
		expect(run(s0, 'echo -n hello | base64').stdout).toBe('aGVsbG8=\n');
		expect(run(s0, 'echo aGVsbG8= | base64 -d').stdout).toBe('hello');
	});

	it('pipes into head, grep, wc', () => {
		expect(run(s0, 'printf "a\\nb\\nc\\n" | head -n 2').stdout).toBe('a\nb\n');
		expect(run(s0, 'printf "ami-1\\nsnap-2\\n" | grep ami').stdout).toBe('ami-1\n');
		expect(run(s0, 'printf "x\\n" | grep zzz').exitCode).toBe(1);
	});
});

describe('aws and the Region', () => {
	it('uses session.region; export AWS_DEFAULT_REGION changes it; a prefix changes one command', () => {
		expect(runLine(s0, 'aws ec2 x').stdout).toBe('us-east-1 ec2 x\n');
		expect(runLine(s0, 'AWS_DEFAULT_REGION=eu-west-1 aws ec2 x').stdout).toBe('eu-west-1 ec2 x\n');
		const r = run(s0, 'export AWS_DEFAULT_REGION=ap-south-1', 'aws ec2 x');
		expect(r.stdout).toBe('ap-south-1 ec2 x\n');
		expect(r.session.region).toBe('ap-south-1');
	});

	it('unset AWS_DEFAULT_REGION / AWS_REGION: back to the configured Region', () => {
		const r = run(s0, 'export AWS_DEFAULT_REGION=eu-west-1', 'export AWS_REGION=ap-south-1', 'unset AWS_REGION', 'aws ec2 x');
		expect(r.stdout).toBe('eu-west-1 ec2 x\n');
		const back = run(r.session, 'unset AWS_DEFAULT_REGION', 'aws ec2 x');
		expect(back.stdout).toBe('us-east-1 ec2 x\n');
		expect(back.session.region).toBe('us-east-1');
		expect(run(r.session, 'unset AWS_DEFAULT_REGION && aws ec2 x').stdout).toBe('us-east-1 ec2 x\n');
	});

	it('an unexported assignment does not reach aws', () => {
		expect(run(s0, 'AWS_DEFAULT_REGION=eu-west-1', 'aws ec2 x').stdout).toBe('us-east-1 ec2 x\n');
	});

	it('records calls and the exit code in history', () => {
		const r = runLine(s0, 'aws fail');
		expect(r.exitCode).toBe(254);
		const calls = [{operation: 'DescribeImages', region: 'us-east-1', ok: false, errorCode: 'InvalidAMIID.NotFound', dryRun: false}];
		const {runs, ...entry} = r.session.history.at(-1)!;
		expect(entry).toEqual({line: 'aws fail', exitCode: 254, calls});
		// the program run too, with its calls and the words it printed (for goals that judge what the learner ran)
		expect(runs).toMatchObject([{program: 'aws', args: ['fail'], exitCode: 254, calls}]);
	});
});

describe('misc builtins', () => {
	it('clear sets result.clear', () => {
		const r = runLine(s0, 'echo a; clear; echo b');
		expect(r.clear).toBe(true);
		expect(r.stdout).toBe('b\n');
	});

	it('sleep advances the virtual clock', () => {
		const r = runLine(s0, 'sleep 60');
		expect(r.session.world.clock - s0.world.clock).toBeGreaterThanOrEqual(60_000);
	});

	it('history numbers lines like bash', () => {
		expect(run(s0, 'echo a', 'history').stdout).toBe('    1  echo a\n    2  history\n');
	});

	it('pwd and the home directory', () => {
		expect(runLine(s0, 'pwd; echo ~').stdout).toBe('/home/student\n/home/student\n');
	});

	it('exit at the local prompt asks to leave', () => {
		expect(runLine(s0, 'exit').exit).toBe(true);
	});

	it('never throws and never mutates the session passed in', () => {
		const before = JSON.stringify({...s0, world: undefined});
		for (const line of ['echo $(( 1 + 2 ))', 'cat < nofile', '${x', 'a=$(exit 3); echo $?', 'echo ${!}', ') (']) runLine(s0, line);
		expect(JSON.stringify({...s0, world: undefined})).toBe(before);
	});
});
