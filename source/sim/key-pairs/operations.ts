import type {OpHandler} from '../core/engine.js';
import {fail} from '../core/errors.js';
import {compileFilters} from '../core/filters.js';
import {idSeed, nextId} from '../core/ids.js';
import {generateKey, importedFingerprint, parsePublicKey, sameKeyMaterial, type KeyFormat, type KeyType} from './key-material.js';
import {keyPairNotFound} from '../core/not-found.js';
import {checkAsciiText, missing, optionalBoolean, optionalString, requiredString, stringList} from '../core/resource-params.js';
import {readTagSpecifications} from '../tags/tag-specifications.js';
import type {KeyPair} from '../core/types.js';
import {keyPairView} from './view.js';
import {keyPairById as byId, keyPairByName} from './lookup.js';

// Key pairs (aws-reference 3.10): CreateKeyPair, ImportKeyPair, DescribeKeyPairs, DeleteKeyPair.
// A key pair lives in one Region; the world keeps the private key create-key-pair handed out
// so the in-instance ssh can check that a .pem file belongs to the instance's key.

const duplicate = (name: string): never => fail('InvalidKeyPair.Duplicate', `The keypair '${name}' already exists.`);

const checkKeyName = (name: string): void => checkAsciiText(name, 'keyName');


/** True when `privateKeyText` (a .pem/.ppk file's content) is the key create-key-pair gave for `keyName`. */
const createKeyPair: OpHandler = (ctx, params) => {
	const name = requiredString(params.KeyName, 'KeyName');
	checkKeyName(name);
	const type = (optionalString(params.KeyType, 'KeyType') ?? 'rsa') as KeyType;
	if (type !== 'rsa' && type !== 'ed25519') fail('InvalidParameterValue', `Invalid value '${String(type)}' for keyType. Valid values: rsa, ed25519`);
	const format = (optionalString(params.KeyFormat, 'KeyFormat') ?? 'pem') as KeyFormat;
	if (format !== 'pem' && format !== 'ppk') fail('InvalidParameterValue', `Invalid value '${String(format)}' for keyFormat. Valid values: pem, ppk`);
	const tags = readTagSpecifications(params.TagSpecifications, 'CreateKeyPair')('key-pair');
	if (keyPairByName(ctx.region, name)) duplicate(name);
	const keyPairId = nextId(ctx.world, 'key');
	const key = generateKey(idSeed(ctx.world), ctx.world.idCounter, type, format, name);
	ctx.region.keyPairs.set(keyPairId, {
		KeyPairId: keyPairId,
		KeyName: name,
		KeyType: type,
		KeyFingerprint: key.fingerprint,
		KeyMaterial: key.material,
		KeyFormat: format,
		PublicKey: key.publicKey,
		CreateTime: ctx.now,
		Tags: tags,
	});
	const output: Record<string, unknown> = {KeyFingerprint: key.fingerprint, KeyMaterial: key.material, KeyName: name, KeyPairId: keyPairId};
	if (tags.length > 0) output.Tags = tags.map(t => ({...t}));
	return output;
};

const blobText = (value: unknown): string | undefined => {
	if (value === undefined || value === null) return undefined;
	if (typeof value === 'string') return value;
	if (value instanceof Uint8Array) return Buffer.from(value).toString('latin1');
	return undefined;
};

const importKeyPair: OpHandler = (ctx, params) => {
	const name = requiredString(params.KeyName, 'KeyName');
	checkKeyName(name);
	const text = blobText(params.PublicKeyMaterial);
	if (text === undefined || text === '') return missing('PublicKeyMaterial');
	const tags = readTagSpecifications(params.TagSpecifications, 'ImportKeyPair')('key-pair');
	const parsed = parsePublicKey(text);
	if (!parsed) return fail('InvalidKey.Format', 'Key is not in valid OpenSSH public key format');
	if (keyPairByName(ctx.region, name)) duplicate(name);
	const keyPairId = nextId(ctx.world, 'key');
	const fingerprint = importedFingerprint(parsed);
	ctx.region.keyPairs.set(keyPairId, {
		KeyPairId: keyPairId,
		KeyName: name,
		KeyType: parsed.type,
		KeyFingerprint: fingerprint,
		PublicKey: parsed.publicKey,
		CreateTime: ctx.now,
		Tags: tags,
		imported: true,
	});
	const output: Record<string, unknown> = {KeyFingerprint: fingerprint, KeyName: name, KeyPairId: keyPairId};
	if (tags.length > 0) output.Tags = tags.map(t => ({...t}));
	return output;
};

const describeKeyPairs: OpHandler = (ctx, params) => {
	const names = stringList(params.KeyNames, 'KeyName');
	const ids = stringList(params.KeyPairIds, 'KeyPairId');
	const includePublicKey = optionalBoolean(params.IncludePublicKey) ?? false;
	const matches = compileFilters<KeyPair>(params.Filters, {
		'key-name': k => k.KeyName,
		'key-pair-id': k => k.KeyPairId,
		fingerprint: k => k.KeyFingerprint,
		'key-type': k => k.KeyType,
	});
	let keys = ctx.region.keyPairs.values().sort((a, b) => (a.KeyName < b.KeyName ? -1 : a.KeyName > b.KeyName ? 1 : 0));
	if (names && names.length > 0) {
		for (const name of names) if (!keyPairByName(ctx.region, name)) keyPairNotFound(name);
		keys = keys.filter(k => names.includes(k.KeyName));
	}

	if (ids && ids.length > 0) {
		for (const id of ids) if (!byId(ctx.region, id)) keyPairNotFound(id);
		keys = keys.filter(k => ids.includes(k.KeyPairId));
	}

	return {KeyPairs: keys.filter(k => matches(k)).map(k => keyPairView(k, includePublicKey))};
};

const deleteKeyPair: OpHandler = (ctx, params) => {
	const name = optionalString(params.KeyName, 'KeyName');
	const id = optionalString(params.KeyPairId, 'KeyPairId');
	if (!name && !id) return missing('KeyName');
	const key = name ? keyPairByName(ctx.region, name) : byId(ctx.region, id!);
	if (!key || (id && key.KeyPairId !== id)) return {Return: true};
	ctx.region.keyPairs.delete(key.KeyPairId);
	return {Return: true, KeyPairId: key.KeyPairId};
};

export const keyPairOperations: Record<string, OpHandler> = {
	CreateKeyPair: createKeyPair,
	ImportKeyPair: importKeyPair,
	DescribeKeyPairs: describeKeyPairs,
	DeleteKeyPair: deleteKeyPair,
};
