// Which webhook URLs automatic registration refuses (nodes/common/delivery/registration.ts, webhookUrlProblem): the
// loopback, private (RFC 1918), link-local and unique-local ranges, mDNS .local names and hosts without a domain,
// which a vendor's servers on the internet cannot reach; public addresses pass, including ones that merely
// contain a private range's digits.
import { webhookUrlProblem } from '../../../nodes/common/delivery/registration';

const refused = (url: string) =>
	`the vendor cannot reach ${new URL(url).origin}: it is not a public address`;

describe('webhookUrlProblem', () => {
	it.each([
		'http://localhost:5678/webhook/x',
		'http://LOCALHOST:5678/webhook/x',
		'http://n8n.localhost/webhook/x',
		'http://n8n.local/webhook/x',
		'http://[::1]:5678/webhook/x',
		'http://0.0.0.0:5678/webhook/x',
		'http://127.0.0.1:5678/webhook/x',
		'http://127.8.9.10/webhook/x',
		'https://10.0.0.12/webhook/x',
		'https://192.168.1.5/webhook/x',
		'https://172.16.0.1/webhook/x',
		'https://172.24.0.1/webhook/x',
		'https://172.31.255.1/webhook/x',
		'https://169.254.169.254/webhook/x',
		'https://[fc00::1]/webhook/x',
		'https://[fd12:3456::1]/webhook/x',
		'https://[fe80::1]/webhook/x',
		'http://n8n:5678/webhook/x',
		// ranges no vendor can reach either (IANA's special-purpose registry): shared address space (carrier-grade
		// NAT) and documentation
		'https://100.64.0.1/webhook/x',
		'https://203.0.113.10/webhook/x',
		// an IPv6 literal has no dot, so it counts as a host without a domain: every one is refused today
		'https://[2001:db8::1]/webhook/x',
	])('refuses %s', (url) => {
		expect(webhookUrlProblem(url)).toBe(refused(url));
	});

	it.each([
		'https://n8n.example.com/webhook/x',
		'https://8.10.0.1/webhook/x',
		'https://1.127.0.1/webhook/x',
		'https://5.192.168.1/webhook/x',
		'https://172.15.0.1/webhook/x',
		'https://172.32.0.1/webhook/x',
		'https://8.172.16.1/webhook/x',
		'https://172.2a.example.com/webhook/x',
		'https://4.169.254.1/webhook/x',
		'https://localhost.example.com/webhook/x',
		'https://local.example.com/webhook/x',
	])('accepts %s', (url) => {
		expect(webhookUrlProblem(url)).toBeUndefined();
	});

	it('says when there is no URL or it is none', () => {
		expect(webhookUrlProblem(undefined)).toBe('n8n did not give this node a webhook URL');
		expect(webhookUrlProblem('')).toBe('n8n did not give this node a webhook URL');
		expect(webhookUrlProblem('not a url')).toBe('"not a url" is not a URL');
	});
});
