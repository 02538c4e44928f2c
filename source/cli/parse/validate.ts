// botocore's client-side parameter validation (botocore/validate.py): every problem in the
// request is collected, then reported as `Parameter validation failed:\n<one line each>`.
import {shape as shapeByName, type CatalogueShape} from '../catalogue.js';
import {PyFloat, RawBytes, pyStr, pyType, pyTypeName} from './python.js';

const scalarTypes: Record<string, string[]> = {
	float: ['float', 'decimal.Decimal', 'int'],
	double: ['float', 'decimal.Decimal', 'int'],
	integer: ['int'],
	long: ['int'],
	boolean: ['bool'],
	string: ['str'],
};

const containerTypes: Record<string, string[]> = {structure: ['dict'], map: ['dict'], list: ['list', 'tuple']};

/** isinstance(value, python type) with Python's quirk that bool is an int. */
const isInstance = (value: unknown, typeName: string): boolean => {
	const actual = pyTypeName(value);
	return actual === typeName || (typeName === 'int' && actual === 'bool');
};

const classNames = (names: string[]): string[] => names.map(n => `<class '${n}'>`);

const displayName = (name: string): string => (name === '' ? 'input' : name.startsWith('.') ? name.slice(1) : name);

const numeric = (value: unknown): number => (value instanceof PyFloat ? value.value : Number(value));

export const validateParameters = (params: unknown, inputShape: string): string[] => {
	const errors: string[] = [];

	const typeCheck = (value: unknown, valid: string[], name: string): boolean => {
		if (valid.some(t => isInstance(value, t))) {
			return true;
		}

		errors.push(`Invalid type for parameter ${displayName(name)}, value: ${pyStr(value)}, type: ${pyType(value)}, valid types: ${classNames(valid).join(', ')}`);
		return false;
	};

	const rangeCheck = (name: string, value: number, shape: CatalogueShape, kind: 'length' | 'value'): void => {
		if (typeof shape.min === 'number' && value < shape.min) {
			errors.push(kind === 'length'
				? `Invalid length for parameter ${displayName(name)}, value: ${value}, valid min length: ${shape.min}`
				: `Invalid value for parameter ${displayName(name)}, value: ${value}, valid min value: ${shape.min}`);
		}
	};

	const visit = (value: unknown, shapeName: string, name: string): void => {
		const shape = shapeByName(shapeName);
		if (!shape) {
			return;
		}

		switch (shape.type) {
			case 'structure': {
				if (!typeCheck(value, containerTypes.structure, name)) {
					return;
				}

				const object = value as Record<string, unknown>;
				for (const required of shape.required ?? []) {
					if (!Object.hasOwn(object, required)) {
						errors.push(`Missing required parameter in ${displayName(name)}: "${required}"`);
					}
				}

				const members = new Map(shape.members.map(m => [m.name, m.shape]));
				const known: string[] = [];
				for (const key of Object.keys(object)) {
					if (members.has(key)) {
						known.push(key);
					} else {
						errors.push(`Unknown parameter in ${displayName(name)}: "${key}", must be one of: ${shape.members.map(m => m.name).join(', ')}`);
					}
				}

				for (const key of known) {
					visit(object[key], members.get(key)!, `${name}.${key}`);
				}

				return;
			}

			case 'list': {
				if (!typeCheck(value, containerTypes.list, name)) {
					return;
				}

				const list = value as unknown[];
				rangeCheck(name, list.length, shape, 'length');
				list.forEach((item, i) => visit(item, shape.member, `${name}[${i}]`));
				return;
			}

			case 'map': {
				if (!typeCheck(value, containerTypes.map, name)) {
					return;
				}

				for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
					visit(key, shape.key, `${name} (key: ${key})`);
					visit(item, shape.value, `${name}.${key}`);
				}

				return;
			}

			case 'string': {
				if (typeCheck(value, scalarTypes.string, name)) {
					rangeCheck(name, (value as string).length, shape, 'length');
				}

				return;
			}

			case 'integer':
			case 'long':
			case 'float':
			case 'double': {
				if (typeCheck(value, scalarTypes[shape.type], name)) {
					rangeCheck(name, numeric(value), shape, 'value');
				}

				return;
			}

			case 'boolean': {
				typeCheck(value, scalarTypes.boolean, name);
				return;
			}

			case 'blob': {
				if (!(typeof value === 'string' || value instanceof RawBytes)) {
					errors.push(`Invalid type for parameter ${displayName(name)}, value: ${pyStr(value)}, type: ${pyType(value)}, valid types: <class 'bytes'>, <class 'bytearray'>, file-like object`);
				}

				return;
			}

			case 'timestamp': {
				if (typeof value !== 'string' && typeof value !== 'number') {
					errors.push(`Invalid type for parameter ${displayName(name)}, value: ${pyStr(value)}, type: ${pyType(value)}, valid types: <class 'datetime.datetime'>, timestamp-string`);
				}
			}
		}
	};

	visit(params, inputShape, '');
	return errors;
};
