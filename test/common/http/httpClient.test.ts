/* eslint-disable @n8n/community-nodes/no-restricted-imports -- developer tooling: runs in Node.js, never inside n8n, so n8n's rules for node code do not apply (CONTRIBUTING.md, "Lint") */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import {
	apiRequest,
	baseUrlProblem,
	checkedId,
	pathSegment,
	retryAfterMs,
	type VendorApi,
} from '../../../nodes/common/http/httpClient';
import { checkLink } from '../../../nodes/common/http/linkPolicy';
import { VendorApiError } from '../../../nodes/common/http/vendorError';
import { fakeExecuteContext } from '../../helpers/fakeContext';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** A local server answering with whatever the test's handler says; records every request's headers. */
class Stub {
	server!: Server;
	seen: Array<{ url: string; authorization?: string }> = [];
	handler: Handler = (_req, res) => res.end('{}');
	async start(): Promise<string> {
		this.server = createServer((req, res) => {
			this.seen.push({ url: req.url ?? '', authorization: req.headers.authorization });
			this.handler(req, res);
		});
		await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
		return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
	}
	async stop() {
		await new Promise<void>((resolve) => this.server.close(() => resolve()));
	}
}

const API = (root: string): VendorApi => ({
	name: 'Vendor',
	credentialType: 'smartcatApi',
	baseUrl: () => root,
	errorMessage: (body) =>
		body && typeof body === 'object' ? String((body as { message?: string }).message ?? '') : '',
	errorCode: (body) => (body as { code?: string } | undefined)?.code,
	hint: (status) => (status === 401 ? 'check the credential' : undefined),
});

const credentials = { smartcatApi: { accountId: 'acc', apiKey: 'key' } };

describe('apiRequest, the one vendor client', () => {
	const a = new Stub();
	const b = new Stub();
	let rootA: string;
	let rootB: string;
	beforeAll(async () => {
		rootA = await a.start();
		rootB = await b.start();
	});
	afterAll(async () => {
		await a.stop();
		await b.stop();
	});
	beforeEach(() => {
		a.seen = [];
		b.seen = [];
	});

	it('sends the credential, the query and answers the JSON body', async () => {
		a.handler = (req, res) => res.end(JSON.stringify({ path: req.url }));
		const { ctx } = fakeExecuteContext({ credentials });
		const answer = await apiRequest(ctx, API(rootA), {
			method: 'GET',
			path: '/x',
			qs: { q: 'a b' },
		});
		expect(answer.status).toBe(200);
		expect(answer.body).toEqual({ path: '/x?q=a+b' });
		expect(a.seen[0].authorization).toBe(`Basic ${Buffer.from('acc:key').toString('base64')}`);
	});

	it("maps an error answer to the vendor's message, code and hint", async () => {
		a.handler = (_req, res) => {
			res.statusCode = 401;
			res.end(JSON.stringify({ message: 'bad key', code: 'E401' }));
		};
		const { ctx } = fakeExecuteContext({ credentials });
		const error = await apiRequest(ctx, API(rootA), { method: 'GET', path: '/x' }).catch(
			(e: unknown) => e,
		);
		expect(error).toBeInstanceOf(VendorApiError);
		expect(error).toMatchObject({
			httpStatus: 401,
			vendorCode: 'E401',
			hint: 'check the credential',
			message: 'Vendor GET /x: HTTP 401: bad key',
		});
		expect((error as VendorApiError).isUnavailable).toBe(false);
	});

	it('answers accepted statuses instead of throwing', async () => {
		a.handler = (_req, res) => {
			res.statusCode = 404;
			res.end('');
		};
		const { ctx } = fakeExecuteContext({ credentials });
		const answer = await apiRequest(ctx, API(rootA), { method: 'GET', path: '/x', accept: [404] });
		expect(answer.status).toBe(404);
	});

	it('follows a redirect within the API origin with the credential', async () => {
		a.handler = (req, res) => {
			if (req.url === '/old') {
				res.statusCode = 302;
				res.setHeader('location', '/new');
				res.end();
				return;
			}
			res.end(JSON.stringify({ at: req.url }));
		};
		const { ctx } = fakeExecuteContext({ credentials });
		const answer = await apiRequest(ctx, API(rootA), { method: 'GET', path: '/old' });
		expect(answer.body).toEqual({ at: '/new' });
		expect(a.seen.map((s) => !!s.authorization)).toEqual([true, true]);
	});

	it('never sends the credential on a redirect to another origin', async () => {
		a.handler = (_req, res) => {
			res.statusCode = 302;
			res.setHeader('location', `${rootB}/elsewhere`);
			res.end();
		};
		b.handler = (_req, res) => res.end('{}');
		const { ctx } = fakeExecuteContext({ credentials });
		await expect(apiRequest(ctx, API(rootA), { method: 'GET', path: '/x' })).rejects.toThrow(
			/redirected to http:\/\/127\.0\.0\.1:\d+; the credential is not sent to another host/,
		);
		expect(b.seen).toHaveLength(0);
	});

	it('follows a download link to another origin only without the credential', async () => {
		a.handler = (_req, res) => {
			res.statusCode = 307;
			res.setHeader('location', `${rootB}/file`);
			res.end();
		};
		b.handler = (_req, res) => res.end(JSON.stringify({ file: true }));
		const { ctx } = fakeExecuteContext({ credentials });
		const checked: string[] = [];
		const answer = await apiRequest(ctx, API(rootA), {
			method: 'GET',
			path: '/x',
			followRedirectWithoutCredentials: async (url) => {
				checked.push(url);
			},
		});
		expect(answer.body).toEqual({ file: true });
		expect(b.seen).toEqual([{ url: '/file', authorization: undefined }]);
		// the hop to the other origin was checked before it was requested
		expect(checked).toEqual([`${rootB}/file`]);
	});

	it("a hop to another origin that the caller's check refuses is never requested, and the refusal is the error", async () => {
		a.handler = (_req, res) => {
			res.statusCode = 302;
			res.setHeader('location', `${rootB}/file`);
			res.end();
		};
		b.handler = (_req, res) => res.end('{}');
		const { ctx } = fakeExecuteContext({ credentials });
		// a vendor whose credential points at a public host: a loopback hop over plain http is refused
		const policy = { vendor: 'Smartcat', trustedBase: 'https://smartcat.com/api/integration/v1' };
		const error = (await apiRequest(ctx, API(rootA), {
			method: 'GET',
			path: '/x',
			followRedirectWithoutCredentials: async (url) =>
				await checkLink(ctx, url, policy, "Smartcat's redirect of the export"),
		}).catch((e: unknown) => e)) as VendorApiError;
		expect(error).toBeInstanceOf(VendorApiError);
		expect(error.message).toMatch(/^Smartcat's redirect of the export cannot be followed: /);
		expect(b.seen).toHaveLength(0);
	});

	it("waits out a 429 for the vendor's Retry-After, within the budget", async () => {
		let calls = 0;
		a.handler = (_req, res) => {
			if (++calls === 1) {
				res.statusCode = 429;
				res.setHeader('retry-after', '1');
				res.end('{}');
				return;
			}
			res.end(JSON.stringify({ ok: true }));
		};
		const { ctx } = fakeExecuteContext({ credentials });
		const started = Date.now();
		const answer = await apiRequest(ctx, API(rootA), { method: 'GET', path: '/x' });
		expect(answer.body).toEqual({ ok: true });
		expect(calls).toBe(2);
		expect(Date.now() - started).toBeGreaterThanOrEqual(900);
	});

	it('gives a 429 back at once when no wait is allowed (a trigger answering its vendor)', async () => {
		let calls = 0;
		a.handler = (_req, res) => {
			calls++;
			res.statusCode = 429;
			res.setHeader('retry-after', '5');
			res.end('{}');
		};
		const { ctx } = fakeExecuteContext({ credentials });
		const error = (await apiRequest(ctx, API(rootA), {
			method: 'GET',
			path: '/x',
			rateLimitWaitMs: 0,
		}).catch((e: unknown) => e)) as VendorApiError;
		expect(error.httpStatus).toBe(429);
		expect(error.isUnavailable).toBe(true);
		expect(calls).toBe(1);
	});

	it('waits out at most three 429s in a row, then gives the fourth back', async () => {
		let calls = 0;
		a.handler = (_req, res) => {
			calls++;
			res.statusCode = 429;
			res.setHeader('retry-after', '0');
			res.end(JSON.stringify({ message: 'slow down' }));
		};
		const { ctx } = fakeExecuteContext({ credentials });
		const error = (await apiRequest(ctx, API(rootA), { method: 'GET', path: '/x' }).catch(
			(e: unknown) => e,
		)) as VendorApiError;
		expect(calls).toBe(4);
		expect(error.httpStatus).toBe(429);
		expect(error.message).toBe('Vendor GET /x: HTTP 429: slow down');
	});

	it('follows at most 3 redirects', async () => {
		let calls = 0;
		a.handler = (_req, res) => {
			calls++;
			res.statusCode = 302;
			res.setHeader('location', `/hop-${calls}`);
			res.end();
		};
		const { ctx } = fakeExecuteContext({ credentials });
		const error = (await apiRequest(ctx, API(rootA), { method: 'GET', path: '/x' }).catch(
			(e: unknown) => e,
		)) as VendorApiError;
		expect(calls).toBe(4);
		expect(error).toBeInstanceOf(VendorApiError);
		expect(error.message).toBe('Vendor GET /x: more than 3 redirects');
	});

	it('reports no answer as status 0 (unavailable)', async () => {
		const { ctx } = fakeExecuteContext({ credentials });
		const error = (await apiRequest(ctx, API('http://127.0.0.1:9'), {
			method: 'GET',
			path: '/x',
		}).catch((e: unknown) => e)) as VendorApiError;
		expect(error.httpStatus).toBe(0);
		expect(error.isUnavailable).toBe(true);
		expect(error.message).toMatch(/^Vendor API unreachable/);
	});

	it('refuses an API root that is not https before sending anything', async () => {
		const { ctx, requests } = fakeExecuteContext({ credentials });
		await expect(
			apiRequest(ctx, API('http://api.vendor.example'), { method: 'GET', path: '/x' }),
		).rejects.toThrow(/not https/);
		expect(requests).toHaveLength(0);
	});
});

describe('baseUrlProblem', () => {
	it.each([
		['https://cloud.memsource.com/web', undefined],
		['http://127.0.0.1:4000', undefined],
		['http://localhost:4000/api', undefined],
		['http://[::1]:4000', undefined],
	])('accepts %s', (url, problem) => expect(baseUrlProblem(url)).toBe(problem));

	it.each([
		['http://smartcat.com', /not https/],
		['http://127.0.0.1.evil.example', /not https/],
		['ftp://example.com', /not https/],
		['https://user:pw@example.com', /user name or password/],
		['not a url', /is not a URL/],
	])('refuses %s', (url, problem) => expect(baseUrlProblem(url)).toMatch(problem));
});

describe('ids in paths', () => {
	const UID = /^[A-Za-z0-9]{1,40}$/;
	it('passes an id of the format, trimmed and encoded', () => {
		expect(checkedId(' abc123 ', UID, 'job UID')).toBe('abc123');
		expect(pathSegment('189_25', /^\d+_\d+$/, 'document ID')).toBe('189_25');
	});
	it.each(['..', '.', '../jobs/x', 'a/b', 'a?b=1', '', '  '])('refuses %p', (id) => {
		expect(() => pathSegment(id, /^[^/?]*$/, 'id')).toThrow(VendorApiError);
	});
	it('encodes what the format lets through, so it stays one segment', () => {
		expect(pathSegment('%2e%2e', /^[^/?]*$/, 'id')).toBe('%252e%252e');
	});
	it('says which id is wrong, with status 400', () => {
		expect(() => checkedId('x/y', UID, 'job UID')).toThrow(
			expect.objectContaining({ httpStatus: 400, message: '"x/y" is not a valid job UID' }),
		);
	});
});

describe('retryAfterMs', () => {
	it('reads delta seconds and HTTP dates', () => {
		expect(retryAfterMs('7')).toBe(7000);
		expect(retryAfterMs('Wed, 21 Oct 2015 07:28:10 GMT', Date.UTC(2015, 9, 21, 7, 28, 0))).toBe(
			10_000,
		);
		expect(retryAfterMs(undefined)).toBeUndefined();
		expect(retryAfterMs('soon')).toBeUndefined();
	});

	it('reads delta seconds with spaces around them, and nothing else as seconds', () => {
		expect(retryAfterMs(' 12 ')).toBe(12_000);
		expect(retryAfterMs('')).toBeUndefined();
		// neither delta seconds (RFC 9110: 1*DIGIT) nor an HTTP-date: no Retry-After, although V8's Date.parse
		// reads "1.5" as 2001-01-05 and "12.5.3" as 2003 (which would mean "retry at once")
		expect(retryAfterMs('12s')).toBeUndefined();
		expect(retryAfterMs('-5', Date.UTC(2026, 0, 1))).toBeUndefined();
		expect(retryAfterMs('1.5', Date.UTC(2026, 0, 1))).toBeUndefined();
		expect(retryAfterMs('12.5.3', Date.UTC(2026, 0, 1))).toBeUndefined();
		expect(retryAfterMs('2026-01-01T00:00:10Z', Date.UTC(2026, 0, 1))).toBeUndefined();
		// RFC 9110's obsolete forms, which a recipient must still read
		expect(retryAfterMs('Sunday, 06-Nov-94 08:49:47 GMT', Date.UTC(1994, 10, 6, 8, 49, 37))).toBe(
			10_000,
		);
		expect(retryAfterMs('Sun Nov  6 08:49:47 1994', Date.UTC(1994, 10, 6, 8, 49, 37))).toBe(10_000);
		// a date in the past: no wait
		expect(retryAfterMs('Wed, 21 Oct 2015 07:28:00 GMT', Date.UTC(2015, 9, 21, 7, 28, 10))).toBe(0);
	});
});
