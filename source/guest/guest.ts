import {APT_PACKAGES, DNF_PACKAGES, SERVICES, type PackageSpec} from './packages.js';
import type {Disk} from '../sim/core/types.js';

// The simulated guest operating system: what is installed and running on an instance's disk.
// A disk travels: root volume -> snapshot (create-image) -> new root volume (run-instances),
// so software installed on one instance is on every instance launched from its image. At every
// boot a service runs only when it is `enabled`; `systemctl start` alone does not survive.

export type OsFamily = 'amazon-linux' | 'ubuntu' | 'windows' | 'linux';

export const osFamily = (disk: Disk): OsFamily => {
	if (/windows/i.test(disk.os)) return 'windows';
	if (/ubuntu|debian/i.test(disk.os)) return 'ubuntu';
	if (/amazon linux/i.test(disk.os)) return 'amazon-linux';
	return 'linux';
};

/** The user an AMI's cloud-init creates for the launch key pair (none on Windows: no sshd). */
export const loginUser = (disk: Disk): string | undefined => {
	const family = osFamily(disk);
	if (family === 'windows') return undefined;
	return family === 'ubuntu' ? 'ubuntu' : 'ec2-user';
};

export const packageCatalogue = (disk: Disk): Record<string, PackageSpec> | undefined => {
	const family = osFamily(disk);
	if (family === 'ubuntu') return APT_PACKAGES;
	if (family === 'amazon-linux') return DNF_PACKAGES;
	return undefined;
};

/** Installs one package (mutates): its files, its unit (disabled, inactive unless apt starts it). */
export const installPackage = (disk: Disk, name: string, spec: PackageSpec): void => {
	if (!disk.packages.includes(name)) {
		disk.packages.push(name);
		disk.packages.sort();
	}

	for (const [path, content] of Object.entries(spec.files ?? {})) if (disk.files[path] === undefined) disk.files[path] = content;
	if (spec.service && !disk.services[spec.service]) {
		disk.services[spec.service] = {enabled: Boolean(spec.startsOnInstall), active: Boolean(spec.startsOnInstall) && !portTaken(disk, spec.service)};
	}
};

export const removePackage = (disk: Disk, name: string, spec: PackageSpec | undefined): void => {
	disk.packages = disk.packages.filter(p => p !== name);
	if (spec?.service) delete disk.services[spec.service];
	for (const path of Object.keys(spec?.files ?? {})) delete disk.files[path];
};

/** another active service already listens on this service's port */
export const portTaken = (disk: Disk, service: string): string | undefined => {
	const port = SERVICES[service]?.port;
	if (port === undefined) return undefined;
	return Object.entries(disk.services).find(([name, state]) => name !== service && state.active && SERVICES[name]?.port === port)?.[0];
};

/** What a boot does to a disk (mutates): exactly the enabled services run. */
export const bootDisk = (disk: Disk): void => {
	for (const [name, state] of Object.entries(disk.services)) state.active = state.enabled && !portTakenByEarlier(disk, name);
};

// two enabled web servers on port 80: the one that sorts first wins at boot
const portTakenByEarlier = (disk: Disk, service: string): boolean => {
	const port = SERVICES[service]?.port;
	if (port === undefined) return false;
	return Object.keys(disk.services)
		.sort()
		.some(other => other < service && disk.services[other].enabled && SERVICES[other]?.port === port);
};

/**
 * What a computer started from this disk answers on `port` at `path` after its first boot (the
 * disk is not changed): what an image serves by itself, before user data or anything done by hand.
 * A disk built for another architecture or virtualization type than the image says does not boot.
 */
export const firstBootAnswer = (disk: Disk, path: string, port = 80, bootsAs?: {architecture: string; virtualization: string}): HttpAnswer => {
	if (disk.madeFor && bootsAs && (disk.madeFor.architecture !== bootsAs.architecture || disk.madeFor.virtualization !== bootsAs.virtualization)) return {refused: true};
	const copy: Disk = {...disk, services: Object.fromEntries(Object.entries(disk.services).map(([name, state]) => [name, {...state}]))};
	bootDisk(copy);
	return httpGet(copy, path, port);
};

/** What a shutdown does to a disk (mutates): nothing runs any more. */
export const haltDisk = (disk: Disk): void => {
	for (const state of Object.values(disk.services)) state.active = false;
};

// ------------------------------------------------------------------------------- web server

export type HttpAnswer = {status: number; server: string; body: string; tls?: boolean} | {refused: true};

const WEB_SERVERS = ['httpd', 'nginx', 'apache2'];

const serverHeader = (disk: Disk, service: string): string => {
	const spec = packageCatalogue(disk);
	const pkg = service === 'httpd' ? 'httpd' : service;
	const version = (spec?.[pkg]?.version ?? '').replace(/^\d+:/, '').replace(/-.*/, '');
	if (service === 'nginx') return osFamily(disk) === 'ubuntu' ? `nginx/${version} (Ubuntu)` : `nginx/${version}`;
	return osFamily(disk) === 'ubuntu' ? `Apache/${version} (Ubuntu)` : `Apache/${version} (Amazon Linux)`;
};

const notFound = (server: string, service: string): string =>
	service === 'nginx'
		? `<html>\n<head><title>404 Not Found</title></head>\n<body>\n<center><h1>404 Not Found</h1></center>\n<hr><center>${server}</center>\n</body>\n</html>\n`
		: '<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>404 Not Found</title>\n</head><body>\n<h1>Not Found</h1>\n<p>The requested URL was not found on this server.</p>\n</body></html>\n';

/** What a web server on the disk answers to GET `path` on port 80, or refused when none runs. */
export const httpGet = (disk: Disk, path: string, port = 80): HttpAnswer => {
	const service = WEB_SERVERS.find(s => disk.services[s]?.active && SERVICES[s].port === port);
	if (!service) return {refused: true};
	const server = serverHeader(disk, service);
	const docroot = service === 'nginx' && osFamily(disk) !== 'ubuntu' ? '/usr/share/nginx/html' : '/var/www/html';
	const clean = `/${path.replace(/[?#].*$/, '').replace(/^\/+/, '')}`;
	if (clean.endsWith('/')) {
		const indexes = service === 'nginx' && osFamily(disk) === 'ubuntu' ? ['index.html', 'index.htm', 'index.nginx-debian.html'] : ['index.html'];
		for (const index of indexes) {
			const content = disk.files[`${docroot}${clean}${index}`];
			if (content !== undefined) return {status: 200, server, body: content};
		}

		if (service === 'httpd' && clean === '/' && disk.files['/usr/share/httpd/noindex/index.html'] !== undefined) {
			return {status: 403, server, body: disk.files['/usr/share/httpd/noindex/index.html']};
		}

		return {status: service === 'nginx' ? 403 : 404, server, body: notFound(server, service)};
	}

	const content = disk.files[`${docroot}${clean}`];
	if (content !== undefined) return {status: 200, server, body: content};
	return {status: 404, server, body: notFound(server, service)};
};
