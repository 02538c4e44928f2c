import type {OpHandler} from '../core/engine.js';
import {fail} from '../core/errors.js';
import {LATEST_AMI_PARAMETERS, publicParameter, type PublicParameter} from './public-parameters.js';

// GetParameter, GetParameters and GetParametersByPath over the public latest-AMI parameters
// (public-parameters.ts). SSM speaks the JSON protocol, so the CLI prints LastModifiedDate from an
// epoch with fractions: 2026-08-25T08:20:00.385000+00:00 (Python's isoformat).

export const jsonProtocolTimestamp = (ms: number): string => {
	const iso = new Date(ms).toISOString();
	const fraction = ms % 1000 === 0 ? '' : `.${iso.slice(20, 23)}000`;
	return `${iso.slice(0, 19)}${fraction}+00:00`;
};

const shown = (parameter: PublicParameter): Record<string, unknown> => ({...parameter, LastModifiedDate: jsonProtocolTimestamp(parameter.LastModifiedDate)});

const getParameter: OpHandler = (ctx, params) => {
	const parameter = publicParameter(ctx.region, ctx.regionName, String(params.Name ?? '').trim());
	// SSM's ParameterNotFound carries no message (the CLI prints nothing after the colon)
	if (!parameter) fail('ParameterNotFound', '');
	return {Parameter: shown(parameter!)};
};

const getParameters: OpHandler = (ctx, params) => {
	const names = (Array.isArray(params.Names) ? params.Names : []).map(name => String(name).trim());
	const found: Array<Record<string, unknown>> = [];
	const invalid: string[] = [];
	for (const name of names) {
		const parameter = publicParameter(ctx.region, ctx.regionName, name);
		if (parameter) found.push(shown(parameter));
		else invalid.push(name);
	}

	return {Parameters: found, InvalidParameters: invalid};
};

const getParametersByPath: OpHandler = (ctx, params) => {
	const path = String(params.Path ?? '').replace(/(.)\/+$/, '$1');
	const recursive = params.Recursive === true;
	const prefix = path === '/' ? '/' : `${path}/`;
	const names = LATEST_AMI_PARAMETERS.filter(name => name.startsWith(prefix) && (recursive || !name.slice(prefix.length).includes('/')));
	const parameters = names.map(name => publicParameter(ctx.region, ctx.regionName, name)).filter(p => p !== undefined);
	return {Parameters: parameters.map(shown)};
};

export const ssmOperations: Record<string, OpHandler> = {
	GetParameter: getParameter,
	GetParameters: getParameters,
	GetParametersByPath: getParametersByPath,
};
