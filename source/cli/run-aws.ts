import {beginCommand, execute} from '../sim/core/engine.js';
import {isDefaultRegion, isOptInRegion} from '../sim/regions/regions.js';
import {runWaiter} from './waiters/waiters.js';
import {describeConfirmed, waiterConfirmed} from './confirmed.js';
import type {GuestHook} from '../sim/core/guest-hook.js';
import type {OpResult, World} from '../sim/core/types.js';
import {isObject, type JsonValue} from './output/json-value.js';
import {profileSettings, DEFAULT_PROFILE} from '../sim/settings/cli-config.js';
import {cliNameOfOperation, operationByCliName, serviceLabel, waiterByCliName} from './catalogue.js';
import {skeletonValue} from './skeleton.js';
import {profileNotFoundText, runConfigure} from './configure.js';
import {apiErrorText, errorText, EXIT_CLIENT_ERROR, EXIT_GENERAL, waiterErrorText} from './output/errors.js';
import {checkQuery} from './output/query.js';
import {OUTPUT_FORMATS, renderOutput, type OutputFormat} from './output/render.js';
import {applyMaxItems} from './max-items.js';
import {parseAws} from './parse.js';

export type AwsEnv = {
	/** reads a file for file:// and fileb:// values; undefined when it does not exist */
	readFile(path: string): string | undefined;
	/**
	 * the Region of the sandbox's default profile until `aws configure set region` names another
	 * (the Region a chapter starts in; us-east-1 for `ami-school aws`)
	 */
	defaultRegion: string;
	/** AWS_REGION, else AWS_DEFAULT_REGION, when the environment sets one: beats the configured Region */
	envRegion?: string;
	/** AWS_DEFAULT_OUTPUT, when set: beats the configured output format */
	envOutput?: string;
	/** AWS_PROFILE, else AWS_DEFAULT_PROFILE, when set */
	envProfile?: string;
	/** terminal width for --output table */
	width?: number;
	/** what runs inside instances (their boots and shutdowns), given to the model */
	guest: GuestHook;
};

/**
 * The answer as data, beside the printed text: `output` is the operation's output as the model
 * answered it; `data` what the CLI printed from it, as data (key order, --max-items, --query
 * applied; null when it printed nothing). An API error gives its code and message; a failure
 * before or after the call (usage, region, query, pagination) has no `error`, only stderr.
 */
export type AwsAnswer =
	| {ok: true; output: Record<string, unknown> | undefined; data: JsonValue | null}
	| {ok: false; error?: {code: string; message: string}};

/** One API call a command made (a line may make several, e.g. `$(aws …)` inside `echo`). */
export type ApiCall = {
	operation: string; // model name, e.g. CreateImage
	region: string;
	ok: boolean;
	errorCode?: string; // e.g. InvalidAMIID.NotFound, DryRunOperation
	dryRun: boolean;
	/** the model changed the world for this call (absent in older saves): what par counts */
	changed?: boolean;
	/** what the call established about the resources it returned without printing it (confirmed.ts): their IDs and names, and states */
	confirmed?: string[];
};

export type AwsOutcome = {world: World; stdout: string; stderr: string; exitCode: number; calls: ApiCall[]; answer: AwsAnswer};

// botocore's check on a region name before it builds an endpoint from it.
const REGION_FORMAT = /^[a-zA-Z\d](?:[a-zA-Z\d-]{0,61}[a-zA-Z\d])?$/;

// an empty response prints nothing in every format
const isEmptyResponse = (value: JsonValue): boolean => isObject(value) && Object.keys(value).length === 0;

/** Region problems the CLI finds before any request is sent (reference 1.3). */
const regionProblem = (region: string, service: string): string | undefined => {
	if (!REGION_FORMAT.test(region)) return `Provided region_name '${region}' doesn't match a supported format.`;
	if (!isDefaultRegion(region) && !isOptInRegion(region)) return `Could not connect to the endpoint URL: "https://${service}.${region}.amazonaws.com/"`;
	return undefined;
};

const callOf = (operation: string, region: string, params: Record<string, unknown>, result: OpResult, confirmed?: string[], changed = false): ApiCall => ({
	operation,
	region,
	ok: result.ok,
	errorCode: result.ok ? undefined : result.error.code,
	dryRun: params.DryRun === true,
	changed,
	...(confirmed ? {confirmed} : {}),
});

/**
 * `run-instances --image-id resolve:ssm:/aws/service/…`: EC2 reads the public parameter for the
 * learner (CloudTrail shows its ssm:GetParameters), so the record holds that call before the launch.
 */
const resolvedParameterCall = (operation: string, region: string, params: Record<string, unknown>, result: OpResult): ApiCall[] =>
	operation === 'RunInstances' && result.ok && typeof params.ImageId === 'string' && params.ImageId.startsWith('resolve:ssm:/aws/service/')
		? [{operation: 'GetParameters', region, ok: true, dryRun: false, changed: false}]
		: [];

/**
 * THE function behind every `aws` command, at the game's prompt and from `ami-school aws`:
 * a world and the words after `aws` in; the new world, stdout, stderr and exit code out, exactly
 * as AWS CLI v2 (2.34+) prints them. A request that reaches the model moves the virtual clock on a
 * little; one the CLI rejects first (usage errors, help, a bad Region or --query) never left the
 * machine, so it returns the world untouched (the same object: nothing to save).
 */
export const runAws = (world: World, args: string[], env: AwsEnv): AwsOutcome => {
	const done = (stdout: string, stderr: string, exitCode: number, calls: ApiCall[] = [], next: World = world, answer: AwsAnswer = {ok: false}): AwsOutcome => ({world: next, stdout, stderr, exitCode, calls, answer});

	const parsed = parseAws(args, {readFile: env.readFile});
	switch (parsed.kind) {
		case 'error': {
			return done('', parsed.stderr, parsed.exitCode);
		}

		case 'help': {
			return done(parsed.stdout, '', 0, [], world, {ok: true, output: undefined, data: null});
		}

		case 'unsupported-service': {
			return done('', errorText(`AMI School simulates 'aws ec2', 'aws ssm' (the public latest-AMI parameters), 'aws sts' and 'aws configure'; 'aws ${parsed.service}' is a real AWS CLI command, but it is not part of this sandbox.`), EXIT_GENERAL);
		}

		case 'not-simulated': {
			const label = serviceLabel(parsed.service);
			const what = parsed.cliName.startsWith('wait ') ? `a real ${label} waiter (it polls ${parsed.operation})` : `a real ${label} operation (${parsed.operation})`;
			return done('', errorText(`'aws ${parsed.service} ${parsed.cliName}' is ${what}, but AMI School does not simulate it. Run 'aws ${parsed.service} help' for the operations it does.`), EXIT_GENERAL);
		}

		case 'configure': {
			const configured = runConfigure(parsed.request, {world, defaultRegion: env.defaultRegion, profileOption: parsed.globals.profile, envProfile: env.envProfile, envRegion: env.envRegion});
			const answer: AwsAnswer = configured.exitCode === 0 ? {ok: true, output: undefined, data: configured.stdout === '' ? null : configured.stdout.replace(/\n$/, '')} : {ok: false};
			return done(configured.stdout, configured.stderr, configured.exitCode, [], configured.world, answer);
		}

		case 'call':
		case 'wait': {
			break;
		}
	}

	// the profile's settings, under the environment's, under the options (awscli/clidriver.py)
	const profile = parsed.globals.profile ?? env.envProfile ?? DEFAULT_PROFILE;
	const settings = profileSettings(world, env.defaultRegion, profile);
	if (!settings) return done('', profileNotFoundText(profile), EXIT_GENERAL);
	const region = parsed.globals.region ?? env.envRegion ?? settings.region ?? env.defaultRegion;
	const format = parsed.globals.output ?? env.envOutput ?? settings.output ?? 'json';
	if (!(OUTPUT_FORMATS as readonly string[]).includes(format)) return done('', errorText(`Unknown output type: ${format}`), EXIT_GENERAL);
	const problem = regionProblem(region, parsed.kind === 'call' ? parsed.service : 'ec2');
	if (problem) return done('', errorText(problem), EXIT_GENERAL);

	if (parsed.globals.query !== undefined) {
		const bad = checkQuery(parsed.globals.query);
		if (bad) return done('', bad.stderr, bad.exitCode);
	}

	if (parsed.stub) {
		// `--generate-cli-skeleton output`: the CLI answers from a stubbed client, so nothing is sent
		const operation = operationByCliName(cliNameOfOperation(parsed.operation)!, parsed.kind === 'call' ? parsed.service : 'ec2');
		const sample = skeletonValue(operation?.output, true) as object;
		const rendered = renderOutput(sample, {service: parsed.kind === 'call' ? parsed.service : 'ec2', cliName: cliNameOfOperation(parsed.operation)!, format: format as OutputFormat, query: parsed.globals.query, width: env.width});
		if (!rendered.ok) return done('', rendered.stderr, rendered.exitCode);
		return done(rendered.stdout, '', 0, [], world, {ok: true, output: undefined, data: null});
	}

	const ticked = beginCommand(world, env.guest);
	if (parsed.kind === 'wait') {
		const waited = runWaiter(ticked, {waiter: waiterByCliName(parsed.waiter)!, region, params: parsed.params}, env.guest);
		const waiter = waiterByCliName(parsed.waiter)!;
		const polls = waited.calls.map(call => (call.result.ok ? call.result.output : undefined));
		const confirmed = waited.result.ok ? waiterConfirmed(waiter, parsed.params, polls) : undefined;
		const calls = waited.calls.map((call, i) => callOf(call.operation, region, parsed.params, call.result, i === waited.calls.length - 1 ? confirmed : undefined));
		if (waited.result.ok) return done('', '', 0, calls, waited.world, {ok: true, output: undefined, data: null});
		return done('', waiterErrorText(waited.name, waited.result.reason), EXIT_GENERAL, calls, waited.world);
	}

	const {world: next, result, changed} = execute(ticked, {operation: parsed.operation, region, params: parsed.params}, env.guest);
	const confirmed = result.ok ? describeConfirmed(parsed.operation, parsed.params, result.output) : undefined;
	const calls = [...resolvedParameterCall(parsed.operation, region, parsed.params, result), callOf(parsed.operation, region, parsed.params, result, confirmed, changed)];
	if (!result.ok) return done('', apiErrorText(result.error.code, result.error.message, parsed.operation), EXIT_CLIENT_ERROR, calls, next, {ok: false, error: result.error});

	const paged = applyMaxItems(parsed.operation, result.output, parsed.pagination);
	if (!paged.ok) return done('', errorText(paged.message), EXIT_GENERAL, calls, next);
	const rendered = renderOutput(paged.output, {service: parsed.service, cliName: parsed.cliName, format: format as OutputFormat, query: parsed.globals.query, width: env.width, nextToken: paged.nextToken});
	if (!rendered.ok) return done('', rendered.stderr, rendered.exitCode, calls, next);
	const data = rendered.data === undefined || isEmptyResponse(rendered.data) ? null : rendered.data;
	return done(rendered.stdout, '', 0, calls, next, {ok: true, output: result.output, data});
};
