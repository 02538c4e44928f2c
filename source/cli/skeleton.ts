// `--generate-cli-skeleton [input|output|yaml-input]`, as AWS CLI v2 builds it from the model
// (awscli/customizations/generatecliskeleton.py over botocore's ArgumentGenerator): every member
// of the shape in model order, strings '', numbers 0, booleans true, timestamps 1970-01-01, a list
// with one sample element, a map with one `KeyName`, and a structure met again inside itself as
// {}. `output` fills strings with their member names instead. botocore picks an enum's sample at
// random; the sandbox takes its first value, so the same command always prints the same skeleton.
import {shape as shapeOf} from './catalogue.js';
import {pyJsonDumps} from './output/json.js';
import {formatYaml} from './output/yaml.js';

type Options = {memberNames: boolean};

const EPOCH = '1970-01-01T00:00:00';

const generate = (shapeName: string, stack: string[], name: string, options: Options): unknown => {
	const shape = shapeOf(shapeName);
	if (!shape) return null;
	stack.push(shapeName);
	try {
		switch (shape.type) {
			case 'structure': {
				if (stack.filter(s => s === shapeName).length > 1) return {};
				const out: Record<string, unknown> = {};
				for (const member of shape.members) Object.defineProperty(out, member.name, {value: generate(member.shape, stack, member.name, options), enumerable: true, writable: true, configurable: true});
				return out;
			}

			case 'list': return [generate(shape.member, stack, options.memberNames ? shape.member : '', options)];
			case 'map': return {KeyName: generate(shape.value, stack, '', options)};
			case 'string': return options.memberNames ? name : shape.enum?.[0] ?? '';
			case 'integer':
			case 'long': return 0;
			case 'float':
			case 'double': return 0;
			case 'boolean': return true;
			case 'timestamp': return EPOCH;
			default: return null; // blob: botocore's generator has no sample for it
		}
	} finally {
		stack.pop();
	}
};

/** The JSON value of a shape's skeleton (output: strings carry their member names). */
export const skeletonValue = (shapeName: string | undefined, memberNames = false): unknown =>
	shapeName === undefined ? {} : generate(shapeName, [], '', {memberNames});

/** Python's json.dump(skeleton, indent=4) + '\n'. */
export const inputSkeletonJson = (shapeName: string | undefined): string => `${pyJsonDumps(skeletonValue(shapeName), 4)}\n`;

/**
 * The yaml-input skeleton: the same sample values as YAML, each member followed by the CLI's
 * comment ("[REQUIRED]" and an enum's "Valid values are: …."). The CLI also adds the first
 * sentence of each member's documentation, which the sandbox's catalogue does not carry.
 */
export const yamlInputSkeleton = (shapeName: string | undefined): string => {
	const value = skeletonValue(shapeName);
	const lines = formatYaml(value).replace(/\n$/, '').split('\n');
	if (shapeName === undefined) return '{}\n';
	const top = shapeOf(shapeName);
	if (top?.type !== 'structure') return `${lines.join('\n')}\n`;
	const required = new Set(top.required ?? []);
	const comments = new Map(top.members.map(member => {
		const memberShape = shapeOf(member.shape);
		const parts = [
			...(required.has(member.name) ? ['[REQUIRED]'] : []),
			...(memberShape?.type === 'string' && memberShape.enum ? [`Valid values are: ${memberShape.enum.join(', ')}.`] : []),
		];
		return [member.name, parts.join(' ')];
	}));
	return `${lines.map(line => {
		const key = /^([A-Za-z]\w*):/.exec(line)?.[1];
		const comment = key === undefined ? '' : comments.get(key) ?? '';
		return comment ? `${line}  # ${comment}` : line;
	}).join('\n')}\n`;
};
