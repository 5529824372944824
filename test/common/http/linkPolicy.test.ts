// Where a link from a vendor may lead (nodes/common/http/linkPolicy.ts). The addresses are IANA's special-purpose registries
// (https://www.iana.org/assignments/iana-ipv4-special-registry/, .../iana-ipv6-special-registry/); no test sends
// anything anywhere: the policy is a function of the URL and of the credential's base URL, which is never contacted.
import type { IExecuteFunctions } from 'n8n-workflow';

import { hostKind } from '../../../nodes/common/http/hostKind';
import { checkLink, linkProblem, type LinkPolicy } from '../../../nodes/common/http/linkPolicy';
import { VendorApiError } from '../../../nodes/common/http/vendorError';

const PUBLIC: LinkPolicy = { vendor: 'Gengo', trustedBase: 'https://api.gengo.com/v2' };
const LOCAL: LinkPolicy = { vendor: 'Gengo', trustedBase: 'http://127.0.0.1:4567/v2' };

const kindOf = (url: string) => hostKind(new URL(url).hostname);

describe('hostKind: what kind of address a URL leads to', () => {
	it.each([
		['https://files.gengo.com/x', 'public'],
		['https://93.184.216.34/', 'public'],
		['https://[2606:4700::6810:84e5]/', 'public'],
		['http://127.0.0.1/', 'loopback'],
		['http://127.0.0.2/', 'loopback'],
		// WHATWG URL parsing has already turned these into 127.0.0.1
		['http://2130706433/', 'loopback'],
		['http://0x7f.1/', 'loopback'],
		['http://0177.0.0.1/', 'loopback'],
		['http://[::1]/', 'loopback'],
		['http://[::ffff:127.0.0.1]/', 'loopback'],
		['http://[::ffff:7f00:2]/', 'loopback'],
		['http://[64:ff9b::7f00:1]/', 'loopback'],
		['http://[2002:7f00:1::]/', 'loopback'],
		['http://localhost:5678/rest/settings', 'loopback'],
		['http://LOCALHOST./', 'loopback'],
		['http://n8n.localhost/', 'loopback'],
		['http://10.1.2.3/', 'private'],
		['http://172.16.0.1/', 'private'],
		['http://172.31.255.255/', 'private'],
		['http://192.168.1.1/', 'private'],
		['http://100.64.0.1/', 'private'],
		['http://[fd00::1]/', 'private'],
		['http://[fc00::1]/', 'private'],
		['http://169.254.169.254/latest/meta-data/', 'link-local'],
		['http://[fe80::1]/', 'link-local'],
		['http://[::ffff:169.254.169.254]/', 'link-local'],
		['http://0.0.0.0/', 'reserved'],
		['http://[::]/', 'reserved'],
		['http://224.0.0.1/', 'reserved'],
		['http://255.255.255.255/', 'reserved'],
		['http://198.18.0.1/', 'reserved'],
		['http://[2001:db8::1]/', 'reserved'],
		['http://[ff02::1]/', 'reserved'],
		['http://n8n:5678/', 'local name'],
		['http://printer.local/', 'local name'],
		['http://metadata.google.internal/', 'local name'],
		['http://nas.home.arpa/', 'local name'],
	])('%s → %s', (url, kind) => {
		expect(kindOf(url)).toBe(kind);
	});

	it('the edges of the ranges: 172.15/172.32 and 100.63/100.128 are public', () => {
		expect(kindOf('https://172.15.255.255/')).toBe('public');
		expect(kindOf('https://172.32.0.0/')).toBe('public');
		expect(kindOf('https://100.63.255.255/')).toBe('public');
		expect(kindOf('https://100.128.0.0/')).toBe('public');
		expect(kindOf('https://11.0.0.0/')).toBe('public');
		expect(kindOf('https://128.0.0.1/')).toBe('public');
	});
});

describe('linkProblem: each refusal names its rule', () => {
	it('a public https link is followed', () => {
		expect(linkProblem('https://files.gengo.com/t/de.docx?sig=1', PUBLIC)).toBeUndefined();
	});

	it('only https: plain http, ftp, file and data links are refused', () => {
		expect(linkProblem('http://files.gengo.com/de.docx', PUBLIC)).toBe(
			'"http://files.gengo.com" is not https: links are only followed over https (plain http only to this machine, and only when the credential\'s own base URL is local too)',
		);
		for (const link of ['ftp://files.gengo.com/x', 'file:///etc/passwd', 'data:,x'])
			expect(linkProblem(link, PUBLIC)).toMatch(
				/^"[a-z]+:" links are not followed: links are only followed over https$/,
			);
		expect(linkProblem('/relative', PUBLIC)).toBe('it is not an absolute URL');
	});

	it('a user name or password in the link is refused, without quoting it', () => {
		for (const link of [
			'https://alice:s3cret@files.gengo.com/x',
			'https://alice@files.gengo.com/x',
			'https://:s3cret@files.gengo.com/x',
		]) {
			const problem = linkProblem(link, PUBLIC);
			expect(problem).toBe(
				'the link carries a user name or password (user:pass@ before "files.gengo.com"): links with credentials in them are not followed',
			);
			expect(problem).not.toMatch(/alice|s3cret/);
		}
	});

	it("127.0.0.2 is refused when the credential's base URL is public", () => {
		expect(linkProblem('https://127.0.0.2:5678/rest/settings', PUBLIC)).toBe(
			"127.0.0.2 is a loopback address (this machine): links from Gengo are only followed to public addresses or to the credential's own origin (https://api.gengo.com)",
		);
		expect(linkProblem('https://169.254.169.254/latest/meta-data/', PUBLIC)).toMatch(
			/^169\.254\.169\.254 is a link-local address \(e\.g\. a cloud metadata service\): /,
		);
		expect(linkProblem('https://10.0.0.8/x', PUBLIC)).toMatch(
			/^10\.0\.0\.8 is a private network address: /,
		);
		expect(linkProblem('https://[::ffff:127.0.0.1]/x', PUBLIC)).toMatch(
			/^\[::ffff:7f00:1\] is a loopback address/,
		);
		expect(linkProblem('https://n8n:5678/rest/settings', PUBLIC)).toMatch(
			/^n8n is a local host name \(no public domain\): /,
		);
	});

	it("the credential's own origin is followed, even on a private address", () => {
		const onPremises: LinkPolicy = { vendor: 'Beebox', trustedBase: 'https://10.0.0.5:8443/api' };
		expect(linkProblem('https://10.0.0.5:8443/files/x', onPremises)).toBeUndefined();
		// a private base URL makes that network the vendor's: other private addresses too
		expect(linkProblem('https://10.0.0.6/x', onPremises)).toBeUndefined();
		// but never over plain http unless on this machine
		expect(linkProblem('http://10.0.0.6/x', onPremises)).toMatch(/is not https/);
	});

	it('with a base URL on this machine (tests, an SSH tunnel), another port on 127.0.0.1 is followed over http', () => {
		expect(linkProblem('http://127.0.0.1:4567/files/x', LOCAL)).toBeUndefined();
		expect(linkProblem('http://127.0.0.1:9999/files/x', LOCAL)).toBeUndefined();
		expect(linkProblem('https://127.0.0.2:9999/files/x', LOCAL)).toBeUndefined();
		expect(linkProblem('http://127.0.0.2:9999/x', LOCAL)).toBeUndefined();
		// user info and the scheme rule still apply
		expect(linkProblem('http://u:p@127.0.0.1:9999/x', LOCAL)).toMatch(/user name or password/);
		expect(linkProblem('ftp://127.0.0.1:9999/x', LOCAL)).toMatch(/links are not followed/);
	});
});

describe('checkLink: n8n 2.x resolves host names with its own egress filter', () => {
	function context(verdict: { ok: true } | { ok: false; error: Error }) {
		const asked: Array<{ mode: string; url: string }> = [];
		const ctx = {
			helpers: {
				getSecureEgressFilter: (mode: string) => ({
					validateUrl: async (url: URL) => {
						asked.push({ mode, url: url.toString() });
						return verdict;
					},
				}),
			},
		} as unknown as IExecuteFunctions;
		return { ctx, asked };
	}

	it('a name that resolves to a blocked address is refused, naming the rule (filter in enforced mode)', async () => {
		const { ctx, asked } = context({
			ok: false,
			error: new Error('IP address 127.0.0.1 is blocked'),
		});
		const error = (await checkLink(
			ctx,
			'https://rebind.files.example/x',
			PUBLIC,
			'The translated file',
		).catch((e: unknown) => e)) as VendorApiError;
		expect(error).toBeInstanceOf(VendorApiError);
		expect(error.message).toBe(
			"The translated file cannot be followed: rebind.files.example is not a public address by n8n's egress rules (IP address 127.0.0.1 is blocked): links from Gengo are only followed to public addresses or to the credential's own origin",
		);
		expect(error.httpStatus).toBe(400);
		expect(asked).toEqual([{ mode: 'enforced', url: 'https://rebind.files.example/x' }]);
	});

	it("is not asked for the credential's own origin, nor when the base URL is local", async () => {
		const { ctx, asked } = context({ ok: false, error: new Error('blocked') });
		await checkLink(ctx, 'https://api.gengo.com/v2/file', PUBLIC, 'x');
		await checkLink(ctx, 'http://127.0.0.1:9999/x', LOCAL, 'x');
		expect(asked).toEqual([]);
	});

	it('allowed by the filter: followed; n8n 1.x without a filter: the static rules only', async () => {
		const { ctx } = context({ ok: true });
		await expect(checkLink(ctx, 'https://files.example/x', PUBLIC, 'x')).resolves.toBeUndefined();
		const old = { helpers: {} } as unknown as IExecuteFunctions;
		await expect(checkLink(old, 'https://files.example/x', PUBLIC, 'x')).resolves.toBeUndefined();
		await expect(checkLink(old, 'https://127.0.0.2/x', PUBLIC, 'The file')).rejects.toThrow(
			'The file cannot be followed: 127.0.0.2 is a loopback address (this machine)',
		);
	});
});
