// jmespath.py's TreeInterpreter (jmespath/visitor.py): the AST from parser.ts evaluated over JSON
// values exactly as the AWS CLI evaluates --query. Objects are read through their own keys only,
// so `constructor` or `__proto__` is just a missing field. Every node visited counts against a
// budget, so a query that multiplies its work stops with a message, the same on every machine.
import {isObject} from '../output/json-value.js';
import {callFunction, Expref} from './functions.js';
import type {Node} from './parser.js';
import {JmesPathRuntimeError, pyCompare, pyEquals, pySlice, pyTruthy} from './python.js';

/** How many nodes one evaluation may visit before it is stopped. */
export const QUERY_MAX_STEPS = 5_000_000;

const isFalse = (value: unknown): boolean =>
	value === '' || value === null || value === undefined || value === false || (Array.isArray(value) && value.length === 0) || (isObject(value) && Object.keys(value).length === 0);

const isActualNumber = (value: unknown): value is number => typeof value === 'number';

/** _equals: a 0 or 1 is never equal to a boolean at the top of a comparison. */
const equals = (x: unknown, y: unknown): boolean => {
	if (isActualNumber(x) && (x === 0 || x === 1) && typeof y === 'boolean') return false;
	if (isActualNumber(y) && (y === 0 || y === 1) && typeof x === 'boolean') return false;
	return pyEquals(x, y);
};

const ORDER: Record<string, [string, (n: number) => boolean]> = {
	lt: ['<', n => n < 0], gt: ['>', n => n > 0], lte: ['<=', n => n <= 0], gte: ['>=', n => n >= 0],
};

const comparable = (value: unknown): boolean => typeof value === 'number' || typeof value === 'string';

const withoutNulls = (items: unknown[]): unknown[] => items.filter(item => item !== null && item !== undefined);

export const evaluate = (tree: Node, data: unknown, maxSteps = QUERY_MAX_STEPS): unknown => {
	let steps = 0;
	const visit = (node: Node, value: unknown): unknown => {
		if (++steps > maxSteps) throw new JmesPathRuntimeError(`the --query expression took more than ${maxSteps.toLocaleString('en-US')} steps; AMI School stops it there`);
		const [first, second, third] = node.children;
		switch (node.type) {
			case 'subexpression':
			case 'index_expression':
			case 'pipe':
				return node.children.reduce<unknown>((result, child) => visit(child, result), value);
			case 'field':
				return isObject(value) && Object.hasOwn(value, node.value as string) ? value[node.value as string] : null;
			case 'comparator': {
				const left = visit(first, value);
				const right = visit(second, value);
				if (node.value === 'eq') return equals(left, right);
				if (node.value === 'ne') return !equals(left, right);
				if (!comparable(left) || !comparable(right)) return null;
				const [symbol, test] = ORDER[node.value as string];
				return test(pyCompare(left, right, symbol));
			}
			case 'current':
			case 'identity':
				return value;
			case 'expref':
				return new Expref(first, visit);
			case 'function_expression':
				return callFunction(node.value as string, node.children.map(child => visit(child, value)));
			case 'filter_projection': {
				const base = visit(first, value);
				if (!Array.isArray(base)) return null;
				return withoutNulls(base.filter(element => !isFalse(visit(third, element))).map(element => visit(second, element)));
			}
			case 'flatten': {
				const base = visit(first, value);
				return Array.isArray(base) ? base.flatMap(element => (Array.isArray(element) ? element : [element])) : null;
			}
			case 'index': {
				if (!Array.isArray(value)) return null;
				const index = node.value as number;
				const at = index < 0 ? value.length + index : index;
				return at >= 0 && at < value.length ? value[at] : null;
			}
			case 'slice': {
				if (!Array.isArray(value)) return null;
				const [start, stop, step] = node.value as Array<number | null>;
				return pySlice(value, start, stop, step);
			}
			case 'key_val_pair':
				return visit(first, value);
			case 'literal':
				return node.value;
			case 'multi_select_dict':
				if (value === null || value === undefined) return null;
				return Object.fromEntries(node.children.map(child => [child.value as string, visit(child, value)]));
			case 'multi_select_list':
				if (value === null || value === undefined) return null;
				return node.children.map(child => visit(child, value));
			case 'or_expression': {
				const matched = visit(first, value);
				return isFalse(matched) ? visit(second, value) : matched;
			}
			case 'and_expression': {
				const matched = visit(first, value);
				return isFalse(matched) ? matched : visit(second, value);
			}
			case 'not_expression': {
				const original = visit(first, value);
				if (isActualNumber(original) && original === 0) return false;
				return !pyTruthy(original);
			}
			case 'projection': {
				const base = visit(first, value);
				return Array.isArray(base) ? withoutNulls(base.map(element => visit(second, element))) : null;
			}
			case 'value_projection': {
				const base = visit(first, value);
				return isObject(base) ? withoutNulls(Object.values(base).map(element => visit(second, element))) : null;
			}
			default:
				throw new JmesPathRuntimeError(node.type);
		}
	};

	return visit(tree, data);
};
