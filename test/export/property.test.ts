import {spawnSync} from 'node:child_process';
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {sh} from '../../source/export/quote.js';
import {renderList} from '../../source/export/render.js';
import {substitute} from '../../source/export/substitute.js';
import {newSession} from '../../source/lessons/chapter.js';
import {parseLine} from '../../source/shell/parse-line.js';
import {runLine} from '../../source/shell/run-line.js';
import {exportLines, machine} from './harness.js';

// Hostile text (quotes, $(…), backticks, newlines, *, STEPS, non-ASCII) through every place a
// learner or a lesson pack can put text: names, tags, descriptions, device names, user data,
// setup commands and ssh lines. The exported script is run; a program `pwned` on PATH records
// any call (none may happen), and each value must reach `aws` exactly as typed.

const FRAGMENTS = ["'", '"', '\\', '$', '`', '(', ')', '$(pwned a)', '`pwned b`', ';pwned c;', '|pwned d', '&& pwned e', '\n', '*', '?', '[x]', '{a,b}', '~', '#', 'STEPS', 'EOF', ' ', '\t', 'é', '日本', '!', '>x', '<x', '=', '%', 'lab-key', 'a', '${HOME}', '$IP', "'\\''"];
const hostile = (fragments = FRAGMENTS) => fc.array(fc.constantFrom(...fragments), {minLength: 1, maxLength: 8}).map(parts => parts.join(''));
const ascii = hostile(FRAGMENTS.filter(f => /^[\x20-\x7E]*$/.test(f)));

/** `value` typed in one of the ways a learner quotes a word. */
const typed = (value: string, style: number): string => {
	switch (style % 4) {
		case 0: {
			return `'${value.replaceAll("'", `'\\''`)}'`;
		}

		case 1: {
			return `"${value.replaceAll(/[\\$`"]/g, c => `\\${c}`)}"`;
		}

		case 2: {
			return `$'${value.replaceAll(/[\\']/g, c => `\\${c}`).replaceAll('\n', '\\n').replaceAll('\t', '\\t')}'`;
		}

		default: {
			return [...value].map(c => (c === '\n' ? `$'\\n'` : /[\w]/.test(c) ? c : `\\${c}`)).join('');
		}
	}
};

describe('the one quoting function and the line renderer', () => {
	it('any word, typed in any quoting, reaches a program in bash exactly as typed, and nothing else runs', () => {
		const cases = fc.sample(fc.tuple(fc.array(hostile(), {minLength: 1, maxLength: 4}), fc.nat()), {numRuns: 300, seed: 22});
		const script = [
			'set -euo pipefail',
			'set -f',
			"args() { printf '%s\\0' \"$@\"; printf '\\1'; }",
			"pwned() { echo PWNED >&2; exit 99; }",
			...cases.map(([values, style]) => {
				const parsed = parseLine(`args ${values.map((v, k) => typed(v, style + k)).join(' ')}`);
				expect(parsed.ok).toBe(true);
				if (!parsed.ok) return '';
				// names the session made get the run's suffix, as in session.sh
				return renderList(parsed.list, {substitute: text => substitute(text, {token: () => undefined, names: new Set(['lab-key']), suffix: 'RUN_SUFFIX'})});
			}),
			// and sh() itself, on its own
			...cases.map(([values]) => `args ${values.map(v => sh(v)).join(' ')}`),
		].join('\n');
		const result = spawnSync('bash', ['-c', script], {encoding: 'utf8', env: {PATH: process.env.PATH, HOME: '/nonexistent', RUN_SUFFIX: '-run1'}});
		expect(result.stderr).toBe('');
		expect(result.status).toBe(0);
		const got = result.stdout.split('\u0001').slice(0, -1).map(call => call.split('\0').slice(0, -1));
		const suffixed = (v: string) => v.replaceAll(/(?<![\w-])lab-key(?![\w-])/g, 'lab-key-run1');
		const want = [...cases.map(([values]) => values.map(suffixed)), ...cases.map(([values]) => values)];
		const first = want.findIndex((w, k) => JSON.stringify(w) !== JSON.stringify(got[k]));
		expect(got[first], JSON.stringify({case: cases[first % cases.length]})).toEqual(want[first]);
		expect(got).toEqual([...cases.map(([values]) => values.map(suffixed)), ...cases.map(([values]) => values)]);
	});
});

const SETUP = [
	'aws ec2 create-key-pair --key-name lab-key --query KeyMaterial --output text > lab-key.pem',
	'chmod 400 lab-key.pem',
	"AMI=$(aws ec2 describe-images --owners amazon --filters 'Name=name,Values=al2023-ami-2023.*-x86_64' --query 'sort_by(Images, &CreationDate)[-1].ImageId' --output text)",
];

/** Runs the lines in the sandbox: true when every one succeeded (else the case proves nothing). */
const succeeds = (lines: string[]): boolean => {
	let session = newSession('us-east-1');
	for (const line of lines) {
		const result = runLine(session, line);
		if (result.exitCode !== 0) return false;
		session = result.session;
	}

	return true;
};

describe('exported scripts with hostile values', () => {
	it('run nothing else, and pass every value to aws exactly as typed (names with the run\'s suffix)', () => {
		const values = fc.record({
			group: ascii.filter(v => !/^sg-/i.test(v) && v.length >= 3 && v.length <= 200),
			description: ascii,
			tag: hostile(),
			userData: hostile(),
			ssh: hostile(),
			device: hostile(),
			setupEcho: hostile(),
			style: fc.nat(),
		});
		let ran = 0;
		fc.assert(
			fc.property(values, v => {
				const q = (value: string, k: number) => typed(value, v.style + k);
				const setup = [...SETUP, `echo ${q(v.setupEcho, 0)} > note.txt`, `SG=$(aws ec2 create-security-group --group-name ${q(v.group, 1)} --description ${q(v.description, 2)} --query GroupId --output text)`];
				const lines = [
					`aws ec2 create-tags --resources $SG --tags ${q(JSON.stringify([{Key: 'Note', Value: v.tag}]), 3)}`,
					`ID=$(aws ec2 run-instances --image-id $AMI --instance-type t3.micro --key-name lab-key --security-group-ids $SG --user-data ${q(v.userData, 4)} --query 'Instances[0].InstanceId' --output text)`,
					`aws ec2 run-instances --image-id $AMI --instance-type t3.micro --block-device-mappings ${q(`DeviceName=/dev/sdf${v.device},Ebs={VolumeSize=1}`, 5)}`,
					'aws ec2 wait instance-running --instance-ids $ID',
					"IP=$(aws ec2 describe-instances --instance-ids $ID --query 'Reservations[0].Instances[0].PublicIpAddress' --output text)",
					`ssh -i lab-key.pem ec2-user@$IP ${q(v.ssh, 6)}`,
				];
				const kept = [...setup, ...lines].filter(line => !line.includes('--block-device-mappings'));
				if (!succeeds(kept.filter(line => !line.startsWith('ssh')))) return; // a value AWS itself refuses
				const sshRan = succeeds(kept); // else the ssh line failed in the game, and is not in the script
				ran++;
				const m = machine();
				const dir = m.place(exportLines(setup, lines));
				const run = m.run(dir, 'session.sh');
				expect(m.pwnedRuns()).toBe('');
				expect(run.status, run.stderr).toBe(0);
				const argvs = m.argvs();
				const call = (op: string) => argvs.find(argv => argv.includes(op)) ?? [];
				// this run's suffix, as create-key-pair got it; names the session made carry it wherever typed
				const key = call('create-key-pair');
				const suffix = key[key.indexOf('--key-name') + 1].slice('lab-key'.length);
				expect(suffix).toMatch(/^-[\da-f]{8}$/);
				const asRun = (value: string) =>
					substitute(value, {token: () => undefined, names: new Set(['lab-key', v.group]), suffix: 'S'})
						.map(p => (typeof p === 'string' ? p : suffix))
						.join('');
				const group = call('create-security-group');
				expect(group[group.indexOf('--group-name') + 1]).toBe(`${v.group}${suffix}`);
				expect(group[group.indexOf('--description') + 1]).toBe(asRun(v.description));
				expect(call('create-tags')).toContain(asRun(JSON.stringify([{Key: 'Note', Value: v.tag}])));
				const launch = argvs.find(argv => argv.includes('run-instances') && argv.includes('--user-data')) ?? [];
				expect(launch[launch.indexOf('--user-data') + 1]).toBe(asRun(v.userData));
				// a device name EC2 refuses never reaches the script
				expect(argvs.some(argv => argv.includes('--block-device-mappings'))).toBe(false);
				// the ssh line is shown as typed (never run here)
				if (sshRan) expect(run.stdout).toContain(asRun(q(v.ssh, 6)));
			}),
			{numRuns: 6, seed: 22},
		);
		expect(ran).toBeGreaterThanOrEqual(4);
	}, 120_000);
});
