// Turning what was typed after one `--parameter` into its API value, the way
// awscli/argprocess.py and paramfile.py do: file:// and fileb:// first, then shorthand or JSON
// for structures and lists of structures, then scalar conversion from the model's types.
import {shape as shapeByName, type CatalogueShape, type CliParameter} from '../catalogue.js';
import {parseShorthand, ShorthandParseError, type ShorthandValue} from '../shorthand.js';
import {ParseFailure, paramError} from './errors.js';
import {JsonError, pyJsonLoads} from './json.js';
import {PyValueError, RawBytes, pyFloat, pyInt} from './python.js';

/** Reads a file for file:// and fileb://: undefined when it does not exist; may throw FileTooLarge. */
export type FileReader = (path: string) => string | undefined;

/**
 * The most a file:// or fileb:// value may hold. The CLI itself has no cap, but no EC2 parameter
 * takes more than a few hundred KB (user data: 16 KB; a request: well under 1 MB): a few MB is far
 * beyond any real use, and /dev/zero stops there instead of filling memory.
 */
export const PARAM_FILE_MAX_BYTES = 4 * 1024 * 1024;

export class FileTooLarge extends Error {
	constructor(readonly limit: number) {
		super(`larger than ${limit / 1024 / 1024} MB`);
	}
}

const prefixes = [['file://', false], ['fileb://', true]] as const;

/** get_paramfile: the file's content for file:// / fileb:// values, else undefined. */
export const readParamFile = (cliName: string, value: string, readFile: FileReader): string | RawBytes | undefined => {
	for (const [prefix, binary] of prefixes) {
		if (value.startsWith(prefix)) {
			const path = value.slice(prefix.length);
			let content: string | undefined;
			try {
				content = readFile(path);
			} catch (error) {
				if (!(error instanceof FileTooLarge)) throw error;
				throw new ParseFailure(paramError(cliName, `Unable to load paramfile ${value}: the file is ${error.message}, more than any EC2 parameter takes (AMI School stops reading there)`));
			}

			if (content === undefined) {
				throw new ParseFailure(paramError(cliName, `Unable to load paramfile ${value}: [Errno 2] No such file or directory: '${path}'`));
			}

			return binary ? new RawBytes(content) : content;
		}
	}

	return undefined;
};

const isComplex = (shape: CatalogueShape): boolean => {
	if (shape.type === 'structure' || shape.type === 'map') {
		return true;
	}

	if (shape.type === 'list') {
		const member = shapeByName(shape.member);
		return member?.type === 'structure' || member?.type === 'list' || member?.type === 'map';
	}

	return false;
};

const loadJson = (cliName: string, value: string): unknown => {
	try {
		return pyJsonLoads(value);
	} catch (error) {
		if (error instanceof JsonError) {
			throw new ParseFailure(paramError(cliName, `Invalid JSON: ${error.message}\nJSON received: ${value}`));
		}

		throw error;
	}
};

/** BackCompatVisitor: shape-driven fixes after shorthand parsing. */
const applyShapeTypes = (value: ShorthandValue | unknown, shapeName: string): unknown => {
	const shape = shapeByName(shapeName);
	if (!shape || value === undefined || value === null) {
		return value;
	}

	switch (shape.type) {
		case 'structure': {
			if (typeof value !== 'object' || Array.isArray(value)) {
				return value;
			}

			const object = value as Record<string, unknown>;
			for (const member of shape.members) {
				if (Object.hasOwn(object, member.name)) {
					object[member.name] = applyShapeTypes(object[member.name], member.shape);
				}
			}

			return object;
		}

		case 'list': {
			if (!Array.isArray(value)) {
				return [value];
			}

			return value.map(item => applyShapeTypes(item, shape.member));
		}

		case 'map': {
			if (typeof value !== 'object' || Array.isArray(value)) {
				return value;
			}

			const object = value as Record<string, unknown>;
			for (const key of Object.keys(object)) {
				object[key] = applyShapeTypes(object[key], shape.value);
			}

			return object;
		}

		case 'integer':
		case 'long':
			return pyIntOf(value);
		case 'double':
		case 'float':
			return typeof value === 'string' ? pyFloat(value) : pyFloatTypeError(value);
		case 'boolean': {
			if (typeof value === 'string') {
				const lower = value.toLowerCase();
				return lower === 'true' ? true : lower === 'false' ? false : value;
			}

			return value;
		}

		default:
			return value;
	}
};

const pyIntOf = (value: unknown): number => {
	if (typeof value === 'string') {
		return pyInt(value);
	}

	throw new PyValueError(`int() argument must be a string, a bytes-like object or a real number, not '${Array.isArray(value) ? 'list' : 'dict'}'`);
};

const pyFloatTypeError = (value: unknown): never => {
	throw new PyValueError(`float() argument must be a string or a real number, not '${Array.isArray(value) ? 'list' : 'dict'}'`);
};

const parseAsShorthand = (parameter: CliParameter, shape: CatalogueShape, value: string | string[], readFile: FileReader): unknown => {
	const resolver = (v: string): string | undefined => {
		const content = readParamFile(parameter.cliName, v, readFile);
		return content instanceof RawBytes ? content.text : content;
	};

	try {
		// A structure whose only member is a string `Value` takes the bare value (--description x).
		if (shape.type === 'structure' && shape.members.length === 1 && shape.members[0].name === 'Value' && shapeByName(shape.members[0].shape)?.type === 'string' && typeof value === 'string' && !value.includes('=')) {
			return {Value: value};
		}

		if (Array.isArray(value)) {
			const parsed = value.map(v => parseShorthand(v, resolver));
			return applyShapeTypes(parsed, parameter.shape!);
		}

		const parsed = parseShorthand(value, resolver);
		// Python visits with a throw-away parent: a top-level list shape does not wrap a dict.
		return shape.type === 'list' ? parsed : applyShapeTypes(parsed, parameter.shape!);
	} catch (error) {
		if (error instanceof ShorthandParseError) {
			throw new ParseFailure(paramError(parameter.cliName, error.message));
		}

		throw error;
	}
};

const firstChar = (value: string): string => {
	const stripped = value.trimStart();
	if (stripped.length === 0) {
		throw new PyValueError('string index out of range');
	}

	return stripped[0];
};

/** _unpack_cli_arg: JSON for complex shapes, conversion for scalars. */
const unpackByShape = (cliName: string, shapeName: string, value: unknown): unknown => {
	const shape = shapeByName(shapeName);
	if (!shape || value instanceof RawBytes) {
		return value;
	}

	switch (shape.type) {
		case 'integer':
		case 'long':
			return typeof value === 'string' ? pyInt(value) : value;
		case 'float':
		case 'double':
			return typeof value === 'string' ? pyFloat(value) : value;
		case 'boolean':
			return typeof value === 'string' ? value.toLowerCase() !== 'false' && value !== '' : value;
		case 'structure':
		case 'map': {
			const text = String(value);
			if (firstChar(text) === '{') {
				return loadJson(cliName, text);
			}

			throw new ParseFailure(paramError(cliName, `Invalid JSON:\n${text}`));
		}

		case 'list': {
			if (typeof value === 'string') {
				if (firstChar(value) === '[') {
					return loadJson(cliName, value);
				}
			} else if (Array.isArray(value) && value.length === 1 && typeof value[0] === 'string') {
				const single = value[0].trim();
				if (single && single[0] === '[') {
					return loadJson(cliName, value[0]);
				}
			}

			const items: unknown[] = typeof value === 'string' ? Array.from(value) : Array.isArray(value) ? value : [value];
			try {
				return items.map(item => unpackByShape(cliName, shape.member, item));
			} catch (error) {
				if (error instanceof PyValueError) {
					throw new ParseFailure(paramError(cliName, String(items[0])));
				}

				throw error;
			}
		}

		default:
			return value;
	}
};

/**
 * The API value of one model parameter from its raw CLI value(s): `raw` is a string for
 * single-value parameters and a string[] for lists. Throws ParseFailure (CLI error text) or
 * PyValueError (an uncaught Python ValueError: exit 255).
 */
export const unpackParameter = (parameter: CliParameter, raw: string | string[], readFile: FileReader): unknown => {
	const shape = shapeByName(parameter.shape!)!;
	let value: string | string[] | RawBytes = raw;
	const single = Array.isArray(raw) ? (raw.length === 1 ? raw[0] : undefined) : raw;
	if (single !== undefined) {
		const content = readParamFile(parameter.cliName, single, readFile);
		if (content !== undefined) {
			value = content;
		}
	}

	if (value instanceof RawBytes) {
		return shape.type === 'blob' ? value : unpackByShape(parameter.cliName, parameter.shape!, value.text);
	}

	if (isComplex(shape)) {
		const check = Array.isArray(value) ? value[0] : value;
		if (!(typeof check === 'string' && /^\s*[[{]/.test(check))) {
			return parseAsShorthand(parameter, shape, value, readFile);
		}
	}

	return unpackByShape(parameter.cliName, parameter.shape!, value);
};
