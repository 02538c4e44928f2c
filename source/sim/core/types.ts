// The in-memory EC2 world, updated immutably with immer by the operations. Plain data, apart from
// the resource collections: tables (core/table.ts) whose JSON form is a plain object by id, so the
// sandbox file and saved progress store the world as plain JSON (core/revive.ts reads it back).

import type {Table} from './table.js';

export type Tag = {Key: string; Value: string};

/** What is on a simulated disk: lets a learner see software "baked" into an image. */
export type Disk = {
	os: string; // e.g. "Amazon Linux 2023"
	packages: string[]; // installed package names, sorted
	services: Record<string, {enabled: boolean; active: boolean}>;
	files: Record<string, string>; // absolute path -> content
	/** the processor and boot method the installed system was built for (absent: it boots as it is told) */
	madeFor?: {architecture: string; virtualization: string};
};

export type InstanceStateName = 'pending' | 'running' | 'shutting-down' | 'terminated' | 'stopping' | 'stopped';

export type Image = {
	ImageId: string;
	Name: string;
	Description?: string;
	OwnerId: string;
	ImageOwnerAlias?: string; // "amazon" | "aws-marketplace"
	State: 'pending' | 'available' | 'failed' | 'deregistered' | 'disabled';
	/** virtual ms when a pending image becomes available */
	readyAt?: number;
	CreationDate: number; // virtual ms
	Architecture: 'x86_64' | 'arm64' | 'i386';
	Platform?: 'windows';
	PlatformDetails: string;
	UsageOperation: string;
	RootDeviceName: string;
	RootDeviceType: 'ebs' | 'instance-store';
	VirtualizationType: 'hvm' | 'paravirtual';
	Hypervisor: 'xen';
	EnaSupport: boolean;
	SriovNetSupport?: string;
	BootMode?: string;
	ImdsSupport?: string;
	ImageLocation: string;
	ImageType: 'machine';
	BlockDeviceMappings: BlockDeviceMapping[];
	/** explicit launch permissions; Public is derived: Group=all present */
	LaunchPermissions: Array<{Group?: 'all'; UserId?: string; OrganizationArn?: string; OrganizationalUnitArn?: string}>;
	ProductCodes: Array<{ProductCodeId: string; ProductCodeType: 'marketplace' | 'devpay'}>;
	Tags: Tag[];
	SourceInstanceId?: string;
	SourceImageId?: string;
	SourceImageRegion?: string;
	DeprecationTime?: string;
	DeregistrationProtection?: string;
	/** instance-store images: where the bundle lives in S3 */
	ManifestLocation?: string;
	/** paravirtual images: the kernel (aki-…) and RAM disk (ari-…) they boot with */
	KernelId?: string;
	RamdiskId?: string;
	/** for game content: hourly software price (Marketplace) in USD */
	softwarePricePerHour?: number;
	/** for game content: hourly licence price (Windows) in USD */
	licencePricePerHour?: number;
	/** for game content: marks a suspicious community AMI */
	suspicious?: boolean;
	/** disk template for instance-store images (EBS images keep it on the root snapshot) */
	disk?: Disk;
	// --- added by the image operations (H3) ---
	/** why a failed image failed (DescribeImages shows it as StateReason) */
	StateReason?: {Code: string; Message: string};
	/** last time an instance was launched from this image, virtual ms (RunInstances may set it) */
	lastLaunchedTime?: number;
	/** CreateImage: the source instance's state when the image was taken */
	sourceInstanceState?: InstanceStateName;
	/** CreateImage: true when the instance was rebooted for the snapshots (running, no --no-reboot) */
	rebooted?: boolean;
	/** snapshots are consistent: the instance was stopped or rebooted (lessons check this) */
	consistentSnapshot?: boolean;
};

export type BlockDeviceMapping = {
	DeviceName: string;
	Ebs?: {
		DeleteOnTermination: boolean;
		Iops?: number;
		SnapshotId?: string;
		VolumeSize: number;
		VolumeType: string;
		Throughput?: number;
		KmsKeyId?: string;
		Encrypted: boolean;
	};
	VirtualName?: string;
	NoDevice?: string;
};

export type Instance = {
	InstanceId: string;
	ImageId: string;
	ReservationId: string;
	State: InstanceStateName;
	/** virtual ms when the current transitional state ends */
	transitionAt?: number;
	InstanceType: string;
	KeyName?: string;
	LaunchTime: number;
	AmiLaunchIndex: number;
	Architecture: string;
	Platform?: 'windows';
	PlatformDetails: string;
	UsageOperation: string;
	RootDeviceName: string;
	RootDeviceType: 'ebs' | 'instance-store';
	/** device name -> volume id (EBS) */
	volumes: Array<{DeviceName: string; VolumeId: string; DeleteOnTermination: boolean; AttachTime: number}>;
	SecurityGroupIds: string[];
	SubnetId: string;
	VpcId: string;
	AvailabilityZone: string;
	PrivateIpAddress: string;
	PublicIpAddress?: string;
	/** base64 user data as stored by EC2 */
	UserData?: string;
	IamInstanceProfile?: {Arn: string; Id: string};
	DisableApiTermination: boolean;
	StateTransitionReason: string;
	StateReason?: {Code: string; Message: string};
	Tags: Tag[];
	ProductCodes: Image['ProductCodes'];
	/** instance-store root disk (lost on terminate) */
	ephemeralDisk?: Disk;
	billing: Billing;
	/** has user data already run (first boot) */
	booted?: boolean;
	/** the system on its root disk did not start: the AMI said another architecture or virtualization type than the disk was built for */
	bootFailed?: boolean;
	/** for cost: hourly price of software/licence carried from the AMI */
	softwarePricePerHour?: number;
	licencePricePerHour?: number;
	// ---- added by the instance operations (all optional; absent on older saves) ----
	/** virtual ms when the instance became (or becomes) terminated; it vanishes from describes an hour later */
	terminatedAt?: number;
	/** the idempotency token the launch carried (the CLI sends a UUID) */
	ClientToken?: string;
	/** primary network interface: ids and MAC address */
	networkInterfaceId?: string;
	networkAttachmentId?: string;
	macAddress?: string;
	/** 'stop' (default) or 'terminate' */
	InstanceInitiatedShutdownBehavior?: 'stop' | 'terminate';
	/** stop protection */
	DisableApiStop?: boolean;
	/** instance metadata service options */
	MetadataOptions?: {HttpTokens: 'required' | 'optional'; HttpPutResponseHopLimit: number; HttpEndpoint: 'enabled' | 'disabled'};
	EnaSupport?: boolean;
	SriovNetSupport?: string;
	EbsOptimized?: boolean;
	SourceDestCheck?: boolean;
	BootMode?: string;
	VirtualizationType?: string;
	KernelId?: string;
	RamdiskId?: string;
	/** detailed monitoring on */
	monitoring?: boolean;
	Tenancy?: string;
};

export type Volume = {
	VolumeId: string;
	Size: number;
	VolumeType: string;
	Iops?: number;
	Throughput?: number;
	SnapshotId: string;
	AvailabilityZone: string;
	State: 'creating' | 'available' | 'in-use' | 'deleting' | 'deleted' | 'error';
	CreateTime: number;
	Encrypted: boolean;
	KmsKeyId?: string;
	Attachment?: {InstanceId: string; Device: string; AttachTime: number; DeleteOnTermination: boolean};
	Tags: Tag[];
	disk?: Disk;
	billing: Billing;
	/** gp3/io volumes: multi-attach is never enabled in the game */
	MultiAttachEnabled?: boolean;
};

export type Snapshot = {
	SnapshotId: string;
	VolumeId: string;
	State: 'pending' | 'completed' | 'error';
	readyAt?: number;
	StartTime: number;
	OwnerId: string;
	OwnerAlias?: string;
	Description: string;
	VolumeSize: number;
	Encrypted: boolean;
	KmsKeyId?: string;
	Tags: Tag[];
	disk?: Disk;
	billing: Billing;
	/** set when the snapshot failed (State error) */
	StateMessage?: string;
	/**
	 * who else may read the snapshot (its createVolumePermission attribute): Group all makes it
	 * public. Copying an AMI someone else owns needs this on its snapshots; launching does not.
	 */
	createVolumePermissions?: Array<{Group?: 'all'; UserId?: string}>;
};

export type KeyPair = {
	KeyPairId: string;
	KeyName: string;
	KeyType: 'rsa' | 'ed25519';
	KeyFingerprint: string;
	/** the private key handed out once by create-key-pair (absent for imported keys) */
	KeyMaterial?: string;
	PublicKey: string;
	CreateTime: number;
	Tags: Tag[];
	/** the format the private key was handed out in (create-key-pair --key-format) */
	KeyFormat?: 'pem' | 'ppk';
	/** true when the key came from import-key-pair */
	imported?: boolean;
};

export type IpPermission = {
	SecurityGroupRuleId: string;
	IpProtocol: string; // "tcp" | "udp" | "icmp" | "-1"
	FromPort?: number;
	ToPort?: number;
	CidrIpv4?: string;
	CidrIpv6?: string;
	ReferencedGroupId?: string;
	Description?: string;
};

export type SecurityGroup = {
	GroupId: string;
	GroupName: string;
	Description: string;
	VpcId: string;
	OwnerId: string;
	ingress: IpPermission[];
	egress: IpPermission[];
	Tags: Tag[];
};

export type RegionState = {
	name: string;
	defaultVpcId: string;
	/** AZ name -> default subnet id */
	subnets: Record<string, string>;
	images: Table<Image>;
	instances: Table<Instance>;
	volumes: Table<Volume>;
	snapshots: Table<Snapshot>;
	keyPairs: Table<KeyPair>; // by KeyPairId (a name the user chose is never an id)
	securityGroups: Table<SecurityGroup>; // by GroupId
	imageBlockPublicAccess: 'unblocked' | 'block-new-sharing';
	/** deregistered image ids, kept so a second deregister or a describe answers as AWS does */
	deregistered: Record<string, number>;
	/** the images deregistered a moment ago, as they were (absent: none); a describe by id still shows them (images/describe.ts) */
	recentlyDeregistered?: Record<string, Image>;
};

/** Billing of one resource: ms already billed, and since when it has been billing (if it is now). */
export type Billing = {billedMs: number; since?: number};

/** Charges of resources that no longer exist (deleted, terminated), kept for the bill. */
export type ClosedCharge = {resourceId: string; region: string; kind: ChargeKind; usd: number};
export type ChargeKind = 'instance' | 'ipv4' | 'licence' | 'software' | 'volume' | 'snapshot';

/**
 * A state change due at a virtual time (an image becoming available, an instance booting...).
 * For 'block-public-access' the id is the Region's new state (unblocked / block-new-sharing).
 */
export type Scheduled = {at: number; region: string; kind: 'image' | 'snapshot' | 'instance' | 'block-public-access'; id: string};

export type World = {
	version: 1;
	seed: number;
	/**
	 * mixed into the seed of the ids this world hands out (absent: none). Each chapter's world has
	 * its own, so an id seen in one chapter never turns up in another; the Regions' own resources
	 * (default VPC, public AMIs) keep the ids a Region always has.
	 */
	idSalt?: number;
	/** number of ids handed out so far (drives the seeded id generator) */
	idCounter: number;
	/** virtual clock, ms since epoch */
	clock: number;
	/** commands run so far */
	commands: number;
	account: string;
	regions: Record<string, RegionState>;
	/** pending state changes, in no particular order */
	schedule: Scheduled[];
	closedCharges: ClosedCharge[];
	/** the sandbox's AWS CLI configuration (`aws configure set`), absent until first set (settings/cli-config.ts) */
	cliConfig?: {profiles: Record<string, Record<string, string>>};
};

/** A successful answer carries the output object (undefined when the operation has no output). */
export type OpResult = {ok: true; output: Record<string, unknown> | undefined} | {ok: false; error: AwsErrorShape};

export type AwsErrorShape = {code: string; message: string};
