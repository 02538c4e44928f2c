// `aws configure list | list-profiles | get | set` against the sandbox's own configuration (the
// world's cliConfig, never the learner's real ~/.aws files), with the texts and exit codes of
// awscli/customizations/configure/*.py (CLI v2): `get` prints the value and exits 0, or prints
// nothing and exits 1 when it is not set; `list` prints one row per setting with where it came from.
import {cliConfig, DEFAULT_PROFILE, profileSettings, setCliConfigValue} from '../sim/settings/cli-config.js';
import {SANDBOX_ACCESS_KEY_ID, SANDBOX_SECRET_ACCESS_KEY} from '../sim/identity/operations.js';
import type {World} from '../sim/core/types.js';
import {parseKnownArgs} from './parse/argparse.js';
import {ParseFailure, usageError, type ParseError} from './parse/errors.js';
import {errorText, EXIT_GENERAL} from './output/errors.js';

export type ConfigureRequest =
	| {verb: 'list'}
	| {verb: 'list-profiles'}
	| {verb: 'get'; name: string}
	| {verb: 'set'; name: string; value: string}
	/** plain `aws configure`: the interactive wizard */
	| {verb: 'wizard'};

const SUBCOMMANDS = ['list', 'list-profiles', 'get', 'set'];

/** The words after `aws configure` (global options already taken out). */
export const parseConfigure = (args: string[]): ConfigureRequest | ParseError => {
	try {
		const top = parseKnownArgs(args, {options: [], positionals: [{name: 'subcommand', choices: SUBCOMMANDS, optional: true}]});
		const verb = top.positionals[0];
		const rest = top.extras;
		if (verb === undefined) return rest.length === 0 ? {verb: 'wizard'} : usageError(`Unknown options: ${rest.join(', ')}`);
		if (verb === 'list' || verb === 'list-profiles') {
			if (rest.length > 0) throw new ParseFailure(usageError(`Unknown options: ${rest.join(', ')}`));
			return {verb};
		}

		const positionals = verb === 'get' ? [{name: 'varname'}] : [{name: 'varname'}, {name: 'value'}];
		const parsed = parseKnownArgs(rest, {options: [], positionals});
		if (parsed.extras.length > 0) throw new ParseFailure(usageError(`Unknown options: ${parsed.extras.join(', ')}`));
		return verb === 'get' ? {verb, name: parsed.positionals[0]} : {verb: 'set', name: parsed.positionals[0], value: parsed.positionals[1]};
	} catch (error) {
		if (error instanceof ParseFailure) return error.result;
		throw error;
	}
};

export type ConfigureContext = {
	world: World;
	/** the default profile's region while none is configured */
	defaultRegion: string;
	/** --profile, if given */
	profileOption?: string;
	/** AWS_PROFILE (or AWS_DEFAULT_PROFILE), if set */
	envProfile?: string;
	/** AWS_REGION (or AWS_DEFAULT_REGION), if set */
	envRegion?: string;
};

export type ConfigureOutcome = {world: World; stdout: string; stderr: string; exitCode: number};

/** botocore's ProfileNotFound, which the CLI's general handler prints (exit 255). */
export const profileNotFoundText = (profile: string): string => errorText(`The config profile (${profile}) could not be found`);

const row = (name: string, value: string, type: string, location: string): string => `${name.padEnd(10)} : ${value.padEnd(24)} : ${type.padEnd(16)} : ${location}\n`;
const masked = (secret: string): string => `${'*'.repeat(16)}${secret.slice(-4)}`;
const NOT_SET = '<not set>';
/** str() of botocore's list of environment variables for a setting */
const ENV_NAMES = {profile: "['AWS_PROFILE', 'AWS_DEFAULT_PROFILE']", region: "['AWS_REGION', 'AWS_DEFAULT_REGION']"};

/**
 * Which profile and setting a (possibly dotted) name means: `region` in the current profile,
 * `default.region`, `profile.dev.region`, or `dev.region` for a configured profile `dev`.
 */
const scoped = (name: string, current: string, profiles: string[]): {profile: string; key: string} => {
	const parts = name.split('.');
	if (parts.length === 1) return {profile: current, key: name};
	if (parts[0] === 'profile' && parts.length >= 3) return {profile: parts[1], key: parts.slice(2).join('.')};
	if (parts[0] === 'default' || profiles.includes(parts[0])) return {profile: parts[0], key: parts.slice(1).join('.')};
	return {profile: current, key: name};
};

export const runConfigure = (request: ConfigureRequest, ctx: ConfigureContext): ConfigureOutcome => {
	const {world, defaultRegion} = ctx;
	const profile = ctx.profileOption ?? ctx.envProfile ?? DEFAULT_PROFILE;
	const settings = profileSettings(world, defaultRegion, profile);
	const done = (stdout: string, stderr = '', exitCode = 0, next = world): ConfigureOutcome => ({world: next, stdout, stderr, exitCode});
	switch (request.verb) {
		case 'wizard': {
			return done('', errorText("AMI School has no interactive 'aws configure': its sandbox already has credentials. Set a value with 'aws configure set region eu-west-1' (or output), and see them all with 'aws configure list'."), EXIT_GENERAL);
		}

		case 'list-profiles': {
			return done(Object.keys(cliConfig(world, defaultRegion).profiles).map(name => `${name}\n`).join(''));
		}

		case 'list': {
			let out = row('NAME', 'VALUE', 'TYPE', 'LOCATION');
			out += ctx.profileOption === undefined
				? ctx.envProfile === undefined ? row('profile', NOT_SET, 'None', 'None') : row('profile', ctx.envProfile, 'env', ENV_NAMES.profile)
				: row('profile', ctx.profileOption, 'manual', '--profile');
			if (!settings) return done(out, profileNotFoundText(profile), EXIT_GENERAL);
			out += row('access_key', masked(SANDBOX_ACCESS_KEY_ID), 'shared-credentials-file', '');
			out += row('secret_key', masked(SANDBOX_SECRET_ACCESS_KEY), 'shared-credentials-file', '');
			if (ctx.envRegion !== undefined) out += row('region', ctx.envRegion, 'env', ENV_NAMES.region);
			else if (settings.region !== undefined) out += row('region', settings.region, 'config-file', '~/.aws/config');
			else out += row('region', NOT_SET, 'None', 'None');
			return done(out);
		}

		case 'get': {
			if (!settings) return done('', profileNotFoundText(profile), EXIT_GENERAL);
			const target = scoped(request.name, profile, Object.keys(cliConfig(world, defaultRegion).profiles));
			const values = profileSettings(world, defaultRegion, target.profile);
			const credentials: Record<string, string> = {aws_access_key_id: SANDBOX_ACCESS_KEY_ID, aws_secret_access_key: SANDBOX_SECRET_ACCESS_KEY};
			const value = values === undefined ? undefined : Object.hasOwn(values, target.key) ? values[target.key] : Object.hasOwn(credentials, target.key) ? credentials[target.key] : undefined;
			return value === undefined ? done('', '', 1) : done(`${value}\n`);
		}

		case 'set': {
			const target = scoped(request.name, profile, Object.keys(cliConfig(world, defaultRegion).profiles));
			return done('', '', 0, setCliConfigValue(world, defaultRegion, target.profile, target.key, request.value));
		}
	}
};
