import type { NodeEgressFilter } from 'n8n-workflow';

import { hostKind, type HostKind } from './hostKind';
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

const KIND_TEXT: Record<Exclude<HostKind, 'public'>, string> = {
	loopback: 'a loopback address (this machine)',
	private: 'a private network address',
	'link-local': 'a link-local address (e.g. a cloud metadata service)',
	'local name': 'a local host name (no public domain)',
	reserved: 'a reserved address (not a public host)',
};

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
