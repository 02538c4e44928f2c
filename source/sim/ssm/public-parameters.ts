import {IMAGE_INDEXES} from '../images/filters.js';
import {fail} from '../core/errors.js';
import {AL2023_DEFAULT_KERNEL, AMAZON_OWNER} from '../images/public-images.js';
import type {Image, RegionState} from '../core/types.js';

// The public Systems Manager parameters that name the newest Amazon Linux AMIs
// (/aws/service/ami-amazon-linux-latest/…, "Query for the latest Amazon Linux AMI IDs using
// AWS Systems Manager Parameter Store"). Each one's value is the newest available image that
// Amazon published in the Region under the matching name, so it follows new releases by itself.

export const LATEST_AMI_PATH = '/aws/service/ami-amazon-linux-latest';

type Spec = {leaf: string; name: RegExp};

const al2023 = (minimal: boolean, kernel: string, arch: string): Spec => ({
	leaf: `al2023-ami-${minimal ? 'minimal-' : ''}kernel-${kernel}-${arch}`,
	// kernel-default names the images of the default kernel (AL2023_DEFAULT_KERNEL), not any kernel
	name: new RegExp(`^al2023-ami-${minimal ? 'minimal-' : ''}2023\\.[\\d.]+-kernel-${(kernel === 'default' ? AL2023_DEFAULT_KERNEL : kernel).replace('.', '\\.')}-${arch}$`),
});

const amzn2 = (leaf: string, name: string): Spec => ({leaf, name: new RegExp(`^${name.replaceAll('.', '\\.').replace('VERSION', '2\\.0\\.[\\d.]+')}$`)});

const SPECS: Spec[] = [
	...['x86_64', 'arm64'].flatMap(arch => ['default', '6.1', '6.12'].flatMap(kernel => [al2023(false, kernel, arch), al2023(true, kernel, arch)])),
	...['x86_64', 'arm64'].flatMap(arch => [
		amzn2(`amzn2-ami-hvm-${arch}-gp2`, `amzn2-ami-hvm-VERSION-${arch}-gp2`),
		amzn2(`amzn2-ami-kernel-5.10-hvm-${arch}-gp2`, `amzn2-ami-kernel-5.10-hvm-VERSION-${arch}-gp2`),
		amzn2(`amzn2-ami-minimal-hvm-${arch}-ebs`, `amzn2-ami-minimal-hvm-VERSION-${arch}-ebs`),
	]),
];

/** Every parameter name, sorted (the order GetParametersByPath lists them in). */
export const LATEST_AMI_PARAMETERS: string[] = SPECS.map(spec => `${LATEST_AMI_PATH}/${spec.leaf}`).sort();

export type PublicParameter = {
	Name: string;
	Type: 'String';
	Value: string;
	Version: number;
	/** virtual ms */
	LastModifiedDate: number;
	ARN: string;
	DataType: 'text';
};

/** A new image's parameter is updated a little after the image is published. */
const UPDATE_DELAY_MS = 20 * 60_000 + 385;

const matching = (region: RegionState, spec: Spec): Image[] =>
	region.images
		.where(IMAGE_INDEXES['owner-id'], AMAZON_OWNER)
		.filter(image => spec.name.test(image.Name))
		.sort((a, b) => a.CreationDate - b.CreationDate);

/** The parameter of this name in the Region, or undefined (not a public parameter we know). */
export const publicParameter = (region: RegionState, regionName: string, name: string): PublicParameter | undefined => {
	const spec = SPECS.find(s => `${LATEST_AMI_PATH}/${s.leaf}` === name);
	if (!spec) return undefined;
	const images = matching(region, spec);
	const newest = images.filter(image => image.State === 'available').at(-1);
	if (!newest) return undefined;
	return {
		Name: name,
		Type: 'String',
		Value: newest.ImageId,
		// one version for each image published under the name
		Version: images.indexOf(newest) + 1,
		LastModifiedDate: newest.CreationDate + UPDATE_DELAY_MS,
		ARN: `arn:aws:ssm:${regionName}::parameter${name}`,
		DataType: 'text',
	};
};

/**
 * `--image-id resolve:ssm:<name>`: EC2 reads the parameter at launch and uses its value. Other
 * image IDs pass through unchanged.
 */
export const resolveImageParameter = (region: RegionState, regionName: string, imageId: unknown): unknown => {
	if (typeof imageId !== 'string' || !imageId.startsWith('resolve:ssm:')) return imageId;
	const name = imageId.slice('resolve:ssm:'.length);
	const parameter = publicParameter(region, regionName, name);
	// [?] the wording of this error is not verified against real EC2
	if (!parameter) fail('InvalidParameterValue', `Unable to resolve the Systems Manager parameter '${name}'.`);
	return parameter!.Value;
};
