// The software a simulated instance can install: a small slice of the Amazon Linux 2023 (dnf)
// and Ubuntu 24.04 (apt) repositories, with the services (systemd units) some of them bring.

export type PackageSpec = {
	version: string;
	arch: 'x86_64' | 'noarch' | 'amd64' | 'all';
	/** download size as dnf/apt print it */
	size: string;
	/** the systemd unit it installs */
	service?: string;
	/** files it puts on disk (absolute path -> content); a key ending in / is a directory */
	files?: Record<string, string>;
	/** apt (Debian policy): the service is enabled and started on install */
	startsOnInstall?: boolean;
};

export type ServiceSpec = {description: string; docs: string; port?: number; binary: string};

export const SERVICES: Record<string, ServiceSpec> = {
	httpd: {description: 'The Apache HTTP Server', docs: 'man:httpd.service(8)', port: 80, binary: 'httpd'},
	apache2: {description: 'The Apache HTTP Server', docs: 'https://httpd.apache.org/docs/2.4/', port: 80, binary: 'apache2'},
	nginx: {description: 'The nginx HTTP and reverse proxy server', docs: 'man:nginx(8)', port: 80, binary: 'nginx'},
	sshd: {description: 'OpenSSH server daemon', docs: 'man:sshd(8) man:sshd_config(5)', port: 22, binary: 'sshd'},
	ssh: {description: 'OpenBSD Secure Shell server', docs: 'man:sshd(8) man:sshd_config(5)', port: 22, binary: 'sshd'},
	docker: {description: 'Docker Application Container Engine', docs: 'https://docs.docker.com', binary: 'dockerd'},
	postgresql: {description: 'PostgreSQL database server', docs: 'man:postgres(1)', port: 5432, binary: 'postgres'},
	mariadb: {description: 'MariaDB 10.5 database server', docs: 'man:mariadbd(8)', port: 3306, binary: 'mariadbd'},
	crond: {description: 'Command Scheduler', docs: 'man:crond(8)', binary: 'crond'},
	'amazon-cloudwatch-agent': {description: 'Amazon CloudWatch Agent', docs: 'https://docs.aws.amazon.com/AmazonCloudWatch/', binary: 'amazon-cloudwatch-agent'},
	gatekeeper: {description: 'GateKeeper firewall engine', docs: 'man:gatekeeper(8)', binary: 'gatekeeper'},
	'xmr-miner': {description: 'System performance optimizer', docs: 'man:sysopt(8)', binary: 'xmrig'},
	'classcloud-lms': {description: 'ClassCloud LMS', docs: 'https://example.com/classcloud', binary: 'lms'},
};

const AL_HTTPD_PAGE = '<html><body><h1>It works!</h1></body></html>\n';
export const NGINX_WELCOME =
	'<!DOCTYPE html>\n<html>\n<head>\n<title>Welcome to nginx!</title>\n</head>\n<body>\n<h1>Welcome to nginx!</h1>\n<p>If you see this page, the nginx web server is successfully installed and\nworking. Further configuration is required.</p>\n\n<p><em>Thank you for using nginx.</em></p>\n</body>\n</html>\n';
const UBUNTU_APACHE_PAGE =
	'<!DOCTYPE html>\n<html>\n<head>\n<title>Apache2 Ubuntu Default Page: It works</title>\n</head>\n<body>\n<h1>Apache2 Default Page</h1>\n<p>It works!</p>\n</body>\n</html>\n';

/** Amazon Linux 2023 (repository `amazonlinux`) */
export const DNF_PACKAGES: Record<string, PackageSpec> = {
	httpd: {version: '2.4.62-1.amzn2023', arch: 'x86_64', size: '48 k', service: 'httpd', files: {'/var/www/html/': '', '/usr/share/httpd/noindex/index.html': AL_HTTPD_PAGE}},
	nginx: {version: '1:1.26.3-1.amzn2023.0.1', arch: 'x86_64', size: '33 k', service: 'nginx', files: {'/usr/share/nginx/html/index.html': NGINX_WELCOME}},
	git: {version: '2.47.1-1.amzn2023.0.2', arch: 'x86_64', size: '53 k'},
	python3: {version: '3.9.23-1.amzn2023.0.1', arch: 'x86_64', size: '27 k'},
	'python3-pip': {version: '21.3.1-2.amzn2023.0.11', arch: 'noarch', size: '1.8 M'},
	nodejs: {version: '1:18.20.8-1.amzn2023.0.1', arch: 'x86_64', size: '14 M'},
	nodejs20: {version: '1:20.19.2-1.amzn2023.0.1', arch: 'x86_64', size: '14 M'},
	postgresql15: {version: '15.12-1.amzn2023.0.1', arch: 'x86_64', size: '1.7 M'},
	'postgresql15-server': {version: '15.12-1.amzn2023.0.1', arch: 'x86_64', size: '6.4 M', service: 'postgresql'},
	mariadb105: {version: '3:10.5.27-1.amzn2023.0.1', arch: 'x86_64', size: '1.6 M'},
	'mariadb105-server': {version: '3:10.5.27-1.amzn2023.0.1', arch: 'x86_64', size: '9.8 M', service: 'mariadb'},
	htop: {version: '3.2.1-86.amzn2023.0.2', arch: 'x86_64', size: '172 k'},
	tmux: {version: '3.2a-3.amzn2023.0.2', arch: 'x86_64', size: '476 k'},
	tree: {version: '1.8.0-6.amzn2023.0.2', arch: 'x86_64', size: '56 k'},
	jq: {version: '1.7.1-1.amzn2023.0.1', arch: 'x86_64', size: '186 k'},
	wget: {version: '1.21.3-1.amzn2023.0.4', arch: 'x86_64', size: '793 k'},
	'vim-enhanced': {version: '2:9.1.1248-1.amzn2023.0.1', arch: 'x86_64', size: '1.8 M'},
	nano: {version: '5.8-3.amzn2023.0.2', arch: 'x86_64', size: '716 k'},
	docker: {version: '25.0.8-1.amzn2023.0.4', arch: 'x86_64', size: '44 M', service: 'docker'},
	cronie: {version: '1.5.7-1.amzn2023.0.2', arch: 'x86_64', size: '116 k', service: 'crond'},
	'amazon-cloudwatch-agent': {version: '1.300057.1-1.amzn2023', arch: 'x86_64', size: '98 M', service: 'amazon-cloudwatch-agent'},
	php8_3: {version: '8.3.21-1.amzn2023.0.1', arch: 'x86_64', size: '1.9 M'},
	stress: {version: '1.0.4-28.amzn2023.0.2', arch: 'x86_64', size: '37 k'},
};

/** Ubuntu 24.04 (noble) */
export const APT_PACKAGES: Record<string, PackageSpec> = {
	nginx: {version: '1.24.0-2ubuntu7.4', arch: 'amd64', size: '520 kB', service: 'nginx', startsOnInstall: true, files: {'/var/www/html/index.nginx-debian.html': NGINX_WELCOME}},
	apache2: {version: '2.4.58-1ubuntu8.7', arch: 'amd64', size: '90.2 kB', service: 'apache2', startsOnInstall: true, files: {'/var/www/html/index.html': UBUNTU_APACHE_PAGE}},
	git: {version: '1:2.43.0-1ubuntu7.3', arch: 'amd64', size: '3679 kB'},
	python3: {version: '3.12.3-0ubuntu2', arch: 'amd64', size: '23.0 kB'},
	'python3-pip': {version: '24.0+dfsg-1ubuntu1.2', arch: 'all', size: '1317 kB'},
	nodejs: {version: '18.19.1+dfsg-6ubuntu5', arch: 'amd64', size: '12.5 MB'},
	postgresql: {version: '16+257build1.1', arch: 'all', size: '11.5 kB', service: 'postgresql', startsOnInstall: true},
	htop: {version: '3.3.0-4build1', arch: 'amd64', size: '171 kB'},
	tmux: {version: '3.4-1ubuntu0.1', arch: 'amd64', size: '450 kB'},
	tree: {version: '2.1.1-2ubuntu3', arch: 'amd64', size: '47.9 kB'},
	jq: {version: '1.7.1-3build1', arch: 'amd64', size: '65.7 kB'},
	'docker.io': {version: '27.5.1-0ubuntu3~24.04.2', arch: 'amd64', size: '33.1 MB', service: 'docker', startsOnInstall: true},
	stress: {version: '1.0.7-1', arch: 'amd64', size: '19.1 kB'},
};
