import {describe, expect, it} from 'vitest';
import {completionCandidates} from '../../source/shell/run-line.js';
import {newSession, sshReady} from './fixtures.js';

describe('completionCandidates', () => {
	const s = {...sshReady(), vars: {AMI: 'ami-1'}, files: {'lab-key.pem': 'k', 'userdata.sh': '#!/bin/bash\n'}};

	it('commands at the start of a line', () => {
		expect(completionCandidates(s, 'ch')).toEqual(['chmod']);
		expect(completionCandidates(s, 'ls && ec')).toEqual(['echo']);
		// every command the shell runs is offered, the later additions too
		expect(completionCandidates(s, 'se')).toEqual(['sed']);
		expect(completionCandidates(s, 'ssh-')).toEqual(['ssh-keygen']);
	});

	it('aws services, ec2 operations and waiters', () => {
		expect(completionCandidates(s, 'aws ec')).toContain('ec2');
		expect(completionCandidates(s, 'aws ec2 create-im')).toContain('create-image');
		expect(completionCandidates(s, 'aws ec2 create-im').every(c => c.startsWith('create-im'))).toBe(true);
		expect(completionCandidates(s, 'aws ec2 wait image-')).toEqual(expect.arrayContaining(['image-available', 'image-exists']));
		expect(completionCandidates(s, 'aws ec2 wait image-').every(w => w.startsWith('image-'))).toBe(true);
	});

	it('ssm and sts operations and their parameters, configure sub-commands', () => {
		expect(completionCandidates(s, 'aws ssm get-parameter')).toEqual(['get-parameter', 'get-parameter-history', 'get-parameters', 'get-parameters-by-path']);
		expect(completionCandidates(s, 'aws ssm get-parameter --na')).toEqual(['--name']);
		expect(completionCandidates(s, 'aws sts get-c')).toEqual(['get-caller-identity']);
		expect(completionCandidates(s, 'aws configure li')).toEqual(['list', 'list-profiles']);
	});

	it('parameters of the operation, and global options', () => {
		const params = completionCandidates(s, 'aws ec2 create-image --');
		expect(params).toContain('--instance-id');
		expect(params).toContain('--no-reboot');
		expect(params).toContain('--region');
	});

	it('ids and names from the world, Regions, outputs, files', () => {
		expect(completionCandidates(s, 'aws ec2 create-image --instance-id i-')).toEqual(['i-0123456789abcdef0']);
		expect(completionCandidates(s, 'aws ec2 run-instances --key-name ')).toEqual(['lab-key']);
		expect(completionCandidates(s, 'aws ec2 describe-images --region eu-w')).toEqual(['eu-west-1', 'eu-west-2', 'eu-west-3']);
		expect(completionCandidates(s, 'aws ec2 describe-images --output t')).toEqual(['table', 'text']);
		expect(completionCandidates(s, 'aws ec2 run-instances --user-data file://u')).toEqual(['file://userdata.sh']);
		expect(completionCandidates(s, 'chmod 400 lab')).toEqual(['lab-key.pem']);
		expect(completionCandidates(s, 'echo $A')).toEqual(['$AMI']);
	});

	it('ssh: key files and running hosts', () => {
		expect(completionCandidates(s, 'ssh -i l')).toEqual(['lab-key.pem']);
		expect(completionCandidates(s, 'ssh -i lab-key.pem ec2-user@3')).toEqual(['ec2-user@3.80.1.2']);
	});

	it('never throws', () => {
		expect(completionCandidates(newSession(), '"unterminated aws ec2 --')).toEqual(expect.any(Array));
	});
});
