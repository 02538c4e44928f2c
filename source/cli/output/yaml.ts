// --output yaml / yaml-stream. AWS CLI v2 dumps with ruamel.yaml (safe, block style, sequences
// not indented under their key). The `yaml` package gets close: the same block layout, plain
// scalars where YAML 1.1 would not misread them, single quotes otherwise. Line folding and a few
// quoting corner cases may differ from ruamel's.
import {parse, stringify} from 'yaml';

export const formatYaml = (response: unknown): string =>
	stringify(response, {version: '1.1', indentSeq: false, singleQuote: true, lineWidth: 80, minContentWidth: 0, aliasDuplicateObjects: false});

/** A --cli-input-yaml text that YAML does not read. */
export class YamlInputError extends Error {}

/** ruamel's safe load, as --cli-input-yaml reads its value (YAML 1.2); YamlInputError when it cannot. */
export const loadYaml = (text: string): unknown => {
	try {
		return parse(text, {version: '1.2', uniqueKeys: false});
	} catch (error) {
		if (error instanceof RangeError) throw error;
		throw new YamlInputError(error instanceof Error ? error.message : String(error));
	}
};
