#!/usr/bin/env node
// Builds source/cli/catalogue.json from the official EC2 service model. Run on demand only
// (`npm run catalogue`), never on install or CI; the output is committed.
//
// Source: botocore's `data/ec2/2016-11-15/service-2.json(.gz)` and `waiters-2.json`, fetched with
// `pip download botocore==<version> --no-deps` (a wheel is a zip; python3 extracts the two files).
// Why botocore and not npm aws-sdk@2: the AWS CLI prints keys in *botocore's* member order, and
// botocore reordered many shapes after aws-sdk v2 froze (Image: PlatformDetails ... ImageId, ...).
// The CLI (v2 >= 2.34) ships a botocore of that newer generation, so only its model is faithful.
//
// Options:  --model <service-2.json[.gz]> --waiters <waiters-2.json>   use local files (offline)
//           --botocore <version>                                   default 1.43.11 (an installed
//                                                                  botocore of that version is used
//                                                                  as is; else pip downloads it)
import {execFileSync} from 'node:child_process';
import {mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {gunzipSync} from 'node:zlib';
import {register} from 'tsx/esm/api';

register();
const {cliName} = await import('../source/cli/xform-name.ts');

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = name => {
	const i = args.indexOf(name);
	return i === -1 ? undefined : args[i + 1];
};

const readMaybeGz = path => {
	const raw = readFileSync(path);
	return JSON.parse((raw[0] === 0x1f && raw[1] === 0x8b ? gunzipSync(raw) : raw).toString('utf8'));
};

// Services besides EC2 that the sandbox answers: `aws sts` (who am I) and `aws ssm` (the public
// latest-AMI parameters).
const OTHER_SERVICES = ['ssm', 'sts'];

/** Reads a service's newest model and paginators from a botocore data folder. */
const otherServiceReader = dataDir => name => {
	const version = readdirSync(join(dataDir, name)).sort().at(-1);
	const folder = join(dataDir, name, version);
	const files = readdirSync(folder);
	const model = readMaybeGz(join(folder, files.find(f => f.startsWith('service-2.json'))));
	const paginators = files.includes('paginators-1.json') ? readMaybeGz(join(folder, 'paginators-1.json')) : {pagination: {}};
	return {model, paginators};
};

const loadModel = () => {
	const modelPath = option('--model');
	const waitersPath = option('--waiters');
	if (modelPath && waitersPath) {
		const paginatorsPath = option('--paginators');
		return {model: readMaybeGz(modelPath), waiters: readMaybeGz(waitersPath), paginators: paginatorsPath ? readMaybeGz(paginatorsPath) : {pagination: {}}, services: [], source: `local ${modelPath}`};
	}

	const version = option('--botocore') ?? '1.43.11';
	// An installed botocore of the wanted version (pip install botocore==<version>) needs no network.
	try {
		const installed = execFileSync('python3', ['-c', 'import botocore,os;print(botocore.__version__);print(os.path.dirname(botocore.__file__))'], {encoding: 'utf8'}).trim().split('\n');
		if (installed[0] === version) {
			const data = join(installed[1], 'data/ec2/2016-11-15');
			const services = readdirSync(join(installed[1], 'data'), {withFileTypes: true}).filter(d => d.isDirectory()).map(d => d.name);
			return {model: readMaybeGz(join(data, 'service-2.json.gz')), waiters: readMaybeGz(join(data, 'waiters-2.json')), paginators: readMaybeGz(join(data, 'paginators-1.json')), services, source: `botocore ${version}`, otherService: otherServiceReader(join(installed[1], 'data'))};
		}
	} catch {
		// no python botocore: download it
	}

	const dir = mkdtempSync(join(tmpdir(), 'catalogue-'));
	try {
		// the other services the sandbox answers (their model and paginators), read before the
		// folder goes
		const other = {};
		execFileSync('python3', ['-m', 'pip', 'download', `botocore==${version}`, '--no-deps', '--only-binary=:all:', '-d', dir, '-q'], {stdio: 'inherit'});
		const wheel = readdirSync(dir).find(f => f.endsWith('.whl'));
		const inner = 'botocore/data/ec2/2016-11-15/';
		execFileSync('python3', ['-c', `import zipfile,sys
z=zipfile.ZipFile(sys.argv[1])
for n in ('service-2.json.gz','waiters-2.json','paginators-1.json'):
    z.extract(sys.argv[2]+n, sys.argv[3])
for n in z.namelist():
    p=n.split('/')
    if len(p)==5 and p[2] in ('ssm','sts') and p[4] in ('service-2.json.gz','paginators-1.json'): z.extract(n, sys.argv[3])
open(sys.argv[3]+'/services.txt','w').write('\\n'.join(sorted({n.split('/')[2] for n in z.namelist() if n.startswith('botocore/data/') and n.count('/')>=4})))`, join(dir, wheel), inner, dir]);
		const dataDir = join(dir, 'botocore/data');
		for (const name of OTHER_SERVICES) other[name] = otherServiceReader(dataDir)(name);
		return {
			otherService: name => other[name],
			model: readMaybeGz(join(dir, inner, 'service-2.json.gz')),
			waiters: readMaybeGz(join(dir, inner, 'waiters-2.json')),
			paginators: readMaybeGz(join(dir, inner, 'paginators-1.json')),
			services: readFileSync(join(dir, 'services.txt'), 'utf8').split('\n'),
			source: `botocore ${version}`,
		};
	} finally {
		rmSync(dir, {recursive: true, force: true});
	}
};

const {model, waiters, paginators, services, source, otherService} = loadModel();
// Output shapes are kept for the operations the EC2 model simulates (one list: the model's own).
const {operations: simulatedOperations} = await import('../source/sim/operations.ts');
const simulated = new Set(Object.keys(simulatedOperations));

// Compact shape: type, members in model order, required, enum, and the constraints botocore
// validates client-side (min only; botocore never checks max or pattern).
const compact = shape => {
	const out = {type: shape.type};
	if (shape.type === 'structure') {
		out.members = Object.entries(shape.members ?? {}).map(([name, m]) => ({name, shape: m.shape, ...(m.idempotencyToken ? {idempotencyToken: true} : {})}));
		if (shape.required?.length) {
			out.required = shape.required;
		}
	} else if (shape.type === 'list') {
		out.member = shape.member.shape;
	} else if (shape.type === 'map') {
		out.key = shape.key.shape;
		out.value = shape.value.shape;
	} else if (shape.enum) {
		out.enum = shape.enum;
	}

	if (typeof shape.min === 'number') {
		out.min = shape.min;
	}

	return out;
};

const shapes = {};
const visit = name => {
	if (!name || shapes[name]) {
		return;
	}

	const shape = model.shapes[name];
	shapes[name] = compact(shape);
	for (const m of Object.values(shape.members ?? {})) {
		visit(m.shape);
	}

	visit(shape.member?.shape);
	visit(shape.key?.shape);
	visit(shape.value?.shape);
};

const operations = {};
const deprecated = [];
for (const name of Object.keys(model.operations).sort()) {
	const op = model.operations[name];
	operations[cliName(name)] = {name, ...(op.input ? {input: op.input.shape} : {}), ...(op.output ? {output: op.output.shape} : {})};
	if (op.deprecated) {
		deprecated.push(cliName(name));
	}

	visit(op.input?.shape);
}

// Output shapes: all of them if the file stays small, else only the simulated operations'.
const inputOnly = JSON.stringify({operations, shapes}).length;
for (const [, op] of Object.entries(operations)) {
	if (op.output && (inputOnly < 350_000 || simulated.has(op.name))) {
		visit(op.output);
	}
}

const waiterTable = {};
for (const [name, w] of Object.entries(waiters.waiters)) {
	waiterTable[cliName(name)] = {name, operation: w.operation, delay: w.delay, maxAttempts: w.maxAttempts, acceptors: w.acceptors};
}

// Paginated operations: the CLI adds --starting-token/--page-size/--max-items and hides the
// token and limit members (awscli/customizations/paginate.py).
const paginatorTable = {};
for (const [name, p] of Object.entries(paginators.pagination ?? {})) {
	paginatorTable[name] = {inputToken: p.input_token, outputToken: p.output_token, ...(p.limit_key ? {limitKey: p.limit_key} : {}), resultKey: p.result_key};
}

// Top-level `aws` commands: botocore service names with the CLI's renames, plus its own commands.
const renames = {s3: 's3api', config: 'configservice', codedeploy: 'deploy'};
const commands = [...new Set([...services.filter(Boolean).map(s => renames[s] ?? s), 's3', 'configure', 'history', 'cli-dev', 'ddb', 'login', 'logout'])].sort();

const catalogue = {source, operations, shapes, waiters: waiterTable, paginators: paginatorTable, deprecated, commands};
const text = JSON.stringify(catalogue);
writeFileSync(join(root, 'source/cli/catalogue.json'), text + '\n');
// The model (source/sim, which imports no other layer) gets the InstanceType enum as its own file:
// every instance type RunInstances accepts (instance-types.ts holds the hardware facts by family).
writeFileSync(join(root, 'source/sim/instances/instance-type-names.json'), JSON.stringify({source, InstanceType: model.shapes.InstanceType.enum}) + '\n');
console.log(`catalogue.json: ${Object.keys(operations).length} operations, ${Object.keys(shapes).length} shapes, ${Object.keys(waiterTable).length} waiters, ${(text.length / 1024).toFixed(0)} KB (from ${source})`);

// ---- the documentation `aws <service> <operation> help` shows, for the simulated operations only:
// each operation's description, each parameter's, as plain text (paragraphs split by a blank line,
// list items starting with "* "); the filter names are the list in the Filters parameter's text.
const plain = html => {
	const text = String(html ?? '')
		.replace(/<li>\s*<p>/g, '<li>')
		.replace(/<li>/g, '\n\n* ')
		.replace(/<\/?(p|ul|ol|li|note|important|div|br\s*\/?)>/g, '\n\n')
		.replace(/<[^>]+>/g, '')
		.replaceAll('&lt;', '<')
		.replaceAll('&gt;', '>')
		.replaceAll('&quot;', '"')
		.replaceAll('&#39;', "'")
		.replaceAll('&amp;', '&');
	return text
		.split(/\n{2,}/)
		.map(paragraph => paragraph.replace(/\s+/g, ' ').trim())
		.filter(paragraph => paragraph !== '' && paragraph !== '*')
		.join('\n\n');
};

const docsOf = (serviceModel, cliOperation) => {
	const op = serviceModel.operations[cliOperation.name];
	const input = op.input ? serviceModel.shapes[op.input.shape] : undefined;
	const params = {};
	for (const [name, member] of Object.entries(input?.members ?? {})) {
		const text = plain(member.documentation ?? serviceModel.shapes[member.shape]?.documentation);
		if (text) params[name] = text;
	}

	return {doc: plain(op.documentation), params};
};

const docs = {ec2: {}};
for (const [cli, op] of Object.entries(operations)) {
	if (simulated.has(op.name)) docs.ec2[cli] = docsOf(model, op);
}

// ---- the other services (sts, ssm): every operation by name (so the CLI's "not simulated" answer
// knows them), shapes only for the simulated ones, named `<service>.<Shape>` so that they never
// collide with EC2's.
const servicesPath = join(root, 'source/cli/services.json');
if (otherService) {
	const out = {services: {}, shapes: {}};
	for (const service of OTHER_SERVICES) {
		const {model: serviceModel, paginators: servicePaginators} = otherService(service);
		const prefix = name => `${service}.${name}`;
		const visitOther = name => {
			if (!name || out.shapes[prefix(name)]) return;
			const shape = serviceModel.shapes[name];
			const compacted = compact(shape);
			if (compacted.members) compacted.members = compacted.members.map(m => ({...m, shape: prefix(m.shape)}));
			if (compacted.member) compacted.member = prefix(compacted.member);
			if (compacted.key) compacted.key = prefix(compacted.key);
			if (compacted.value) compacted.value = prefix(compacted.value);
			out.shapes[prefix(name)] = compacted;
			for (const m of Object.values(shape.members ?? {})) visitOther(m.shape);
			visitOther(shape.member?.shape);
			visitOther(shape.key?.shape);
			visitOther(shape.value?.shape);
		};

		const serviceOperations = {};
		const servicePaginated = {};
		docs[service] = {};
		for (const name of Object.keys(serviceModel.operations).sort()) {
			const op = serviceModel.operations[name];
			const entry = {name};
			if (simulated.has(name)) {
				if (op.input) entry.input = prefix(op.input.shape);
				if (op.output) entry.output = prefix(op.output.shape);
				visitOther(op.input?.shape);
				visitOther(op.output?.shape);
				docs[service][cliName(name)] = docsOf(serviceModel, entry);
				const p = servicePaginators.pagination?.[name];
				if (p) servicePaginated[name] = {inputToken: p.input_token, outputToken: p.output_token, ...(p.limit_key ? {limitKey: p.limit_key} : {}), resultKey: p.result_key};
			}

			serviceOperations[cliName(name)] = entry;
		}

		out.services[service] = {fullName: serviceModel.metadata.serviceFullName, operations: serviceOperations, paginators: servicePaginated};
	}

	const servicesText = JSON.stringify(out);
	writeFileSync(servicesPath, servicesText + '\n');
	console.log(`services.json: ${OTHER_SERVICES.join(', ')}, ${Object.keys(out.shapes).length} shapes, ${(servicesText.length / 1024).toFixed(0)} KB`);
} else {
	// offline from local EC2 files: the other services keep their committed documentation
	const committed = JSON.parse(readFileSync(join(root, 'source/cli/docs.json'), 'utf8'));
	for (const service of OTHER_SERVICES) docs[service] = committed[service];
}

const docsText = JSON.stringify(docs);
writeFileSync(join(root, 'source/cli/docs.json'), docsText + '\n');
console.log(`docs.json: ${Object.values(docs).reduce((n, ops) => n + Object.keys(ops ?? {}).length, 0)} operations, ${(docsText.length / 1024).toFixed(0)} KB`);
