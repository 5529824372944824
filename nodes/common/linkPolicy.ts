import type { IHttpRequestOptions, NodeEgressFilter } from 'n8n-workflow';

import { credentialOnce, type ApiContext, type VendorApi } from './httpClient';
import { VendorApiError } from './vendorError';

/**
 * Where a link a vendor hands out may lead: a download link in an API answer (Gengo's `file_url_tgt`), or the
 * redirect of a file download to another host (Smartcat's export). Such a URL is written by the vendor's server, or
 * by whoever can change its answer, and n8n fetches it from inside the user's network: followed blindly, a link to
 * `http://127.0.0.1:5678/rest/...` hands n8n's own answers back as "the translated file". So every link, and every
 * redirect hop of it, goes only over https, carries no user name or password, and leads to a public address or to
 * the credential's own origin. Private, loopback and link-local targets are followed only when the credential's own
 * base URL is such an address (a staging server, a local simulator): that network is then the vendor's.
 */

/** What kind of address a URL's host is; everything but `public` is someone's own network. */
export type HostKind = 'public' | 'loopback' | 'private' | 'link-local' | 'local name' | 'reserved';

const KIND_TEXT: Record<Exclude<HostKind, 'public'>, string> = {
	loopback: 'a loopback address (this machine)',
	private: 'a private network address',
	'link-local': 'a link-local address (e.g. a cloud metadata service)',
	'local name': 'a local host name (no public domain)',
	reserved: 'a reserved address (not a public host)',
};

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

/** Whom a link comes from: the vendor as messages name it, and the credential's API root. */
export interface LinkPolicy {
	vendor: string;
	/** the credential's base URL: its origin is always allowed, and when its host is not public neither need links be */
	trustedBase: string;
	/** the vendor's error class for a refusal (VendorApi.errorClass) */
	errorClass?: VendorApi['errorClass'];
}

const parsed = (url: string): URL | undefined => {
	try {
		return new URL(url);
	} catch {
		return undefined;
	}
};

/**
 * Why a link cannot be followed, or undefined: each answer names the rule that refused it. Only the link's origin is
 * quoted (its path or query may carry the vendor's signature).
 */
export function linkProblem(link: string, policy: LinkPolicy): string | undefined {
	const url = parsed(link);
	if (!url) return 'it is not an absolute URL';
	if (url.protocol !== 'https:' && url.protocol !== 'http:')
		return `"${url.protocol}" links are not followed: links are only followed over https`;
	if (url.username || url.password)
		return `the link carries a user name or password (user:pass@ before "${url.host}"): links with credentials in them are not followed`;
	const base = parsed(policy.trustedBase);
	if (base && url.origin === base.origin) return undefined;
	const kind = hostKind(url.hostname);
	const baseIsLocal = !!base && hostKind(base.hostname) !== 'public';
	if (kind !== 'public' && !baseIsLocal)
		return `${url.hostname} is ${KIND_TEXT[kind]}: links from ${policy.vendor} are only followed to public addresses or to the credential's own origin${base ? ` (${base.origin})` : ''}`;
	if (url.protocol === 'http:' && !(kind === 'loopback' && baseIsLocal))
		return `"${url.origin}" is not https: links are only followed over https (plain http only to this machine, and only when the credential's own base URL is local too)`;
	return undefined;
}

/**
 * n8n's own egress filter where n8n has one (n8n 2.x `helpers.getSecureEgressFilter`): it resolves a host name and
 * checks every address against n8n's blocked ranges (private, loopback, link-local by default; an administrator's
 * N8N_SSRF_ALLOWED_* lists apply). A community node may not resolve names itself (n8n's lint allows no `dns`
 * import), so on n8n 1.x, which has no such filter, only the literal addresses and local names above are refused.
 */
function egressFilter(ctx: ApiContext): NodeEgressFilter | undefined {
	const helpers = ctx.helpers as { getSecureEgressFilter?: (mode: 'enforced') => NodeEgressFilter };
	return typeof helpers.getSecureEgressFilter === 'function'
		? helpers.getSecureEgressFilter('enforced')
		: undefined;
}

/**
 * Checks one link (or redirect hop) before anything is sent to it: linkProblem, then, for a host name when links
 * must be public, n8n's egress filter (which resolves the name). Throws a VendorApiError (400) that says `what` was
 * not followed and which rule refused it.
 */
export async function checkLink(
	ctx: ApiContext,
	link: string,
	policy: LinkPolicy,
	what: string,
): Promise<void> {
	const ErrorClass = policy.errorClass ?? VendorApiError;
	const refuse = (why: string): never => {
		throw new ErrorClass(`${what} cannot be followed: ${why}`, 400, {
			hint: `The link came from ${policy.vendor}. Links from a vendor are followed only over https, to public addresses or to the credential's own base URL.`,
		});
	};
	const problem = linkProblem(link, policy);
	if (problem) return refuse(problem);
	const url = new URL(link);
	const base = parsed(policy.trustedBase);
	if (base && (url.origin === base.origin || hostKind(base.hostname) !== 'public')) return;
	const filter = egressFilter(ctx);
	if (!filter) return;
	const verdict = await filter.validateUrl(url);
	if (!verdict.ok)
		refuse(
			`${url.hostname} is not a public address by n8n's egress rules (${verdict.error.message}): links from ${policy.vendor} are only followed to public addresses or to the credential's own origin`,
		);
}

/** The link policy of a vendor's links: its name and the credential's base URL. */
export async function vendorLinkPolicy(ctx: ApiContext, api: VendorApi): Promise<LinkPolicy> {
	return {
		vendor: api.name,
		trustedBase: api.baseUrl(await credentialOnce(ctx, api.credentialType)),
		errorClass: api.errorClass,
	};
}

/**
 * Runs `call` with a context whose plain httpRequest checks every URL against the vendor's link policy first: the
 * shared vendor client sends a redirect to another origin (followRedirectWithoutCredentials, Smartcat's export)
 * through that helper, without the credential, so each such hop is checked before it is requested. The
 * credential-signed helpers and everything else are n8n's own. A refused hop fails `call` with the refusal itself
 * (the vendor client would otherwise report it as the API being unreachable).
 */
export async function withLinkPolicy<T, C extends ApiContext>(
	ctx: C,
	api: VendorApi,
	what: string,
	call: (guarded: C) => Promise<T>,
): Promise<T> {
	let refusal: unknown;
	const httpRequest = async (options: IHttpRequestOptions): Promise<unknown> => {
		await checkLink(ctx, String(options.url), await vendorLinkPolicy(ctx, api), what).catch(
			(error: unknown) => {
				refusal = error;
				return Promise.reject(error as Error);
			},
		);
		return (await ctx.helpers.httpRequest(options)) as unknown;
	};
	const helpers = new Proxy(ctx.helpers, {
		get: (target, property) =>
			property === 'httpRequest' ? httpRequest : Reflect.get(target, property, target),
	});
	const guarded = new Proxy(ctx, {
		get: (target, property) => {
			if (property === 'helpers') return helpers;
			const value = Reflect.get(target, property, target) as unknown;
			return typeof value === 'function'
				? (value as (...a: unknown[]) => unknown).bind(target)
				: value;
		},
	});
	return await call(guarded).catch(
		async (error: unknown) => await Promise.reject(refusal ?? error),
	);
}
