// `aws help`, `aws ec2 help`, `aws ec2 <operation> help` and `aws ec2 wait help`: short pages in
// the CLI's layout (NAME, DESCRIPTION, SYNOPSIS with every parameter as the CLI prints it).
import {isSimulated} from '../sim/core/engine.js';
import {cliNameOfOperation, cliOperationNames, inputParameters, operationByCliName, paginatorFor, waiterByCliName, waiterNames, type CliParameter} from './catalogue.js';

/** One line per simulated operation, in our words. */
const descriptions: Record<string, string> = {
	CreateImage: 'Creates an EBS-backed AMI from a running or stopped instance.',
	DescribeImages: 'Describes AMIs: yours, public ones, or those shared with you.',
	RegisterImage: 'Registers an AMI from a snapshot of a root volume.',
	CopyImage: 'Copies an AMI into the Region you run it in (the destination).',
	DeregisterImage: 'Deregisters an AMI; its snapshots stay until you delete them.',
	ModifyImageAttribute: 'Changes an attribute of an AMI, such as who may launch it.',
	DescribeImageAttribute: 'Describes one attribute of an AMI.',
	ResetImageAttribute: 'Resets an attribute of an AMI to its default.',
	GetImageBlockPublicAccessState: 'Shows whether public sharing of AMIs is blocked in the Region.',
	EnableImageBlockPublicAccess: 'Blocks public sharing of AMIs in the Region.',
	DisableImageBlockPublicAccess: 'Allows public sharing of AMIs in the Region again.',
	RunInstances: 'Launches instances from an AMI.',
	DescribeInstances: 'Describes instances, grouped by reservation.',
	StopInstances: 'Stops EBS-backed instances.',
	StartInstances: 'Starts stopped instances.',
	RebootInstances: 'Reboots instances.',
	TerminateInstances: 'Terminates instances (this cannot be undone).',
	ModifyInstanceAttribute: 'Changes an attribute of an instance, such as its user data.',
	DescribeInstanceAttribute: 'Describes one attribute of an instance.',
	DescribeSnapshots: 'Describes EBS snapshots.',
	DeleteSnapshot: 'Deletes an EBS snapshot that no AMI uses.',
	DescribeVolumes: 'Describes EBS volumes.',
	CreateKeyPair: 'Creates a key pair and returns its private key once.',
	DescribeKeyPairs: 'Describes key pairs.',
	DeleteKeyPair: 'Deletes a key pair.',
	ImportKeyPair: 'Imports the public key of a key pair you made yourself.',
	CreateSecurityGroup: 'Creates a security group.',
	DescribeSecurityGroups: 'Describes security groups.',
	DeleteSecurityGroup: 'Deletes a security group.',
	AuthorizeSecurityGroupIngress: 'Adds inbound rules to a security group.',
	CreateTags: 'Adds or overwrites tags on resources.',
	DeleteTags: 'Deletes tags from resources.',
	DescribeTags: 'Describes tags.',
	DescribeRegions: 'Describes the Regions available to you.',
};

const paginationSynopsis = ['[--starting-token <value>]', '[--page-size <value>]', '[--max-items <value>]'];
const globalSynopsis = ['[--debug]', '[--endpoint-url <value>]', '[--no-verify-ssl]', '[--no-paginate]', '[--output <value>]', '[--query <value>]', '[--profile <value>]', '[--region <value>]', '[--version <value>]', '[--color <value>]', '[--no-sign-request]', '[--ca-bundle <value>]', '[--cli-read-timeout <value>]', '[--cli-connect-timeout <value>]', '[--cli-binary-format <value>]', '[--no-cli-pager]', '[--cli-auto-prompt]', '[--no-cli-auto-prompt]'];

/** The SYNOPSIS lines of an operation, one parameter (or boolean pair) each. */
export const synopsisLines = (cliName: string): string[] => {
	const parameters = inputParameters(cliName).filter(p => !p.hidden);
	const operation = operationByCliName(cliName);
	const paginator = operation ? paginatorFor(operation.name) : undefined;
	const hiddenMembers = new Set<string>(paginator ? [paginator.inputToken, paginator.limitKey ?? ''].flat() : []);
	const lines: string[] = [];
	const used = new Set<CliParameter>();
	for (const p of parameters) {
		if (used.has(p) || (p.member && hiddenMembers.has(p.member))) {
			continue;
		}

		const twin = parameters.find(q => q !== p && q.negative && !p.negative && ((p.member && q.member === p.member) || (!p.member && q.cliName === `--no-${p.cliName.slice(2)}`)));
		if (twin) {
			used.add(twin);
			lines.push(`[${p.cliName} | ${twin.cliName}]`);
		} else if (p.type === 'boolean') {
			lines.push(`[${p.cliName}]`);
		} else {
			lines.push(p.required ? `${p.cliName} <value>` : `[${p.cliName} <value>]`);
		}
	}

	lines.push('[--cli-input-json <value>]');
	if (paginator) {
		lines.push(...paginationSynopsis);
	}

	return lines;
};

export const operationHelp = (cliName: string): string => {
	const operation = operationByCliName(cliName);
	if (!operation) {
		return '';
	}

	const simulated = isSimulated(operation.name);
	const description = simulated ? descriptions[operation.name] ?? '' : 'This sandbox does not simulate this operation; the real AWS CLI accepts it.';
	return [
		'NAME',
		`       ${cliName} -`,
		'',
		'DESCRIPTION',
		`       ${description}`,
		'',
		'SYNOPSIS',
		`            ${cliName}`,
		...synopsisLines(cliName).map(line => `          ${line}`),
		'',
		'GLOBAL OPTIONS',
		...globalSynopsis.map(line => `          ${line}`),
		'',
	].join('\n');
};

export const ec2Help = (): string => {
	const names = cliOperationNames();
	const simulated = names.filter(n => isSimulated(operationByCliName(n)!.name));
	return [
		'EC2',
		'',
		'DESCRIPTION',
		'       Amazon Elastic Compute Cloud. This sandbox simulates the operations',
		'       marked with * below; the others parse like the real CLI but answer',
		'       that they are not available here.',
		'',
		'AVAILABLE COMMANDS',
		...simulated.map(n => `       o ${n} *`),
		'       o wait *',
		'',
		...names.filter(n => !simulated.includes(n)).map(n => `       o ${n}`),
		'',
	].join('\n');
};

export const waitHelp = (): string => [
	'WAIT',
	'',
	'DESCRIPTION',
	'       Wait until a particular condition is satisfied. Each subcommand polls',
	'       an API until the condition is met (every 15 seconds, 40 times).',
	'',
	'AVAILABLE SUBCOMMANDS',
	...waiterNames().map(n => `       o ${n}${isSimulated(waiterByCliName(n)!.operation) ? ' *' : ''}`),
	'',
].join('\n');

export const waiterHelp = (waiter: string): string => {
	const entry = waiterByCliName(waiter);
	if (!entry) {
		return '';
	}

	const describe = cliNameOfOperation(entry.operation)!;
	return [
		'NAME',
		`       ${waiter} -`,
		'',
		'DESCRIPTION',
		`       Wait until ${entry.operation} reports the condition. It will poll every ${entry.delay} seconds`,
		`       until a successful state has been reached. This will exit with a return code of 255`,
		`       after ${entry.maxAttempts} failed checks.`,
		'',
		'SYNOPSIS',
		`            ${waiter}`,
		...synopsisLines(describe).filter(l => !paginationSynopsis.includes(l)).map(line => `          ${line}`),
		'',
	].join('\n');
};

export const topHelp = (): string => [
	'AWS',
	'',
	'DESCRIPTION',
	'       The AWS Command Line Interface. In this sandbox only the ec2 service',
	'       is simulated: try `aws ec2 help` or `aws ec2 describe-images help`.',
	'',
	'SYNOPSIS',
	'          aws [options] <command> <subcommand> [parameters]',
	'',
].join('\n');
