// The output layer's public surface: what run-aws.ts and the lessons use.
export {renderOutput, OUTPUT_FORMATS, type OutputFormat, type RenderOptions, type RenderResult} from './render.js';
export {checkQuery, applyQuery, search, JmesPathError, type QueryFailure} from './query.js';
export {
	apiErrorText, paramValidationErrorText, errorText, waiterErrorText, waiterReason, acceptorExplanation,
	EXIT_OK, EXIT_PARAM_VALIDATION, EXIT_CONFIGURATION, EXIT_CLIENT_ERROR, EXIT_GENERAL,
	type WaiterFailure, type WaiterAcceptor,
} from './errors.js';
export {orderByShape, type ShapeSource} from './order.js';
export {formatJson, pyJsonDumps} from './json.js';
export {formatText} from './text.js';
export {formatTable} from './table.js';
export {formatYaml} from './yaml.js';
