// The aws-cli ec2 customisations that change what reaches the API (awscli/customizations/ec2/
// addcount.py, runinstances.py, secgroupsimplify.py, and botocore's RunInstances user-data
// handler). Their ValueErrors are reported as parameter errors (exit 252) in CLI v2.
import {ParseFailure, paramValidationError} from './errors.js';

type Params = Record<string, unknown>;

const fail = (message: string): never => {
	throw new ParseFailure(paramValidationError(message));
};

/** addcount.py: --count N | min:max (MinCount/MaxCount). */
export const applyCount = (params: Params, value: string): void => {
	const parts = value.includes(':') ? value.split(':') : [value, value];
	const toInt = (s: string | undefined): number | undefined => (s !== undefined && /^\s*[+-]?\d+(?:_\d+)*\s*$/.test(s) ? Number(s.replaceAll('_', '')) : undefined);
	const min = toInt(parts[0]);
	const max = toInt(parts[1]);
	if (parts.length !== 2 || min === undefined || max === undefined) {
		fail('count parameter should be of form min[:max] (e.g. 1 or 1:10)');
	}

	params.MinCount = min;
	params.MaxCount = max;
};

/** addcount.py set_default_count (before-parameter-build). */
export const defaultCount = (params: Params): void => {
	if (!Object.hasOwn(params, 'MaxCount')) {
		params.MaxCount = 1;
	}

	if (!Object.hasOwn(params, 'MinCount')) {
		params.MinCount = 1;
	}
};

const firstInterface = (params: Params): Params => {
	if (!Array.isArray(params.NetworkInterfaces)) {
		params.NetworkInterfaces = [{DeviceIndex: 0}];
	}

	return (params.NetworkInterfaces as Params[])[0];
};

/** runinstances.py: the scalar shortcuts that build NetworkInterfaces[0]. */
export const applyRunInstancesShortcut = (params: Params, option: string, value: string[] | boolean): void => {
	if (option === '--secondary-private-ip-addresses' && Array.isArray(value) && value.length > 0) {
		const ni = firstInterface(params);
		if (!Object.hasOwn(ni, 'PrivateIpAddresses')) {
			ni.PrivateIpAddresses = value.map(v => ({PrivateIpAddress: v, Primary: false}));
		}
	} else if (option === '--secondary-private-ip-address-count' && Array.isArray(value)) {
		const text = value[0] ?? '';
		if (!/^\s*[+-]?\d+\s*$/.test(text)) {
			fail(`argument --secondary-private-ip-address-count: invalid int value: '${text}'`);
		}

		const count = Number(text);
		if (count) {
			firstInterface(params).SecondaryPrivateIpAddressCount = count;
		}
	} else if (option === '--associate-public-ip-address' && value === true) {
		firstInterface(params).AssociatePublicIpAddress = true;
	} else if (option === '--no-associate-public-ip-address' && value === false) {
		firstInterface(params).AssociatePublicIpAddress = false;
	}
};

/** runinstances.py _fix_args: with an interface shortcut, move subnet/groups/IPs into it. */
export const fixRunInstancesArgs = (params: Params): void => {
	if (!Array.isArray(params.NetworkInterfaces)) {
		return;
	}

	const ni = (params.NetworkInterfaces as Params[])[0];
	if (!ni || typeof ni !== 'object' || !['PrivateIpAddresses', 'SecondaryPrivateIpAddressCount', 'AssociatePublicIpAddress'].some(k => Object.hasOwn(ni, k))) {
		return;
	}

	const move = (from: string, to: string, map: (v: unknown) => unknown = v => v): void => {
		if (Object.hasOwn(params, from)) {
			ni[to] = map(params[from]);
			delete params[from];
		}
	};

	move('SubnetId', 'SubnetId');
	move('SecurityGroupIds', 'Groups');
	move('PrivateIpAddress', 'PrivateIpAddresses', v => [{PrivateIpAddress: v, Primary: true}]);
	move('Ipv6AddressCount', 'Ipv6AddressCount');
	move('Ipv6Addresses', 'Ipv6Addresses');
	move('EnablePrimaryIpv6', 'PrimaryIpv6');
};

/** botocore handlers.base64_encode_user_data: RunInstances UserData goes out base64-encoded. */
export const encodeUserData = (params: Params): void => {
	if (typeof params.UserData === 'string') {
		params.UserData = Buffer.from(params.UserData, 'utf8').toString('base64');
	}
};

/** secgroupsimplify.py: --protocol --port --cidr --source-group --group-owner -> IpPermissions[0]. */
export const applySecurityGroupShortcut = (params: Params, option: string, value: string): void => {
	if (!value) {
		return;
	}

	const permission = (): Params => {
		if (!Array.isArray(params.IpPermissions)) {
			params.IpPermissions = [{}];
		}

		return (params.IpPermissions as Params[])[0];
	};

	const groupPair = (key: string, v: string): void => {
		const p = permission();
		if (!Array.isArray(p.UserIdGroupPairs)) {
			p.UserIdGroupPairs = [{}];
		}

		(p.UserIdGroupPairs as Params[])[0][key] = v;
	};

	switch (option) {
		case '--protocol': {
			let protocol = value;
			if (/^\s*[+-]?\d+\s*$/.test(value)) {
				const n = Number(value);
				if ((n < 0 || n > 255) && n !== -1) {
					// protocolarg: the range error is itself a ValueError, caught and re-checked by name.
					fail('protocol parameter should be one of: tcp|udp|icmp|all or any valid protocol number.');
				}
			} else if (['tcp', 'udp', 'icmp', 'all'].includes(value)) {
				protocol = value === 'all' ? '-1' : value;
			} else {
				fail('protocol parameter should be one of: tcp|udp|icmp|all or any valid protocol number.');
			}

			permission().IpProtocol = protocol;
			break;
		}

		case '--port': {
			let from: string;
			let to: string;
			if (value === '-1' || value === 'all') {
				from = '-1';
				to = '-1';
			} else if (value.includes('-')) {
				const dash = value.indexOf('-');
				from = value.slice(0, dash);
				to = value.slice(dash + 1);
			} else {
				from = value;
				to = value;
			}

			const isInt = (s: string): boolean => /^\s*[+-]?\d+(?:_\d+)*\s*$/.test(s);
			if (!isInt(from)) {
				fail('port parameter should be of the form <from[-to]> (e.g. 22 or 22-25)');
			}

			permission().FromPort = Number(from.replaceAll('_', ''));
			if (!isInt(to)) {
				fail('port parameter should be of the form <from[-to]> (e.g. 22 or 22-25)');
			}

			permission().ToPort = Number(to.replaceAll('_', ''));
			break;
		}

		case '--cidr':
			permission().IpRanges = [{CidrIp: value}];
			break;
		case '--source-group':
			groupPair(value.startsWith('sg-') ? 'GroupId' : 'GroupName', value);
			break;
		case '--group-owner':
			groupPair('UserId', value);
			break;
		default:
			break;
	}
};
