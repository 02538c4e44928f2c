import type {HttpAnswer} from '../../guest/guest.js';
import {commandResult, fail, type Command} from '../machine.js';

// curl 8: fetch a page from a simulated web server, or fail with curl's own errors and exit
// codes: (6) unknown host, (7) connection refused, (28) timeout, (22) with --fail.

export type Probe = (host: string, port: number, path: string) => HttpAnswer | {timeout: true} | {unresolved: true};

/** how long an unanswered connection attempt takes before the kernel gives up (SYN retries) */
export const CONNECT_TIMEOUT_MS = 134_218;
/** round trip to the Region */
const RTT_MS = 23;

const REASON: Record<number, string> = {200: 'OK', 301: 'Moved Permanently', 403: 'Forbidden', 404: 'Not Found'};

const httpDate = (ms: number) => new Date(ms).toUTCString();

export const curlCommand = (probe: Probe, now: () => number, elapse: (ms: number) => void = () => {}): Command => (ctx, [, ...args]) => {
	let silent = false;
	let showErrors = false;
	let failOnError = false;
	let head = false;
	let include = false;
	let output: string | undefined;
	let timeoutMs: number | undefined;
	const urls: string[] = [];
	for (let i = 0; i < args.length; i++) {
		const a = args[i];
		if (a === '--max-time' || a === '-m' || a === '--connect-timeout') timeoutMs = Number(args[++i]) * 1000;
		else if (a === '-o' || a === '--output') output = args[++i];
		else if (a === '--silent') silent = true;
		else if (a === '--show-error') showErrors = true;
		else if (a === '--fail') failOnError = true;
		else if (a === '--head') head = true;
		else if (a === '--include') include = true;
		else if (a === '-H' || a === '-X' || a === '-A' || a === '-w' || a === '-d' || a === '--data' || a === '--header' || a === '--request') i++;
		else if (/^-[a-zA-Z]+$/.test(a)) {
			for (const f of a.slice(1)) {
				if (f === 's') silent = true;
				else if (f === 'S') showErrors = true;
				else if (f === 'f') failOnError = true;
				else if (f === 'I') head = true;
				else if (f === 'i') include = true;
			}
		} else if (a.startsWith('--')) {
			// other long options (e.g. --location, --verbose) change nothing here
		} else urls.push(a);
	}

	if (urls.length === 0) return fail(2, "curl: try 'curl --help' or 'curl --manual' for more information\n");
	const quietErrors = silent && !showErrors;
	const error = (code: number, message: string) => commandResult(code, '', quietErrors ? '' : `curl: (${code}) ${message}\n`);
	const url = urls[0];
	const m = /^(?:([a-zA-Z][\w+.-]*):\/\/)?([^/:?#]*)(?::(\d*))?([^?#]*)?/.exec(url)!;
	const scheme = (m[1] ?? 'http').toLowerCase();
	if (scheme !== 'http' && scheme !== 'https') return error(1, `Protocol "${scheme}" not supported`);
	const host = m[2];
	if (!host) return error(3, 'URL rejected: No host part in the URL');
	const port = m[3] ? Number(m[3]) : scheme === 'https' ? 443 : 80;
	const path = m[4] || '/';
	const answer = probe(host, port, path);
	if ('unresolved' in answer) return error(6, `Could not resolve host: ${host}`);
	if ('timeout' in answer) {
		const waited = timeoutMs && timeoutMs < CONNECT_TIMEOUT_MS ? timeoutMs + 2 : CONNECT_TIMEOUT_MS;
		elapse(waited);
		return error(28, `Failed to connect to ${host} port ${port} after ${waited} ms: Timeout was reached`);
	}

	if ('refused' in answer) return error(7, `Failed to connect to ${host} port ${port} after ${RTT_MS} ms: Connection refused`);
	if (scheme === 'https' && !answer.tls) return error(35, `OpenSSL/3.2.2: error:0A00010B:SSL routines::wrong version number`);
	const page = answer;
	if (failOnError && page.status >= 400) return error(22, `The requested URL returned error: ${page.status}`);
	const headers =
		`HTTP/1.1 ${page.status} ${REASON[page.status] ?? ''}\nDate: ${httpDate(now())}\nServer: ${page.server}\n` +
		`Content-Length: ${Buffer.byteLength(page.body)}\nContent-Type: text/html; charset=UTF-8\n\n`;
	const body = head ? headers : include ? headers + page.body : page.body;
	if (output !== undefined) {
		const written = output === '/dev/null' ? undefined : ctx.machine.fs.write(output, body, false);
		if (written) return error(23, `Failure writing output to destination, passed ${Buffer.byteLength(body)} returned 0`);
		return commandResult(0, '', '');
	}

	return commandResult(0, body, '');
};
