import {fail} from './errors.js';

// The one place for EC2's "does not exist" errors, resource by resource (aws-reference 7).
// Each text is exactly what EC2 prints: note which ones end with a period and which quote a list.

/** `The image id '[ami-a]' does not exist` / `The image ids '[ami-a, ami-b]' do not exist` */
export const amiNotFound = (ids: string[]): never =>
	fail('InvalidAMIID.NotFound', ids.length === 1 ? `The image id '[${ids[0]}]' does not exist` : `The image ids '[${ids.join(', ')}]' do not exist`);

/** `The instance ID 'i-a' does not exist` / `The instance IDs 'i-a, i-b' do not exist` */
export const instancesNotFound = (ids: string[]): never =>
	ids.length === 1
		? fail('InvalidInstanceID.NotFound', `The instance ID '${ids[0]}' does not exist`)
		: fail('InvalidInstanceID.NotFound', `The instance IDs '${ids.join(', ')}' do not exist`);

export const snapshotNotFound = (id: string): never => fail('InvalidSnapshot.NotFound', `The snapshot '${id}' does not exist.`);

export const volumeNotFound = (id: string): never => fail('InvalidVolume.NotFound', `The volume '${id}' does not exist.`);

export const groupNotFound = (id: string): never => fail('InvalidGroup.NotFound', `The security group '${id}' does not exist`);

/** A group named by GroupName: EC2 names the VPC it looked in. */
export const groupNameNotFound = (name: string, vpcId: string): never =>
	fail('InvalidGroup.NotFound', `The security group '${name}' does not exist in default VPC '${vpcId}'`);

export const keyPairNotFound = (name: string): never => fail('InvalidKeyPair.NotFound', `The key pair '${name}' does not exist`);
