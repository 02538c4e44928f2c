import {cliTimestamp} from '../core/clock.js';
import type {KeyPair} from '../core/types.js';
import {compact} from '../core/compact.js';

// A key pair as DescribeKeyPairs prints it (KeyPairInfo). Tags is always a list here, as in
// the CLI's examples; PublicKey only with --include-public-key.

export const keyPairView = (keyPair: KeyPair, includePublicKey: boolean): Record<string, unknown> =>
	compact({
		KeyPairId: keyPair.KeyPairId,
		KeyType: keyPair.KeyType,
		Tags: keyPair.Tags.map(t => ({Key: t.Key, Value: t.Value})),
		PublicKey: includePublicKey ? keyPair.PublicKey : undefined,
		CreateTime: cliTimestamp(keyPair.CreateTime),
		KeyName: keyPair.KeyName,
		KeyFingerprint: keyPair.KeyFingerprint,
	});
