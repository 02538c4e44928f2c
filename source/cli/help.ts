// `aws help`, `aws ec2 help`, `aws ec2 <operation> help` and `aws ec2 wait help`: short pages in
// the CLI's layout (NAME, DESCRIPTION, SYNOPSIS with every parameter as the CLI prints it).
import {isSimulated} from '../sim/core/engine.js';
import {cliNameOfOperation, cliOperationNames, inputParameters, operationByCliName, paginatorFor, serviceLabel, waiterByCliName, waiterNames, type CliParameter} from './catalogue.js';
import {catalogueStore} from './catalogue-source.js';
import type {WaiterEntry} from './catalogue.js';
import type {WaiterMatcher} from './waiters/definitions.js';

type OperationDocs = {doc: string; params: Record<string, string>};

// The official models' documentation of the simulated operations, as plain text (generated with
// the catalogue by scripts/build-catalogue.mjs): paragraphs split by a blank line, list items
// starting with "* ".
// Each simulated operation's entry is read from the catalogue when its help page is shown.
const docsOf = (service: string, cliName: string): OperationDocs | undefined => catalogueStore.get(`docs/${service}/${cliName}`) as OperationDocs | undefined;

const WIDTH = 79;

/** Words filled into lines of at most WIDTH columns, each starting with `indent`. */
const fill = (text: string, indent: string, first = indent): string[] => {
	const lines: string[] = [];
	let line = first;
	let fresh = true;
	for (const word of text.split(' ').filter(Boolean)) {
		if (!fresh && line.length + 1 + word.length > WIDTH) {
			lines.push(line);
			line = indent;
			fresh = true;
		}

		line += fresh ? word : ` ${word}`;
		fresh = false;
	}

	lines.push(line);
	return lines;
};

/** A documentation text as the CLI's help shows it: paragraphs filled, list items as "o …". */
const docLines = (text: string, indent: string): string[] =>
	text.split('\n\n').flatMap((paragraph, index) => [
		...(index > 0 ? [''] : []),
		...(paragraph.startsWith('* ') ? fill(paragraph.slice(2), `${indent}  `, `${indent}o `) : fill(paragraph, indent)),
	]);

/** One parameter in OPTIONS: `--name (type)`, then its documentation. */
const optionLines = (p: CliParameter, twin: CliParameter | undefined, doc: string | undefined): string[] => [
	`       ${p.cliName}${twin ? ` | ${twin.cliName}` : ''} (${p.type})`,
	...(doc ? docLines(doc, '          ') : []),
	'',
];

const paginationSynopsis = ['[--starting-token <value>]', '[--page-size <value>]', '[--max-items <value>]'];
const globalSynopsis = ['[--debug]', '[--endpoint-url <value>]', '[--no-verify-ssl]', '[--no-paginate]', '[--output <value>]', '[--query <value>]', '[--profile <value>]', '[--region <value>]', '[--version <value>]', '[--color <value>]', '[--no-sign-request]', '[--ca-bundle <value>]', '[--cli-read-timeout <value>]', '[--cli-connect-timeout <value>]', '[--cli-binary-format <value>]', '[--no-cli-pager]', '[--cli-auto-prompt]', '[--no-cli-auto-prompt]'];

/** The SYNOPSIS lines of an operation, one parameter (or boolean pair) each. */
export const synopsisLines = (cliName: string, service = 'ec2'): string[] => {
	const parameters = inputParameters(cliName, service).filter(p => !p.hidden);
	const operation = operationByCliName(cliName, service);
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

	lines.push('[--cli-input-json | --cli-input-yaml]');
	if (paginator) {
		lines.push(...paginationSynopsis);
	}

	lines.push('[--generate-cli-skeleton <value>]');

	return lines;
};

/** The parameters OPTIONS lists: a boolean's `--no-x` beside its `--x`, paginator members left out. */
const documentedParameters = (cliName: string, service: string): Array<{p: CliParameter; twin?: CliParameter}> => {
	const parameters = inputParameters(cliName, service).filter(p => !p.hidden);
	const operation = operationByCliName(cliName, service);
	const paginator = operation ? paginatorFor(operation.name) : undefined;
	const hiddenMembers = new Set<string>(paginator ? [paginator.inputToken, paginator.limitKey ?? ''].flat() : []);
	const out: Array<{p: CliParameter; twin?: CliParameter}> = [];
	const used = new Set<CliParameter>();
	for (const p of parameters) {
		if (used.has(p) || (p.member && hiddenMembers.has(p.member))) continue;
		const twin = parameters.find(q => q !== p && q.negative && !p.negative && ((p.member && q.member === p.member) || (!p.member && q.cliName === `--no-${p.cliName.slice(2)}`)));
		if (twin) used.add(twin);
		out.push({p, twin});
	}

	return out;
};

export const operationHelp = (cliName: string, service = 'ec2'): string => {
	const operation = operationByCliName(cliName, service);
	if (!operation) {
		return '';
	}

	const simulated = isSimulated(operation.name);
	const docs = simulated ? docsOf(service, cliName) : undefined;
	const description = docs ? docLines(docs.doc, '       ') : [`       This sandbox does not simulate this operation; the real AWS CLI accepts it.`];
	const options = simulated
		? ['OPTIONS', ...documentedParameters(cliName, service).flatMap(({p, twin}) => optionLines(p, twin, p.member ? docs?.params[p.member] : undefined))]
		: [];
	return [
		'NAME',
		`       ${cliName} -`,
		'',
		'DESCRIPTION',
		...description,
		'',
		'SYNOPSIS',
		`            ${cliName}`,
		...(service === 'ec2' || simulated ? synopsisLines(cliName, service) : []).map(line => `          ${line}`),
		'',
		...options,
		'GLOBAL OPTIONS',
		...globalSynopsis.map(line => `          ${line}`),
		'',
	].join('\n');
};

/** `aws ec2 help`, `aws ssm help`, `aws sts help`: the service's commands, the simulated ones first. */
export const serviceHelp = (service: string): string => {
	const names = cliOperationNames(service);
	const simulated = names.filter(n => isSimulated(operationByCliName(n, service)!.name));
	const label = serviceLabel(service);
	return [
		label,
		'',
		'DESCRIPTION',
		`       ${label} in AMI School's sandbox. It simulates the operations marked`,
		'       with * below; the others are real commands of the AWS CLI that answer',
		'       that they are not available here.',
		'',
		'AVAILABLE COMMANDS',
		...simulated.map(n => `       o ${n} *`),
		...(service === 'ec2' ? ['       o wait *'] : []),
		'',
		...names.filter(n => !simulated.includes(n)).map(n => `       o ${n}`),
		'',
	].join('\n');
};

/** `aws ec2 help` */
export const ec2Help = (): string => serviceHelp('ec2');

export const waitHelp = (): string => [
	'WAIT',
	'',
	'DESCRIPTION',
	...fill('Wait until a particular condition is satisfied. Each subcommand polls an API until the listed requirement is met.', '       '),
	'',
	'AVAILABLE SUBCOMMANDS',
	...waiterNames().map(n => `       o ${n}${isSimulated(waiterByCliName(n)!.operation) ? ' *' : ''}`),
	'',
].join('\n');

/** Python's `%s` of an acceptor's expected value (True, not true). */
const pythonStr = (value: string | number | boolean): string => (typeof value === 'boolean' ? (value ? 'True' : 'False') : String(value));

const SUCCESS_TEMPLATES: Record<WaiterMatcher, string> = {
	error: '%s is thrown ', path: '%s ', pathAll: '%s for all elements ', pathAny: '%s for any element ', status: '%s response is received ',
};

/**
 * The CLI's description of a waiter (awscli/customizations/waiters.py, WaiterStateDocBuilder):
 * built from its first success acceptor, the operation it polls, its delay and its attempts.
 */
export const waiterDescription = (entry: WaiterEntry): string => {
	const success = entry.acceptors.find(a => a.state === 'success');
	let what = '';
	if (success) {
		const query = ['path', 'pathAll', 'pathAny'].includes(success.matcher) ? `JMESPath query ${success.argument ?? ''} returns ` : '';
		what = (query + SUCCESS_TEMPLATES[success.matcher]).replace('%s', pythonStr(success.expected));
	}

	return `Wait until ${what}when polling with ${cliNameOfOperation(entry.operation)!}. It will poll every ${entry.delay} seconds until a successful state has been reached. This will exit with a return code of 255 after ${entry.maxAttempts} failed checks.`;
};

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
		...fill(waiterDescription(entry), '       '),
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
	'       The AWS Command Line Interface. This sandbox simulates `aws ec2`,',
	'       `aws ssm` (the public latest-AMI parameters), `aws sts` and',
	'       `aws configure`: try `aws ec2 help` or `aws ec2 describe-images help`.',
	'',
	'SYNOPSIS',
	'          aws [options] <command> <subcommand> [parameters]',
	'',
].join('\n');
