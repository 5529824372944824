/**
 * What kind of network a host name or address belongs to: the public internet, or someone's own network
 * (loopback, private, link-local, reserved ranges, local names). Used for links a vendor hands out
 * (linkPolicy.ts) and for the URL automatic registration gives a vendor (registration.ts).
 */

/** What kind of address a URL's host is; everything but `public` is someone's own network. */
export type HostKind = 'public' | 'loopback' | 'private' | 'link-local' | 'local name' | 'reserved';

/** [first address, prefix length, kind] of the IPv4 ranges that are not public hosts (IANA special-purpose registry). */
const IPV4_RANGES: Array<[string, number, Exclude<HostKind, 'public' | 'local name'>]> = [
	['0.0.0.0', 8, 'reserved'],
	['10.0.0.0', 8, 'private'],
	['100.64.0.0', 10, 'private'],
	['127.0.0.0', 8, 'loopback'],
	['169.254.0.0', 16, 'link-local'],
	['172.16.0.0', 12, 'private'],
	['192.0.0.0', 24, 'reserved'],
	['192.0.2.0', 24, 'reserved'],
	['192.88.99.0', 24, 'reserved'],
	['192.168.0.0', 16, 'private'],
	['198.18.0.0', 15, 'reserved'],
	['198.51.100.0', 24, 'reserved'],
	['203.0.113.0', 24, 'reserved'],
	['224.0.0.0', 4, 'reserved'],
	['240.0.0.0', 4, 'reserved'],
];

const ipv4Number = (address: string): number | undefined => {
	const parts = address.split('.');
	if (parts.length !== 4 || parts.some((p) => !/^\d{1,3}$/.test(p) || Number(p) > 255))
		return undefined;
	return parts.reduce((n, p) => n * 256 + Number(p), 0);
};

function ipv4Kind(value: number): HostKind {
	for (const [first, bits, kind] of IPV4_RANGES) {
		const size = 2 ** (32 - bits);
		const start = ipv4Number(first)!;
		if (value >= start && value < start + size) return kind;
	}
	return 'public';
}

/** The eight 16-bit groups of an IPv6 address (a trailing dotted IPv4 part allowed), or undefined. */
function ipv6Groups(address: string): number[] | undefined {
	let text = address.toLowerCase();
	const dotted = /(\d{1,3}(?:\.\d{1,3}){3})$/.exec(text);
	if (dotted) {
		const v4 = ipv4Number(dotted[1]);
		if (v4 === undefined) return undefined;
		text = `${text.slice(0, -dotted[1].length)}${(v4 >>> 16).toString(16)}:${(v4 & 0xffff).toString(16)}`;
	}
	const halves = text.split('::');
	if (halves.length > 2) return undefined;
	const parse = (part: string) => (part ? part.split(':') : []);
	const head = parse(halves[0]);
	const tail = halves.length === 2 ? parse(halves[1]) : [];
	const missing = 8 - head.length - tail.length;
	if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
	const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail];
	if (groups.some((g) => !/^[0-9a-f]{1,4}$/.test(g))) return undefined;
	return groups.map((g) => parseInt(g, 16));
}

function ipv6Kind(groups: number[]): HostKind {
	const embedded = (high: number, low: number) => ipv4Kind(high * 65536 + low);
	const [g0, g1, g2, g3, g4, g5, g6, g7] = groups;
	const zeroUpTo = (n: number) => groups.slice(0, n).every((g) => g === 0);
	if (zeroUpTo(7) && g7 === 0) return 'reserved'; // ::
	if (zeroUpTo(7) && g7 === 1) return 'loopback'; // ::1
	if (zeroUpTo(5) && g5 === 0xffff) return embedded(g6, g7); // ::ffff:a.b.c.d, IPv4-mapped
	if (zeroUpTo(6)) return embedded(g6, g7); // ::a.b.c.d, IPv4-compatible (deprecated)
	if (g0 === 0x64 && g1 === 0xff9b && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0)
		return embedded(g6, g7); // 64:ff9b::/96, NAT64
	if (g0 === 0x64 && g1 === 0xff9b && g2 === 1) return 'private'; // 64:ff9b:1::/48, local NAT64
	if (g0 === 0x2002) return embedded(g1, g2); // 6to4
	if (g0 === 0x2001 && g1 === 0) return 'reserved'; // Teredo
	if (g0 === 0x2001 && g1 === 0xdb8) return 'reserved'; // documentation
	if (g0 === 0x100 && g1 === 0 && g2 === 0 && g3 === 0) return 'reserved'; // discard
	if ((g0 & 0xfe00) === 0xfc00) return 'private'; // fc00::/7, unique local
	if ((g0 & 0xffc0) === 0xfe80) return 'link-local'; // fe80::/10
	if ((g0 & 0xffc0) === 0xfec0) return 'private'; // fec0::/10, site-local (deprecated)
	if ((g0 & 0xff00) === 0xff00) return 'reserved'; // multicast
	return 'public';
}

/**
 * Names that never name a public host: `localhost` (RFC 6761), mDNS's `.local`, the private-use `.internal`,
 * `.home.arpa` (RFC 8375) and the suffixes ICANN's SAC113 lists as used privately.
 */
const LOCAL_SUFFIXES =
	/(^|\.)(local|internal|intranet|private|corp|home|lan|localdomain|home\.arpa)$/;

/**
 * The kind of a URL's host (`URL.hostname`: WHATWG's parser has already turned `2130706433`, `0x7f.1` and
 * `0177.0.0.1` into `127.0.0.1`). A name without a dot is a local name: a public host always has a domain.
 */
export function hostKind(hostname: string): HostKind {
	const host = hostname.toLowerCase().replace(/\.$/, '');
	if (host.startsWith('[') && host.endsWith(']')) {
		const groups = ipv6Groups(host.slice(1, -1));
		return groups ? ipv6Kind(groups) : 'reserved';
	}
	const v4 = ipv4Number(host);
	if (v4 !== undefined) return ipv4Kind(v4);
	if (/(^|\.)localhost$/.test(host)) return 'loopback';
	if (!host || !host.includes('.') || LOCAL_SUFFIXES.test(host)) return 'local name';
	return 'public';
}
