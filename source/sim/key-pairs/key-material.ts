import {createHash} from 'node:crypto';
import {hexFor} from '../core/ids.js';

// Deterministic, well-formed (but not usable) key material for create-key-pair, and the
// parsing and fingerprints of import-key-pair. The bytes come from the world's seed and id
// counter, so the same game gives the same keys. Fingerprints follow EC2:
//  - created RSA: SHA-1 of the private key (DER), 20 bytes as colon-separated hex (59 chars)
//  - imported RSA: MD5 of the public key blob (47 chars)
//  - ED25519 (created or imported): SHA-256 of the public key blob, base64 (44 chars)

export type KeyType = 'rsa' | 'ed25519';
export type KeyFormat = 'pem' | 'ppk';

const bytes = (seed: number, n: number, length: number): Buffer => Buffer.from(hexFor(seed, n, length * 2), 'hex');

const u32 = (n: number): Buffer => {
	const b = Buffer.alloc(4);
	b.writeUInt32BE(n);
	return b;
};

const sshString = (data: Buffer | string): Buffer => {
	const b = typeof data === 'string' ? Buffer.from(data, 'latin1') : data;
	return Buffer.concat([u32(b.length), b]);
};

const wrap = (text: string, width: number): string => text.match(new RegExp(`.{1,${width}}`, 'g'))!.join('\n');

const colonHex = (digest: Buffer): string => [...digest].map(b => b.toString(16).padStart(2, '0')).join(':');

export type GeneratedKey = {
	/** the private key text handed out once (KeyMaterial) */
	material: string;
	/** `ssh-rsa AAAA… name` / `ssh-ed25519 AAAA… name` */
	publicKey: string;
	fingerprint: string;
};

const rsaKey = (seed: number, n: number, name: string, format: KeyFormat): GeneratedKey => {
	// An RSA-2048 private key in PKCS#1 DER starts 30 82 04 a4 02 01 00 02 82 01 01 00 (modulus follows).
	const modulus = bytes(seed, n, 256);
	modulus[0] |= 0x80;
	const rest = bytes(seed ^ 0x2f_6b_1d_35, n, 1192 - 12 - 256);
	const der = Buffer.concat([Buffer.from('308204a40201000282010100', 'hex'), modulus, rest]);
	const blob = Buffer.concat([sshString('ssh-rsa'), sshString(Buffer.from([0x01, 0x00, 0x01])), sshString(Buffer.concat([Buffer.from([0]), modulus]))]);
	const publicKey = `ssh-rsa ${blob.toString('base64')} ${name}`;
	const fingerprint = colonHex(createHash('sha1').update(der).digest());
	const material =
		format === 'ppk'
			? ppk('ssh-rsa', name, blob, der)
			: `-----BEGIN RSA PRIVATE KEY-----\n${wrap(der.toString('base64'), 64)}\n-----END RSA PRIVATE KEY-----`;
	return {material, publicKey, fingerprint};
};

const ed25519Key = (seed: number, n: number, name: string, format: KeyFormat): GeneratedKey => {
	const pub = bytes(seed, n, 32);
	const priv = bytes(seed ^ 0x5e_d2_55_19, n, 32);
	const blob = Buffer.concat([sshString('ssh-ed25519'), sshString(pub)]);
	const check = bytes(seed ^ 0x0c_4e_c4, n, 4);
	let secret = Buffer.concat([check, check, sshString('ssh-ed25519'), sshString(pub), sshString(Buffer.concat([priv, pub])), sshString('')]);
	const padding: number[] = [];
	for (let i = 1; (secret.length + padding.length) % 8 !== 0; i++) padding.push(i);
	secret = Buffer.concat([secret, Buffer.from(padding)]);
	const body = Buffer.concat([Buffer.from('openssh-key-v1\0', 'latin1'), sshString('none'), sshString('none'), sshString(''), u32(1), sshString(blob), sshString(secret)]);
	const material =
		format === 'ppk'
			? ppk('ssh-ed25519', name, blob, Buffer.concat([sshString(priv)]))
			: `-----BEGIN OPENSSH PRIVATE KEY-----\n${wrap(body.toString('base64'), 70)}\n-----END OPENSSH PRIVATE KEY-----`;
	return {material, publicKey: `ssh-ed25519 ${blob.toString('base64')} ${name}`, fingerprint: sha256Fingerprint(blob)};
};

const ppk = (algorithm: string, name: string, publicBlob: Buffer, privateBlob: Buffer): string => {
	const pub = wrap(publicBlob.toString('base64'), 64).split('\n');
	const priv = wrap(privateBlob.toString('base64'), 64).split('\n');
	const mac = createHash('sha1').update(Buffer.concat([publicBlob, privateBlob])).digest('hex');
	return [
		`PuTTY-User-Key-File-2: ${algorithm}`,
		'Encryption: none',
		`Comment: ${name}`,
		`Public-Lines: ${pub.length}`,
		...pub,
		`Private-Lines: ${priv.length}`,
		...priv,
		`Private-MAC: ${mac}`,
	].join('\n');
};

export const sha256Fingerprint = (blob: Buffer): string => createHash('sha256').update(blob).digest('base64');

export const md5Fingerprint = (blob: Buffer): string => colonHex(createHash('md5').update(blob).digest());

/** A new key pair's material: `n` is a fresh draw of the world's id counter. */
export const generateKey = (seed: number, n: number, type: KeyType, format: KeyFormat, name: string): GeneratedKey =>
	type === 'ed25519' ? ed25519Key(seed, n, name, format) : rsaKey(seed, n, name, format);

export type ParsedPublicKey = {type: KeyType; blob: Buffer; publicKey: string};

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

const readSshString = (blob: Buffer, offset: number): {value: Buffer; next: number} | undefined => {
	if (offset + 4 > blob.length) return undefined;
	const length = blob.readUInt32BE(offset);
	if (offset + 4 + length > blob.length) return undefined;
	return {value: blob.subarray(offset + 4, offset + 4 + length), next: offset + 4 + length};
};

const parseBlob = (base64: string): ParsedPublicKey | undefined => {
	if (!BASE64.test(base64)) return undefined;
	const blob = Buffer.from(base64, 'base64');
	const name = readSshString(blob, 0);
	if (!name) return undefined;
	const algorithm = name.value.toString('latin1');
	if (algorithm === 'ssh-rsa') {
		const e = readSshString(blob, name.next);
		const modulus = e && readSshString(blob, e.next);
		if (!modulus || modulus.next !== blob.length || modulus.value.length < 128) return undefined;
		return {type: 'rsa', blob, publicKey: `ssh-rsa ${base64}`};
	}

	if (algorithm === 'ssh-ed25519') {
		const key = readSshString(blob, name.next);
		if (!key || key.value.length !== 32 || key.next !== blob.length) return undefined;
		return {type: 'ed25519', blob, publicKey: `ssh-ed25519 ${base64}`};
	}

	return undefined;
};

/**
 * An OpenSSH public key (`ssh-rsa AAAA… comment`) or an RFC 4716 SSH2 public key file, as
 * import-key-pair accepts; undefined when it is neither (EC2: InvalidKey.Format).
 */
export const parsePublicKey = (text: string): ParsedPublicKey | undefined => {
	const trimmed = text.trim();
	if (trimmed.startsWith('---- BEGIN SSH2 PUBLIC KEY ----')) {
		const lines = trimmed.split(/\r?\n/).slice(1);
		const end = lines.findIndex(line => line.startsWith('---- END SSH2 PUBLIC KEY ----'));
		if (end === -1) return undefined;
		const body: string[] = [];
		let continued = false;
		for (const line of lines.slice(0, end)) {
			if (continued || /^[\w-]+:/.test(line)) {
				continued = line.endsWith('\\');
				continue;
			}

			body.push(line.trim());
		}

		return parseBlob(body.join(''));
	}

	const [algorithm, base64, ...comment] = trimmed.split(/\s+/);
	if (!base64) return undefined;
	const parsed = parseBlob(base64);
	if (!parsed || !parsed.publicKey.startsWith(`${algorithm} `)) return undefined;
	return comment.length > 0 ? {...parsed, publicKey: `${parsed.publicKey} ${comment.join(' ')}`} : parsed;
};

/** The fingerprint EC2 shows for an imported key. */
export const importedFingerprint = (key: ParsedPublicKey): string => (key.type === 'ed25519' ? sha256Fingerprint(key.blob) : md5Fingerprint(key.blob));

/** True when a private key file's text is the key material EC2 handed out (whitespace aside). */
export const sameKeyMaterial = (material: string | undefined, text: string): boolean =>
	material !== undefined && material.replaceAll(/\s+/g, '') === text.replaceAll(/\s+/g, '');
