// The shape of the committed operation catalogue (source/cli/catalogue.json), generated from the
// official EC2 API model by scripts/build-catalogue.mjs. Shapes keep the model's member order,
// which is the order the AWS CLI prints keys in.

export type ShapeType = 'structure' | 'list' | 'map' | 'string' | 'integer' | 'long' | 'boolean' | 'timestamp' | 'blob' | 'double' | 'float';

export type Shape =
	| {type: 'structure'; members: Array<{name: string; shape: string}>; required?: string[]}
	| {type: 'list'; member: string}
	| {type: 'map'; key: string; value: string}
	| {type: 'string'; enum?: string[]}
	| {type: Exclude<ShapeType, 'structure' | 'list' | 'map' | 'string'>};

export type OperationEntry = {
	/** model name, e.g. CreateImage */
	name: string;
	/** input structure shape name, if any */
	input?: string;
	/** output structure shape name, if any (absent: the CLI prints nothing) */
	output?: string;
};

export type Catalogue = {
	/** by CLI name, e.g. "create-image" */
	operations: Record<string, OperationEntry>;
	shapes: Record<string, Shape>;
};
