// The internet between the player's computer and their instances: IPv4 addresses and CIDR
// blocks. Security group rules (security-rules.ts) and the shell's ssh / curl
// (instances-lookup.ts instanceReachable) both answer "does this rule admit that address?" here.

/** The player's own public address (what https://checkip.amazonaws.com answers). */
export const PLAYER_PUBLIC_IP = '198.51.100.23';

/** A dotted-quad IPv4 address as an unsigned 32-bit number, or undefined when it is not one. */
export const ipToNumber = (ip: string): number | undefined => {
	const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(ip);
	if (!m) return undefined;
	const parts = m.slice(1).map(Number);
	if (parts.some(p => p > 255)) return undefined;
	return ((parts[0] << 24) >>> 0) + (parts[1] << 16) + (parts[2] << 8) + parts[3];
};

export const isIpAddress = (text: string): boolean => ipToNumber(text) !== undefined;

/** `10.0.0.0/8` contains `10.1.2.3`; a bare address is a /32; anything malformed contains nothing. */
export const cidrContains = (cidr: string, ip: string): boolean => {
	const [base, bitsText] = cidr.split('/');
	const bits = Number(bitsText ?? '32');
	const a = ipToNumber(base);
	const b = ipToNumber(ip);
	if (a === undefined || b === undefined || !Number.isInteger(bits) || bits < 0 || bits > 32) return false;
	if (bits === 0) return true;
	const mask = bits === 32 ? 0xff_ff_ff_ff : ~((1 << (32 - bits)) - 1) >>> 0;
	return (a & mask) >>> 0 === (b & mask) >>> 0;
};
