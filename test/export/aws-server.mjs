// The stand-in `aws` of the export tests, fast: `ami-school aws` (the built dist/aws.cjs, the code
// `node dist/cli.js aws` runs) kept loaded in one process that answers each call over a
// loopback socket. A call is one bash stub run (see harness.ts): it sends its working folder,
// environment and argv, and this runs awsCommand there, as `ami-school aws` would, with stdout
// and stderr written to the files the stub named; it answers with the exit code.
import {createRequire} from 'node:module';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

const require = createRequire(import.meta.url);
const {awsCommand} = require(path.resolve(process.argv[2]));
const ENV = ['AMI_SCHOOL_SANDBOX', 'AWS_REGION', 'AWS_DEFAULT_REGION', 'HOME'];

const handle = (fields) => {
	const [outFile, errFile, cwd, ...rest] = fields;
	const env = rest.slice(0, ENV.length);
	const argv = rest.slice(ENV.length);
	ENV.forEach((name, k) => {
		if (env[k]) process.env[name] = env[k];
		else delete process.env[name];
	});
	process.chdir(cwd);
	const out = [];
	const err = [];
	const write = {out: process.stdout.write, err: process.stderr.write};
	process.stdout.write = chunk => out.push(String(chunk)) > 0;
	process.stderr.write = chunk => err.push(String(chunk)) > 0;
	let code;
	try {
		code = awsCommand(argv);
	} catch (error) {
		err.push(`${error?.stack ?? error}\n`);
		code = 255;
	} finally {
		process.stdout.write = write.out;
		process.stderr.write = write.err;
	}

	fs.writeFileSync(outFile, out.join(''));
	fs.writeFileSync(errFile, err.join(''));
	return code;
};

const server = net.createServer(socket => {
	let buffer = '';
	socket.on('data', data => {
		buffer += data.toString('utf8');
		// count\n then count NUL-terminated fields
		const nl = buffer.indexOf('\n');
		if (nl === -1) return;
		const count = Number(buffer.slice(0, nl));
		const fields = buffer.slice(nl + 1).split('\0');
		if (fields.length <= count) return;
		socket.end(`${handle(fields.slice(0, count))}\n`);
	});
	socket.on('error', () => {});
});
server.listen(0, '127.0.0.1', () => {
	fs.writeFileSync(process.argv[3], String(server.address().port));
});

// It lives as long as the test process that started it (argv[4]): vitest's workers end without
// an 'exit' event, so the server watches its parent instead of waiting to be killed.
const parent = Number(process.argv[4]);
if (parent > 0) {
	setInterval(() => {
		try {
			process.kill(parent, 0);
		} catch {
			process.exit(0);
		}
	}, 500);
}
