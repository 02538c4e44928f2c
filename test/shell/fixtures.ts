import {produce} from 'immer';
import {worldWithAllRegions} from '../helpers/world.js';
import {shellGuest} from '../../source/shell/guest/boot.js';
import {PUBLIC_IMAGES} from '../../source/sim/images/public-images.js';
import type {Disk, Instance, World} from '../../source/sim/core/types.js';
import {runLine} from '../../source/shell/run-line.js';
import type {LineResult, Session} from '../../source/shell/session.js';

// Worlds for the shell tests, built directly (independent of the EC2 operations' helpers).

export const KEY_MATERIAL = '-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEAtestkeymaterial\n-----END RSA PRIVATE KEY-----';
export const PUBLIC_KEY = 'ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQtestpublickey';
export const OTHER_KEY = '-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEAotherkey\n-----END RSA PRIVATE KEY-----';

export const newSession = (world: World = worldWithAllRegions()): Session => ({world, region: 'us-east-1', files: {}, vars: {}, history: []});

export const diskFor = (key: 'al2023-x86' | 'ubuntu-2404' | 'windows-2025'): Disk => structuredClone(PUBLIC_IMAGES.find(s => s.key === key)!.disk);

export type HostOptions = {
	region?: string;
	os?: 'al2023-x86' | 'ubuntu-2404' | 'windows-2025';
	open?: number[];
	cidr?: string;
	ip?: string;
	id?: string;
	keyName?: string | undefined;
	userData?: string;
	state?: Instance['State'];
	disk?: Disk;
	boot?: boolean;
};

/** Adds a key pair `lab-key`, a security group and a running instance with a root volume. */
export const withHost = (world: World, o: HostOptions = {}): World =>
	produce(world, draft => {
		const regionName = o.region ?? 'us-east-1';
		const region = draft.regions[regionName];
		const keyName = 'keyName' in o ? o.keyName : 'lab-key';
		if (!region.keyPairs.has('key-0123456789abcdef0')) region.keyPairs.set('key-0123456789abcdef0', {KeyPairId: 'key-0123456789abcdef0', KeyName: 'lab-key', KeyType: 'rsa', KeyFingerprint: 'aa', KeyMaterial: KEY_MATERIAL, PublicKey: PUBLIC_KEY, CreateTime: draft.clock, Tags: []});
		const id = o.id ?? 'i-0123456789abcdef0';
		const sgId = `sg-0${id.slice(3)}`;
		region.securityGroups.set(sgId, {
			GroupId: sgId,
			GroupName: `web-${id}`,
			Description: 'web',
			VpcId: region.defaultVpcId,
			OwnerId: draft.account,
			ingress: (o.open ?? [22, 80]).map((port, n) => ({SecurityGroupRuleId: `sgr-0${n}`, IpProtocol: 'tcp', FromPort: port, ToPort: port, CidrIpv4: o.cidr ?? '0.0.0.0/0'})),
			egress: [],
			Tags: [],
		});
		const volId = `vol-0${id.slice(3)}`;
		const os = o.os ?? 'al2023-x86';
		region.volumes.set(volId, {VolumeId: volId, Size: 8, VolumeType: 'gp3', SnapshotId: 'snap-0', AvailabilityZone: `${regionName}a`, State: 'in-use', CreateTime: draft.clock, Encrypted: false, Tags: [], disk: o.disk ?? diskFor(os), billing: {billedMs: 0}});
		const instance: Instance = {
			InstanceId: id,
			ImageId: 'ami-0123456789abcdef0',
			ReservationId: 'r-0123456789abcdef0',
			State: o.state ?? 'running',
			InstanceType: 't3.micro',
			...(keyName ? {KeyName: keyName} : {}),
			LaunchTime: draft.clock,
			AmiLaunchIndex: 0,
			Architecture: 'x86_64',
			PlatformDetails: 'Linux/UNIX',
			UsageOperation: 'RunInstances',
			RootDeviceName: os === 'al2023-x86' ? '/dev/xvda' : '/dev/sda1',
			RootDeviceType: 'ebs',
			volumes: [{DeviceName: os === 'al2023-x86' ? '/dev/xvda' : '/dev/sda1', VolumeId: volId, DeleteOnTermination: true, AttachTime: draft.clock}],
			SecurityGroupIds: [sgId],
			SubnetId: 'subnet-0',
			VpcId: region.defaultVpcId,
			AvailabilityZone: `${regionName}a`,
			PrivateIpAddress: '172.31.5.20',
			PublicIpAddress: o.ip ?? '3.80.1.2',
			...(o.userData ? {UserData: Buffer.from(o.userData).toString('base64')} : {}),
			DisableApiTermination: false,
			StateTransitionReason: '',
			Tags: [],
			ProductCodes: [],
			billing: {billedMs: 0},
			booted: true,
		};
		region.instances.set(id, instance);
		if (o.boot !== false) shellGuest.boot(draft, regionName, region.instances.get(id)!, true);
	});

/** Runs lines one after the other; returns the last result (and every result). */
export const run = (session: Session, ...lines: string[]): LineResult & {all: LineResult[]} => {
	const all: LineResult[] = [];
	let s = session;
	for (const line of lines) {
		const r = runLine(s, line);
		all.push(r);
		s = r.session;
	}

	return {...all.at(-1)!, all};
};

/** A session with a key file (chmod 400) and one reachable Amazon Linux host. */
export const sshReady = (o: HostOptions = {}): Session => {
	const s = newSession(withHost(worldWithAllRegions(), o));
	return run({...s, files: {'lab-key.pem': `${KEY_MATERIAL}\n`}, fileModes: {'lab-key.pem': 0o400}}, 'true').session;
};
