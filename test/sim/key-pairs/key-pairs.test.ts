import {keyPairByName} from '../../../source/sim/key-pairs/lookup.js';
import {createHash, generateKeyPairSync} from 'node:crypto';
import {describe, expect, it} from 'vitest';
import {sameKeyMaterial} from '../../../source/sim/key-pairs/key-material.js';
import {REGION, harness} from '../resources-fixture.js';

// Real public keys in OpenSSH format, built from keys node:crypto generates (as ssh-keygen writes them).
const sshString = (b: Buffer) => Buffer.concat([Buffer.from([0, 0, 0, 0].map((_, i) => (b.length >>> (24 - 8 * i)) & 0xff)), b]);
const mpint = (b: Buffer) => sshString(b[0] & 0x80 ? Buffer.concat([Buffer.from([0]), b]) : b);
const rsaJwk = generateKeyPairSync('rsa', {modulusLength: 2048}).publicKey.export({format: 'jwk'});
const RSA_PUB = `ssh-rsa ${Buffer.concat([sshString(Buffer.from('ssh-rsa')), mpint(Buffer.from(rsaJwk.e!, 'base64url')), mpint(Buffer.from(rsaJwk.n!, 'base64url'))]).toString('base64')} learner@laptop`;
const edJwk = generateKeyPairSync('ed25519').publicKey.export({format: 'jwk'});
const ED_PUB = `ssh-ed25519 ${Buffer.concat([sshString(Buffer.from('ssh-ed25519')), sshString(Buffer.from(edJwk.x!, 'base64url'))]).toString('base64')} learner@laptop`;

describe('CreateKeyPair', () => {
	it('returns the model members with an RSA PEM and a 59-char SHA-1 fingerprint', () => {
		const h = harness();
		const out = h.ok('CreateKeyPair', {KeyName: 'MyKeyPair'})!;
		expect(Object.keys(out).sort()).toEqual(['KeyFingerprint', 'KeyMaterial', 'KeyName', 'KeyPairId']);
		expect(out.KeyName).toBe('MyKeyPair');
		expect(out.KeyPairId).toMatch(/^key-0[\da-f]{16}$/);
		expect(out.KeyFingerprint).toMatch(/^([\da-f]{2}:){19}[\da-f]{2}$/);
		expect(out.KeyFingerprint).toHaveLength(59);
		expect(out.KeyMaterial).toMatch(/^-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA[\w+/=\n]+\n-----END RSA PRIVATE KEY-----$/);
		const der = Buffer.from(out.KeyMaterial.split('\n').slice(1, -1).join(''), 'base64');
		const sha1 = [...createHash('sha1').update(der).digest()].map(b => b.toString(16).padStart(2, '0')).join(':');
		expect(out.KeyFingerprint).toBe(sha1);
	});

	it('makes ed25519 keys in OpenSSH format with a base64 SHA-256 fingerprint', () => {
		const h = harness();
		const out = h.ok('CreateKeyPair', {KeyName: 'ed', KeyType: 'ed25519'})!;
		expect(out.KeyMaterial).toMatch(/^-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEA[\w+/=\n]+\n-----END OPENSSH PRIVATE KEY-----$/);
		expect(out.KeyFingerprint).toMatch(/^[\w+/]{43}=$/);
	});

	it('makes PuTTY keys with --key-format ppk', () => {
		const h = harness();
		const out = h.ok('CreateKeyPair', {KeyName: 'putty', KeyFormat: 'ppk'})!;
		expect(out.KeyMaterial).toMatch(/^PuTTY-User-Key-File-2: ssh-rsa\nEncryption: none\n/);
	});

	it('is deterministic for the same world and different for each key', () => {
		const a = harness().ok('CreateKeyPair', {KeyName: 'k'})!;
		const b = harness().ok('CreateKeyPair', {KeyName: 'k'})!;
		expect(a).toEqual(b);
		const h = harness();
		const first = h.ok('CreateKeyPair', {KeyName: 'one'})!;
		const second = h.ok('CreateKeyPair', {KeyName: 'two'})!;
		expect(first.KeyMaterial).not.toBe(second.KeyMaterial);
		expect(first.KeyFingerprint).not.toBe(second.KeyFingerprint);
	});

	it('keeps the private key so ssh can check a .pem', () => {
		const h = harness();
		const out = h.ok('CreateKeyPair', {KeyName: 'web'})!;
		const region = h.world.regions[REGION];
		expect(sameKeyMaterial(keyPairByName(region, 'web')!.KeyMaterial, `${out.KeyMaterial}\n`)).toBe(true);
		expect(sameKeyMaterial(keyPairByName(region, 'web')!.KeyMaterial, 'garbage')).toBe(false);
		expect(sameKeyMaterial(keyPairByName(region, 'nope')?.KeyMaterial, out.KeyMaterial)).toBe(false);
	});

	it('adds Tags only when given, and refuses a duplicate with the one-word "keypair" text', () => {
		const h = harness();
		const out = h.ok('CreateKeyPair', {KeyName: 'tagged', TagSpecifications: [{ResourceType: 'key-pair', Tags: [{Key: 'team', Value: 'web'}]}]})!;
		expect(out.Tags).toEqual([{Key: 'team', Value: 'web'}]);
		expect(h.err('CreateKeyPair', {KeyName: 'tagged'})).toEqual({code: 'InvalidKeyPair.Duplicate', message: "The keypair 'tagged' already exists."});
	});

	it('is Region-scoped: the same name is free in another Region', () => {
		const h = harness();
		h.ok('CreateKeyPair', {KeyName: 'k'});
		expect(h.ok('CreateKeyPair', {KeyName: 'k'}, 'eu-west-1')!.KeyName).toBe('k');
		expect(h.err('DescribeKeyPairs', {KeyNames: ['k']}, 'us-west-2')).toEqual({code: 'InvalidKeyPair.NotFound', message: "The key pair 'k' does not exist"});
	});

	it('a DryRun creates nothing', () => {
		const h = harness();
		expect(h.err('CreateKeyPair', {KeyName: 'k', DryRun: true}).code).toBe('DryRunOperation');
		expect(h.world.regions[REGION].keyPairs.toJSON()).toEqual({});
	});
});

describe('DescribeKeyPairs', () => {
	it('lists KeyPairInfo members; PublicKey only with IncludePublicKey', () => {
		const h = harness();
		const created = h.ok('CreateKeyPair', {KeyName: 'MyKeyPair'})!;
		const [info] = h.ok('DescribeKeyPairs')!.KeyPairs;
		expect(info).toEqual({
			KeyPairId: created.KeyPairId,
			KeyType: 'rsa',
			Tags: [],
			CreateTime: '2026-09-01T08:00:00+00:00',
			KeyName: 'MyKeyPair',
			KeyFingerprint: created.KeyFingerprint,
		});
		const [withKey] = h.ok('DescribeKeyPairs', {KeyNames: ['MyKeyPair'], IncludePublicKey: true})!.KeyPairs;
		expect(withKey.PublicKey).toMatch(/^ssh-rsa AAAAB3NzaC1yc2EAAAADAQAB\S+ MyKeyPair$/);
	});

	it('finds by id and filter; unknown names and ids are NotFound', () => {
		const h = harness();
		const a = h.ok('CreateKeyPair', {KeyName: 'alpha'})!;
		h.ok('CreateKeyPair', {KeyName: 'beta', KeyType: 'ed25519'});
		expect(h.ok('DescribeKeyPairs', {KeyPairIds: [a.KeyPairId]})!.KeyPairs.map((k: {KeyName: string}) => k.KeyName)).toEqual(['alpha']);
		expect(h.ok('DescribeKeyPairs', {Filters: [{Name: 'key-type', Values: ['ed25519']}]})!.KeyPairs.map((k: {KeyName: string}) => k.KeyName)).toEqual(['beta']);
		expect(h.ok('DescribeKeyPairs', {Filters: [{Name: 'key-name', Values: ['a*']}]})!.KeyPairs).toHaveLength(1);
		expect(h.err('DescribeKeyPairs', {KeyNames: ['alpha', 'my-key']})).toEqual({code: 'InvalidKeyPair.NotFound', message: "The key pair 'my-key' does not exist"});
		expect(h.err('DescribeKeyPairs', {KeyPairIds: ['key-0123456789abcdef0']}).code).toBe('InvalidKeyPair.NotFound');
	});
});

describe('ImportKeyPair', () => {
	it('imports an OpenSSH RSA key with an MD5 fingerprint (47 chars)', () => {
		const h = harness();
		const out = h.ok('ImportKeyPair', {KeyName: 'laptop', PublicKeyMaterial: `${RSA_PUB}\n`})!;
		expect(Object.keys(out).sort()).toEqual(['KeyFingerprint', 'KeyName', 'KeyPairId']);
		const blob = Buffer.from(RSA_PUB.split(' ')[1], 'base64');
		const md5 = [...createHash('md5').update(blob).digest()].map(b => b.toString(16).padStart(2, '0')).join(':');
		expect(out.KeyFingerprint).toBe(md5);
		expect(out.KeyFingerprint).toHaveLength(47);
		const [info] = h.ok('DescribeKeyPairs', {KeyNames: ['laptop'], IncludePublicKey: true})!.KeyPairs;
		expect(info.KeyType).toBe('rsa');
		expect(info.PublicKey).toBe(RSA_PUB);
		expect(keyPairByName(h.world.regions[REGION], 'laptop')!.KeyMaterial).toBeUndefined();
	});

	it('imports ed25519 keys', () => {
		const h = harness();
		const out = h.ok('ImportKeyPair', {KeyName: 'ed', PublicKeyMaterial: ED_PUB})!;
		expect(out.KeyFingerprint).toBe(createHash('sha256').update(Buffer.from(ED_PUB.split(' ')[1], 'base64')).digest('base64'));
	});

	it('refuses text that is not an OpenSSH public key, and duplicates', () => {
		const h = harness();
		for (const bad of ['hello', '-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----', 'ssh-rsa notbase64!', `ssh-ed25519 ${RSA_PUB.split(' ')[1]}`]) {
			expect(h.err('ImportKeyPair', {KeyName: 'x', PublicKeyMaterial: bad})).toEqual({code: 'InvalidKey.Format', message: 'Key is not in valid OpenSSH public key format'});
		}

		h.ok('CreateKeyPair', {KeyName: 'taken'});
		expect(h.err('ImportKeyPair', {KeyName: 'taken', PublicKeyMaterial: ED_PUB})).toEqual({code: 'InvalidKeyPair.Duplicate', message: "The keypair 'taken' already exists."});
	});
});

describe('DeleteKeyPair', () => {
	it('returns Return and the id; an unknown name still returns true', () => {
		const h = harness();
		const created = h.ok('CreateKeyPair', {KeyName: 'gone'})!;
		expect(h.ok('DeleteKeyPair', {KeyName: 'gone'})).toEqual({Return: true, KeyPairId: created.KeyPairId});
		expect(h.ok('DeleteKeyPair', {KeyName: 'gone'})).toEqual({Return: true});
		const other = h.ok('CreateKeyPair', {KeyName: 'byid'})!;
		expect(h.ok('DeleteKeyPair', {KeyPairId: other.KeyPairId})).toEqual({Return: true, KeyPairId: other.KeyPairId});
		expect(h.ok('DescribeKeyPairs')).toEqual({KeyPairs: []});
	});
});

describe('names of key pairs and security groups', () => {
	it('are at most 255 printable ASCII characters, each error naming its parameter', () => {
		const h = harness();
		const long = 'k'.repeat(256);
		expect(h.err('CreateKeyPair', {KeyName: long})).toEqual({code: 'InvalidParameterValue', message: `Value (${long}) for parameter keyName is invalid. Length exceeds maximum of 255.`});
		expect(h.err('ImportKeyPair', {KeyName: 'clé', PublicKeyMaterial: ED_PUB})).toEqual({code: 'InvalidParameterValue', message: 'Value (clé) for parameter keyName is invalid. Character sets beyond ASCII are not supported.'});
		expect(h.err('CreateSecurityGroup', {GroupName: 'web', Description: 'café'})).toEqual({code: 'InvalidParameterValue', message: 'Value (café) for parameter GroupDescription is invalid. Character sets beyond ASCII are not supported.'});
	});
});
