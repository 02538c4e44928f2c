// Everything between an operation's output object and what the CLI prints: key order from the
// model, --query, then the chosen --output formatter (awscli/formatter.py).
import {operationByCliName, shape} from '../catalogue.js';
import {EXIT_GENERAL, errorText} from './errors.js';
import {formatJson} from './json.js';
import type {JsonValue} from './json-value.js';
import {orderByShape, type ShapeSource} from './order.js';
import {applyQuery} from './query.js';
import {formatTable} from './table.js';
import {formatText} from './text.js';
import {formatYaml} from './yaml.js';

export type OutputFormat = 'json' | 'text' | 'table' | 'yaml' | 'yaml-stream' | 'off';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['json', 'text', 'table', 'yaml', 'yaml-stream', 'off'];

export type RenderOptions = {
	/** the operation's service (ec2 unless said) */
	service?: string;
	/** the operation's CLI name (describe-images): gives the table title and the output shape */
	cliName: string;
	/** overrides the catalogue's output shape name (absent there: keys keep the handler's order) */
	outputShape?: string;
	/** where shapes come from; the committed catalogue by default */
	shapes?: ShapeSource;
	format: OutputFormat;
	/** the --query expression, if any (check it with checkQuery before calling the API) */
	query?: string;
	/** terminal width for --output table (the CLI falls back to 80 when it cannot tell) */
	width?: number;
	/** the NextToken of a result cut by --max-items: the CLI adds it as the last key */
	nextToken?: string;
};

/** `data`: what was printed, as data (after key order, --max-items and --query); undefined when nothing is (--output off) */
export type RenderResult = {ok: true; stdout: string; data?: JsonValue} | {ok: false; stderr: string; exitCode: number};

/**
 * What the CLI prints for a successful call. `output` undefined means the operation has no output
 * shape (the response is `{}`): json/text/table/yaml then print nothing, as the CLI does.
 */
export const renderOutput = (output: object | undefined, options: RenderOptions): RenderResult => {
	const operation = operationByCliName(options.cliName, options.service);
	const operationName = operation?.name ?? options.cliName;
	let response: JsonValue = orderByShape(output ?? {}, options.outputShape ?? operation?.output, options.shapes ?? shape);
	if (options.format === 'off') return {ok: true, stdout: ''};
	// The paginated text formatter prints the pages, then the token on a row of its own (through
	// the query, if any, applied to {"NextToken": {"NextToken": token}}).
	let textTail: JsonValue | undefined;
	if (options.nextToken !== undefined) {
		const tail = {NextToken: {NextToken: options.nextToken}} as JsonValue;
		if (options.format === 'text') {
			textTail = tail;
		} else {
			const {NextToken: _ignored, ...rest} = response as Record<string, JsonValue>;
			response = {...rest, NextToken: options.nextToken};
		}
	}

	if (options.query !== undefined) {
		const queried = applyQuery(response, options.query);
		if (!queried.ok) return queried;
		response = queried.value;
		if (textTail !== undefined) {
			const tail = applyQuery(textTail, options.query);
			if (!tail.ok) return tail;
			textTail = tail.value;
		}
	}

	try {
		switch (options.format) {
			case 'json': return {ok: true, stdout: formatJson(response), data: response};
			case 'text': return {ok: true, stdout: formatText(response) + (textTail === undefined ? '' : formatText(textTail)), data: response};
			case 'table': return {ok: true, stdout: formatTable(response, operationName, options.width ?? 80), data: response};
			case 'yaml':
			case 'yaml-stream':
				return {ok: true, stdout: isEmptyObject(response) ? '' : formatYaml(response), data: response};
		}
	} catch (error) {
		// a formatter crash is a general error in the CLI (e.g. text.py meeting a list of mixed items)
		return {ok: false, stderr: errorText(error instanceof Error ? error.message : String(error)), exitCode: EXIT_GENERAL};
	}
};

const isEmptyObject = (value: unknown): boolean =>
	typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 0;
