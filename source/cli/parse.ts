// `aws ...` words -> what to do: an API call with API-shaped params, a waiter, help text, or
// the exact error AWS CLI v2 (>= 2.34) prints. Follows awscli/clidriver.py: the main parser takes
// the global options (anywhere) and the service, the service parser the operation, the
// operation's own parser its arguments; then each argument is unpacked in table order,
// customisations applied, and botocore validates the whole request.
import {isSimulated} from '../sim/core/engine.js';
import {awsCommands, cliNameOfOperation, cliOperationNames, inputParameters, isTopLevelBool, operationByCliName, paginatorFor, SANDBOX_SERVICES, shape as shapeByName, waiterByCliName, waiterNames, type CliParameter} from './catalogue.js';
import {parseConfigure, type ConfigureRequest} from './configure.js';
import {operationHelp, serviceHelp, topHelp, waiterHelp, waitHelp} from './help.js';
import {OUTPUT_FORMATS, type OutputFormat} from './output/render.js';
import {lastOccurrence, parseKnownArgs, type OptionSpec, type ParsedArgs} from './parse/argparse.js';
import {applyCount, applyRunInstancesShortcut, applySecurityGroupShortcut, defaultCount, encodeUserData, fixRunInstancesArgs} from './parse/ec2-customizations.js';
import {ParseFailure, generalError, paramValidationError, unknownOptionsError, usageError, type ParseError} from './parse/errors.js';
import {JsonError, pyJsonLoads} from './parse/json.js';
import {PyFloat, PyValueError, RawBytes} from './parse/python.js';
import {validateParameters} from './parse/validate.js';
import {readParamFile, unpackParameter} from './parse/values.js';
import {inputSkeletonJson, yamlInputSkeleton} from './skeleton.js';
import {loadYaml, YamlInputError} from './output/yaml.js';

export type Globals = {
	region?: string;
	output?: OutputFormat;
	query?: string;
	noCliPager?: boolean;
	color?: 'on' | 'off' | 'auto';
	profile?: string;
	endpointUrl?: string;
	debug?: boolean;
	noPaginate?: boolean;
	cliBinaryFormat?: 'base64' | 'raw-in-base64-out';
};

/** The CLI's own pagination arguments (--max-items is applied by the caller to the results). */
export type Pagination = {maxItems?: number; pageSize?: number; startingToken?: string};

export type ParseResult =
	/** stub: `--generate-cli-skeleton output`, answered with a sample of the output shape, no request sent */
	| {kind: 'call'; service: string; cliName: string; operation: string; params: Record<string, unknown>; globals: Globals; pagination?: Pagination; stub?: true}
	| {kind: 'wait'; waiter: string; waiterName: string; operation: string; params: Record<string, unknown>; globals: Globals; stub?: true}
	| {kind: 'help'; stdout: string}
	| ParseError
	| {kind: 'not-simulated'; service: string; cliName: string; operation: string; globals: Globals}
	| {kind: 'unsupported-service'; service: string; globals: Globals}
	| {kind: 'configure'; request: ConfigureRequest; globals: Globals};

export type ParseEnv = {readFile(path: string): string | undefined};

export const VERSION_STRING = 'aws-cli/2.34.0 Python/3.13.11 Linux/6.8.0 exe/x86_64.ami-school\n';

const globalOptions: OptionSpec[] = [
	{name: '--debug', nargs: 'flag'},
	{name: '--endpoint-url', nargs: 'one'},
	{name: '--no-verify-ssl', nargs: 'flag'},
	{name: '--no-paginate', nargs: 'flag'},
	{name: '--output', nargs: 'one', choices: OUTPUT_FORMATS},
	{name: '--query', nargs: 'one'},
	{name: '--profile', nargs: 'one'},
	{name: '--region', nargs: 'one'},
	{name: '--version', nargs: 'flag'},
	{name: '--color', nargs: 'one', choices: ['on', 'off', 'auto']},
	{name: '--no-sign-request', nargs: 'flag'},
	{name: '--ca-bundle', nargs: 'one'},
	{name: '--cli-read-timeout', nargs: 'one', int: true},
	{name: '--cli-connect-timeout', nargs: 'one', int: true},
	{name: '--cli-binary-format', nargs: 'one', choices: ['base64', 'raw-in-base64-out']},
	{name: '--no-cli-pager', nargs: 'flag'},
	{name: '--cli-auto-prompt', nargs: 'flag'},
	{name: '--no-cli-auto-prompt', nargs: 'flag'},
];

const readGlobals = (parsed: ParsedArgs): Globals => {
	const value = (name: string): string | undefined => lastOccurrence(parsed, [name])?.values[0];
	const flag = (name: string): boolean | undefined => (lastOccurrence(parsed, [name]) ? true : undefined);
	const globals: Globals = {
		region: value('--region'),
		output: value('--output') as OutputFormat | undefined,
		query: value('--query'),
		noCliPager: flag('--no-cli-pager'),
		color: value('--color') as Globals['color'],
		profile: value('--profile'),
		endpointUrl: value('--endpoint-url'),
		debug: flag('--debug'),
		noPaginate: flag('--no-paginate'),
		cliBinaryFormat: value('--cli-binary-format') as Globals['cliBinaryFormat'],
	};
	for (const key of Object.keys(globals) as Array<keyof Globals>) {
		if (globals[key] === undefined) {
			delete globals[key];
		}
	}

	return globals;
};

const paginationOptions: OptionSpec[] = [
	{name: '--starting-token', nargs: 'one'},
	{name: '--page-size', nargs: 'one', int: true},
	{name: '--max-items', nargs: 'one', int: true},
];

/** How argparse reads one CLI parameter. */
const optionFor = (p: CliParameter): OptionSpec => {
	if (p.origin === 'customization') {
		if (p.cliName === '--secondary-private-ip-addresses') {
			return {name: p.cliName, nargs: 'star'};
		}

		return {name: p.cliName, nargs: p.type === 'boolean' ? 'flag' : 'one'};
	}

	if (isTopLevelBool(p.shape)) {
		return {name: p.cliName, nargs: p.negative ? 'flag' : 'optional'};
	}

	if (p.type === 'boolean') {
		return {name: p.cliName, nargs: 'flag'};
	}

	// ListArgument.add_to_parser: nargs='*', so `--image-ids` with no value is accepted (an empty list).
	return {name: p.cliName, nargs: p.type === 'list' ? 'star' : 'one', required: p.required};
};

/** The v2 blob rule (cli_binary_format=base64): a typed value must be base64 and is decoded. */
const decodeBlob = (value: string, format: Globals['cliBinaryFormat']): string => {
	if (format === 'raw-in-base64-out') {
		return value;
	}

	const compact = value.replace(/\s+/g, '');
	if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 !== 0) {
		throw new ParseFailure(paramValidationError(`Invalid base64: "${value}"`));
	}

	return Buffer.from(compact, 'base64').toString('utf8');
};

/** Final form for the engine: blobs as text, Python floats as numbers. */
const finalize = (value: unknown, shapeName: string | undefined, format: Globals['cliBinaryFormat']): unknown => {
	const shape = shapeName ? shapeByName(shapeName) : undefined;
	if (value instanceof RawBytes) {
		return value.text;
	}

	if (value instanceof PyFloat) {
		return value.value;
	}

	if (shape?.type === 'blob' && typeof value === 'string') {
		return decodeBlob(value, format);
	}

	if (Array.isArray(value)) {
		return value.map(item => finalize(item, shape?.type === 'list' ? shape.member : undefined, format));
	}

	if (value !== null && typeof value === 'object') {
		const members = shape?.type === 'structure' ? new Map(shape.members.map(m => [m.name, m.shape])) : undefined;
		const out: Record<string, unknown> = {};
		for (const [key, item] of Object.entries(value)) {
			out[key] = finalize(item, members ? members.get(key) : shape?.type === 'map' ? shape.value : undefined, format);
		}

		return out;
	}

	return value;
};

type OperationArgs = {params: Record<string, unknown>; pagination?: Pagination; stub?: true} | {help: true} | {skeleton: string};

const SKELETONS = ['input', 'output', 'yaml-input'] as const;

/**
 * OverrideRequiredArgsArgument: with --cli-input-json/--cli-input-yaml, or a skeleton other than
 * `output`, no argument is required on the command line (the model's validation still runs).
 */
const requiredArgsOverridden = (args: string[]): boolean => {
	if (args.includes('--cli-input-json') || args.includes('--cli-input-yaml')) return true;
	const at = args.indexOf('--generate-cli-skeleton');
	return at >= 0 && args[at + 1] !== 'output';
};

/** --cli-input-json / --cli-input-yaml: the loaded map, or a ParamError as the CLI prints it. */
const loadCliInput = (parsed: ParsedArgs, readFile: ParseEnv['readFile']): Record<string, unknown> | undefined => {
	const json = lastOccurrence(parsed, ['--cli-input-json']);
	const yaml = lastOccurrence(parsed, ['--cli-input-yaml']);
	if (json && yaml) throw new ParseFailure(paramValidationError('Only one --cli-input- parameter may be specified.'));
	if (!json && !yaml) return undefined;
	// the value may be a file: file://input.json, as the CLI's own docs show it
	const given = json ? json.values[0] : yaml!.values[0];
	const fromFile = readParamFile(json ? '--cli-input-json' : '--cli-input-yaml', given, readFile);
	const text = fromFile === undefined ? given : typeof fromFile === 'string' ? fromFile : fromFile.text;
	let loaded: unknown;
	try {
		loaded = json ? pyJsonLoads(text) : loadYaml(text);
	} catch (error) {
		if (error instanceof JsonError || error instanceof YamlInputError) {
			throw new ParseFailure(paramValidationError(`Error parsing parameter '--cli-input-${json ? 'json' : 'yaml'}': Invalid ${json ? 'JSON' : 'YAML'} received.`));
		}

		throw error;
	}

	if (loaded === null || typeof loaded !== 'object' || Array.isArray(loaded)) {
		throw new ParseFailure(paramValidationError(`Invalid type for parameter cli-input-${json ? 'json' : 'yaml'}: expected a ${json ? 'JSON' : 'YAML'} object`));
	}

	return loaded as Record<string, unknown>;
};

/** Parses an operation's (or waiter's) own arguments into API params. */
// An operation's options and parameters by option name, made once per operation (its parameter
// list is made once: catalogue.ts), not for every command.
const optionCache = new WeakMap<CliParameter[], Map<string, OptionSpec[]>>();
const optionsOf = (parameters: CliParameter[], relaxed: boolean, paginated: boolean): OptionSpec[] => {
	let byKind = optionCache.get(parameters);
	if (!byKind) optionCache.set(parameters, (byKind = new Map()));
	const kind = `${relaxed} ${paginated}`;
	let options = byKind.get(kind);
	if (!options) {
		options = [
			...parameters.map(optionFor).map(o => (relaxed ? {...o, required: false} : o)),
			{name: '--cli-input-json', nargs: 'one'},
			{name: '--cli-input-yaml', nargs: 'one'},
			...(paginated ? paginationOptions : []),
			{name: '--generate-cli-skeleton', nargs: 'optional', choices: SKELETONS},
		];
		byKind.set(kind, options);
	}

	return options;
};

const parameterCache = new WeakMap<CliParameter[], Map<string, CliParameter>>();
const byOptionOf = (parameters: CliParameter[]): Map<string, CliParameter> => {
	let byOption = parameterCache.get(parameters);
	if (!byOption) parameterCache.set(parameters, (byOption = new Map(parameters.map(p => [p.cliName, p]))));
	return byOption;
};

const parseOperationArgs = (args: string[], cliName: string, inputShape: string | undefined, parameters: CliParameter[], env: ParseEnv, globals: Globals, paginated: boolean): OperationArgs => {
	if (args.length === 1 && args[0] === 'help') {
		return {help: true};
	}

	const byOption = byOptionOf(parameters);
	const options = optionsOf(parameters, requiredArgsOverridden(args), paginated);
	const parsed = parseKnownArgs(args, {options, positionals: [{name: 'help', optional: true}]});
	if (parsed.positionals[0] === 'help') {
		return {help: true};
	}

	const extras = [...parsed.extras];
	if (parsed.positionals[0] !== undefined) {
		extras.push(parsed.positionals[0]);
	}

	if (extras.length > 0) {
		throw new ParseFailure(unknownOptionsError(extras));
	}

	const skeleton = lastOccurrence(parsed, ['--generate-cli-skeleton']);
	const skeletonKind = skeleton ? skeleton.values[0] ?? 'input' : undefined;
	if (skeletonKind === 'input') return {skeleton: inputSkeletonJson(inputShape)};
	if (skeletonKind === 'yaml-input') return {skeleton: yamlInputSkeleton(inputShape)};

	const given = (name: string): boolean => lastOccurrence(parsed, [name]) !== undefined;

	// operation-args-parsed checks
	if (cliName === 'run-instances' && given('--network-interfaces') && ['--secondary-private-ip-addresses', '--secondary-private-ip-address-count', '--associate-public-ip-address'].some(given)) {
		throw new ParseFailure(paramValidationError('Mixing the --network-interfaces option with the simple, scalar options is not supported.'));
	}

	if (given('--ip-permissions')) {
		for (const key of ['protocol', 'port', 'cidr', 'source-group', 'group-owner']) {
			if (byOption.get(`--${key}`)?.origin === 'customization' && given(`--${key}`)) {
				throw new ParseFailure(paramValidationError(`The --${key} option is not compatible with the --ip-permissions option `));
			}
		}
	}

	for (const p of parameters) {
		if (isTopLevelBool(p.shape) && !p.negative) {
			const negative = parameters.find(q => q.negative && q.member === p.member);
			if (negative && given(p.cliName) && given(negative.cliName)) {
				throw new ParseFailure(paramValidationError(`Cannot specify both the "${p.cliName}" option and the "${negative.cliName}" option.`));
			}
		}
	}

	const params: Record<string, unknown> = {};
	const done = new Set<string>();
	for (const p of parameters) {
		if (p.origin === 'customization') {
			const occurrence = lastOccurrence(parsed, [p.cliName]);
			if (!occurrence) {
				continue;
			}

			if (p.cliName === '--count') {
				applyCount(params, occurrence.values[0]);
			} else if (cliName === 'run-instances') {
				const value = p.type === 'boolean' ? !p.negative : occurrence.values;
				applyRunInstancesShortcut(params, p.cliName, value);
			} else {
				applySecurityGroupShortcut(params, p.cliName, occurrence.values[0]);
			}

			continue;
		}

		const member = p.member!;
		if (done.has(member)) {
			continue;
		}

		const twins = parameters.filter(q => q.member === member && q.origin === 'model');
		const occurrence = lastOccurrence(parsed, twins.map(t => t.cliName));
		if (!occurrence) {
			continue;
		}

		done.add(member);
		const which = byOption.get(occurrence.option.name)!;
		if (isTopLevelBool(p.shape)) {
			if (which.negative) {
				params[member] = {Value: false};
			} else if (occurrence.values.length === 0) {
				params[member] = {Value: true};
			} else {
				params[member] = unpackParameter(which, occurrence.values[0], env.readFile);
			}
		} else if (which.type === 'boolean') {
			params[member] = !which.negative;
		} else {
			const raw = which.type === 'list' ? occurrence.values : occurrence.values[0];
			params[member] = unpackParameter(which, raw, env.readFile);
		}
	}

	// what the command line gave wins over the file's (an own key, even one named __proto__)
	for (const [key, value] of Object.entries(loadCliInput(parsed, env.readFile) ?? {})) {
		if (!Object.hasOwn(params, key)) Object.defineProperty(params, key, {value, enumerable: true, writable: true, configurable: true});
	}

	let pagination: Pagination | undefined;
	if (paginated) {
		const int = (name: string): number | undefined => {
			const v = lastOccurrence(parsed, [name])?.values[0];
			return v === undefined ? undefined : Number(v.trim().replaceAll('_', ''));
		};

		const startingToken = lastOccurrence(parsed, ['--starting-token'])?.values[0];
		pagination = {maxItems: int('--max-items'), pageSize: int('--page-size'), startingToken};
		for (const key of Object.keys(pagination) as Array<keyof Pagination>) {
			if (pagination[key] === undefined) {
				delete pagination[key];
			}
		}

		if (Object.keys(pagination).length === 0) {
			pagination = undefined;
		}
	}

	// before-parameter-build
	if (cliName === 'run-instances') {
		defaultCount(params);
		fixRunInstancesArgs(params);
		encodeUserData(params);
	}

	if (inputShape) {
		const errors = validateParameters(params, inputShape);
		if (errors.length > 0) {
			throw new ParseFailure(paramValidationError(`Parameter validation failed:\n${errors.join('\n')}`));
		}
	}

	// The EC2 query serializer sends nothing for an empty list, so the API never sees `--image-ids`
	// given without a value (botocore's validation above still counts it as present).
	for (const [key, value] of Object.entries(params)) {
		if (Array.isArray(value) && value.length === 0) {
			delete params[key];
		}
	}

	const final = finalize(params, inputShape, globals.cliBinaryFormat) as Record<string, unknown>;
	return {params: final, ...(pagination ? {pagination} : {}), ...(skeletonKind === 'output' ? {stub: true as const} : {})};
};

/** EC2's operations and `wait` (made once: a copy of 750 names per command was most of what parsing allocated) */
let ec2Choices: string[] | undefined;

const parseService = (serviceName: string, args: string[], env: ParseEnv, globals: Globals): ParseResult => {
	const operations = cliOperationNames(serviceName);
	if (args.length === 1 && args[0] === 'help') {
		return {kind: 'help', stdout: serviceHelp(serviceName)};
	}

	const withWait = serviceName === 'ec2' ? (ec2Choices ??= [...operations, 'wait']) : operations;
	const service = parseKnownArgs(args, {options: [], positionals: [{name: 'operation', choices: withWait}]});
	const operationName = service.positionals[0];
	const rest = service.extras;

	if (operationName === 'wait' && serviceName === 'ec2') {
		if (rest.length === 1 && rest[0] === 'help') {
			return {kind: 'help', stdout: waitHelp()};
		}

		const wait = parseKnownArgs(rest, {options: [], positionals: [{name: 'subcommand', choices: waiterNames()}]});
		const waiter = waiterByCliName(wait.positionals[0])!;
		const describe = cliNameOfOperation(waiter.operation)!;
		const parameters = inputParameters(describe).filter(p => p.origin === 'model');
		const result = parseOperationArgs(wait.extras, describe, operationByCliName(describe)!.input, parameters, env, globals, false);
		if ('help' in result) {
			return {kind: 'help', stdout: waiterHelp(wait.positionals[0])};
		}

		if ('skeleton' in result) return {kind: 'help', stdout: result.skeleton};

		if (!isSimulated(waiter.operation)) {
			return {kind: 'not-simulated', service: serviceName, cliName: `wait ${wait.positionals[0]}`, operation: waiter.operation, globals};
		}

		return {kind: 'wait', waiter: wait.positionals[0], waiterName: waiter.name, operation: waiter.operation, params: result.params, globals, ...(result.stub ? {stub: true as const} : {})};
	}

	const operation = operationByCliName(operationName, serviceName)!;
	// the sandbox keeps the arguments of every EC2 operation, but of the other services' only those it simulates
	if (serviceName !== 'ec2' && !isSimulated(operation.name)) {
		return rest.length === 1 && rest[0] === 'help'
			? {kind: 'help', stdout: operationHelp(operationName, serviceName)}
			: {kind: 'not-simulated', service: serviceName, cliName: operationName, operation: operation.name, globals};
	}

	const paginated = paginatorFor(operation.name) !== undefined;
	const result = parseOperationArgs(rest, operationName, operation.input, inputParameters(operationName, serviceName), env, globals, paginated);
	if ('help' in result) {
		return {kind: 'help', stdout: operationHelp(operationName, serviceName)};
	}

	if ('skeleton' in result) return {kind: 'help', stdout: result.skeleton};

	if (!isSimulated(operation.name)) {
		return {kind: 'not-simulated', service: serviceName, cliName: operationName, operation: operation.name, globals};
	}

	return {kind: 'call', service: serviceName, cliName: operationName, operation: operation.name, params: result.params, globals, ...(result.pagination ? {pagination: result.pagination} : {}), ...(result.stub ? {stub: true as const} : {})};
};

/** Parses the words after `aws`. Never throws: every failure is a CLI-style error result. */
export const parseAws = (args: readonly string[], env: ParseEnv): ParseResult => {
	try {
		if (args.length === 0) {
			return usageError('the following arguments are required: command');
		}

		if (args.length === 1 && args[0] === 'help') {
			return {kind: 'help', stdout: topHelp()};
		}

		// argparse's version action prints and exits as soon as it is met, before any other check.
		if (args.includes('--version')) {
			return {kind: 'help', stdout: VERSION_STRING};
		}

		const main = parseKnownArgs(args, {options: globalOptions, positionals: [{name: 'command', choices: [...awsCommands(), 'help']}]});
		const globals = readGlobals(main);
		const command = main.positionals[0];
		if (command === 'help') {
			return {kind: 'help', stdout: topHelp()};
		}

		if (command === 'configure') {
			const request = parseConfigure(main.extras);
			return 'kind' in request ? request : {kind: 'configure', request, globals};
		}

		if (!SANDBOX_SERVICES.includes(command)) {
			return {kind: 'unsupported-service', service: command, globals};
		}

		return parseService(command, main.extras, env, globals);
	} catch (error) {
		if (error instanceof ParseFailure) {
			return error.result;
		}

		if (error instanceof PyValueError) {
			return generalError(error.message);
		}

		if (error instanceof RangeError) return paramValidationError('maximum recursion depth exceeded: the command line is nested too deeply');
		return generalError(error instanceof Error ? error.message : String(error));
	}
};
