import {describe, expect, it} from 'vitest';
import {newSession, run, sshReady} from './fixtures.js';

// GNU sed 4.8: `s` commands, in place (-i) or to stdout, as people type them to edit a page.

const IP = '3.80.1.2';
const SSH = `ssh -i lab-key.pem ec2-user@${IP}`;
const PAGE = '/var/www/html/index.html';
const inside = (...lines: string[]) => run(run(sshReady(), SSH).session, 'sudo dnf install -y httpd', "echo '<h1>Room 12: Autumn term</h1>' | sudo tee /var/www/html/index.html", ...lines);

describe('sed', () => {
	it('edits a root-owned page in place with sudo', () => {
		const r = inside(`sudo sed -i 's/Autumn/Spring/' ${PAGE}`, `cat ${PAGE}`);
		expect(r.all[2].exitCode).toBe(0);
		expect(r.all[2].stdout).toBe('');
		expect(r.stdout).toBe('<h1>Room 12: Spring term</h1>\n');
	});

	it('without sudo cannot write next to the file (exit 4) and changes nothing', () => {
		const r = inside(`sed -i 's/Autumn/Spring/' ${PAGE}`, `cat ${PAGE}`);
		expect(r.all[2].stderr).toMatch(/^sed: couldn't open temporary file \/var\/www\/html\/sed\w+: Permission denied\n$/);
		expect(r.all[2].exitCode).toBe(4);
		expect(r.stdout).toBe('<h1>Room 12: Autumn term</h1>\n');
	});

	it('prints to stdout without -i: first match per line, g for all, & and \\1 in the replacement', () => {
		const s = newSession();
		expect(run(s, "echo 'a-a-a' | sed 's/a/b/'").stdout).toBe('b-a-a\n');
		expect(run(s, "echo 'a-a-a' | sed -e 's|a|b|g'").stdout).toBe('b-b-b\n');
		expect(run(s, "echo 'term 1' | sed 's/[0-9]/(&)/'").stdout).toBe('term (1)\n');
		expect(run(s, "echo 'autumn term' | sed 's/\\(autumn\\) term/\\1 break/'").stdout).toBe('autumn break\n');
		expect(run(s, "echo 'autumn term' | sed -E 's/(autumn) term/\\1 break/'").stdout).toBe('autumn break\n');
		expect(run(s, "echo 'x+y' | sed 's/x+y/ok/'").stdout).toBe('ok\n');
	});

	it('answers like GNU sed to what it cannot do', () => {
		const s = newSession();
		const missing = run(s, "sed -i 's/a/b/' nofile.txt");
		expect(missing.stderr).toBe("sed: can't read nofile.txt: No such file or directory\n");
		expect(missing.exitCode).toBe(2);
		expect(run(s, "echo a | sed 'p/a/'").stderr).toBe("sed: -e expression #1, char 1: unknown command: `p'\n");
		expect(run(s, "echo a | sed 's/a/b'").stderr).toBe("sed: -e expression #1, char 5: unterminated `s' command\n");
	});
});
