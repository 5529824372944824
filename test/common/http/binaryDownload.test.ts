/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- developer tooling: runs in Node.js, never inside n8n, so n8n's rules for node code do not apply (CONTRIBUTING.md, "Lint") */
// File names, types, redirects, refusals and limits of the shared download code (nodes/common/http/binaryDownload.ts),
// with Content-Disposition forms from RFC 6266 / RFC 5987, n8n's httpRequest answers faked, and hostile file servers
// on 127.0.0.1 (a gzip bomb, an endless body, a body that trickles) for the limits.
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';

import type { IExecuteFunctions } from 'n8n-workflow';

import {
	binaryFromAnswer,
	downloadBinary,
	downloadLimitsFor,
	downloadLink,
	fileNameOf,
	safeFileName,
	waitForVendorJob,
	type DownloadLimits,
} from '../../../nodes/common/http/binaryDownload';
import type { VendorApi } from '../../../nodes/common/http/httpClient';
import { VendorApiError } from '../../../nodes/common/http/vendorError';
import { fakeExecuteContext } from '../../helpers/fakeContext';
import { LocalServer } from '../../simulators/localServer';

describe('fileNameOf (Content-Disposition)', () => {
	it.each([
		[undefined, undefined],
		['', undefined],
		['inline', undefined],
		['attachment; filename="report.docx"', 'report.docx'],
		['attachment;filename = "a \\"quoted\\" name.txt"', 'a "quoted" name.txt'],
		['attachment; filename=plain.txt; size=3', 'plain.txt'],
		['attachment; filename=  spaced.txt  ', 'spaced.txt'],
		["attachment; filename*=UTF-8''%C3%9Cbersetzung%20de.xliff", 'Übersetzung de.xliff'],
		['attachment; filename*  =  UTF-8\'de\'%E7%BF%BB.txt ; filename="fallback.txt"', '翻.txt'],
		['attachment; filename*=UTF-8\'\'%E0%A4%A; filename="fallback.txt"', 'fallback.txt'],
		['attachment; filename="../../etc/passwd"', 'passwd'],
		['attachment; filename="C:\\\\temp\\\\x.txt"', 'x.txt'],
		['attachment; filename=".."', undefined],
		['attachment; filename="."', undefined],
		['attachment; filename="dir/"', undefined],
		['attachment; filename=""', undefined],
	])('%j → %j', (disposition, name) => {
		expect(fileNameOf(disposition)).toBe(name);
	});
});

/** A fake execute context whose httpRequest answers from a list, recording each call. */
function fake(
	answers: Array<{ statusCode: number; headers?: Record<string, string>; body?: unknown }>,
) {
	const calls: Array<Record<string, unknown>> = [];
	const prepared: Array<{ fileName: string; mimeType?: string }> = [];
	const destroyed: number[] = [];
	const ctx = {
		helpers: {
			httpRequest: async (options: Record<string, unknown>) => {
				calls.push(options);
				const answer = answers.shift()!;
				const index = calls.length;
				return { body: { destroy: () => destroyed.push(index) }, ...answer };
			},
			prepareBinaryData: async (_body: unknown, fileName: string, mimeType?: string) => {
				prepared.push({ fileName, mimeType });
				return { data: '', fileName, mimeType: mimeType ?? 'application/octet-stream' };
			},
		},
	} as unknown as IExecuteFunctions;
	return { ctx, calls, prepared, destroyed };
}

describe('binaryFromAnswer', () => {
	it('takes the name from Content-Disposition and the type from Content-Type, without parameters', async () => {
		const { ctx, prepared } = fake([]);
		await binaryFromAnswer(
			ctx,
			{
				status: 200,
				headers: {
					'content-disposition': 'attachment; filename="de.xliff"',
					'content-type': 'application/xliff+xml; charset=utf-8',
				},
				body: undefined,
			} as never,
			'fallback.bin',
		);
		await binaryFromAnswer(
			ctx,
			{
				status: 200,
				headers: { 'content-type': 'application/octet-stream' },
				body: undefined,
			} as never,
			'fallback.bin',
		);
		await binaryFromAnswer(
			ctx,
			{ status: 200, headers: {}, body: undefined } as never,
			'fallback.bin',
		);
		expect(prepared).toEqual([
			{ fileName: 'de.xliff', mimeType: 'application/xliff+xml' },
			{ fileName: 'fallback.bin', mimeType: undefined },
			{ fileName: 'fallback.bin', mimeType: undefined },
		]);
	});
});

describe('downloadLink', () => {
	it('follows up to 3 redirects (relative ones too), without the credential, and names the file', async () => {
		const { ctx, calls, prepared, destroyed } = fake([
			{ statusCode: 302, headers: { location: 'https://cdn.example.com/files/a%20b.docx' } },
			{ statusCode: 301, headers: { location: '/files/final%20name.docx' } },
			{ statusCode: 307, headers: { location: 'https://cdn.example.com/x/de.docx?sig=1' } },
			{ statusCode: 200, headers: { 'content-type': 'application/vnd.openxmlformats' } },
		]);
		await downloadLink(ctx, 'https://api.example.com/link', 'fallback.docx');
		expect(calls.map((c) => c.url)).toEqual([
			'https://api.example.com/link',
			'https://cdn.example.com/files/a%20b.docx',
			'https://cdn.example.com/files/final%20name.docx',
			'https://cdn.example.com/x/de.docx?sig=1',
		]);
		expect(calls[0]).toMatchObject({
			method: 'GET',
			encoding: 'stream',
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			disableFollowRedirect: true,
			timeout: 300_000,
		});
		expect(destroyed).toEqual([1, 2, 3]);
		expect(prepared).toEqual([{ fileName: 'de.docx', mimeType: 'application/vnd.openxmlformats' }]);
	});

	it('refuses a fourth redirect, an error status and a link in clear text, naming what it fetched', async () => {
		const redirect = { statusCode: 302, headers: { location: 'https://cdn.example.com/next' } };
		const four = fake([redirect, redirect, redirect, redirect]);
		await expect(
			downloadLink(four.ctx, 'https://a.example.com/f', 'f', { what: 'The file' }),
		).rejects.toThrow(new VendorApiError('The file: more than 3 redirects', 502));
		expect(four.calls).toHaveLength(4);

		for (const statusCode of [404, 500, 199, 300]) {
			const failing = fake([{ statusCode }]);
			const error = await downloadLink(failing.ctx, 'https://a.example.com/f', 'f').catch(
				(e: VendorApiError) => e,
			);
			expect(error).toBeInstanceOf(VendorApiError);
			expect((error as VendorApiError).message).toBe(
				`the download link answered HTTP ${statusCode}`,
			);
			expect((error as VendorApiError).httpStatus).toBe(statusCode);
			expect(failing.destroyed).toEqual([1]);
		}

		const clear = fake([]);
		await expect(downloadLink(clear.ctx, 'http://files.example.com/f', 'f')).rejects.toThrow(
			/^the download link cannot be followed: /,
		);
		expect(clear.calls).toHaveLength(0);
	});

	it('names the file from the link when there is no Content-Disposition, else the fallback', async () => {
		const named = fake([{ statusCode: 200 }]);
		await downloadLink(named.ctx, 'https://a.example.com/files/%C3%9C.txt', 'f', { timeoutMs: 5 });
		expect(named.prepared[0].fileName).toBe('Ü.txt');
		expect(named.calls[0].timeout).toBe(5);
		const bare = fake([{ statusCode: 200 }]);
		await downloadLink(bare.ctx, 'https://a.example.com/', 'fallback.txt');
		expect(bare.prepared[0].fileName).toBe('fallback.txt');
		const broken = fake([{ statusCode: 200 }]);
		await downloadLink(broken.ctx, 'https://a.example.com/%E0%A4%A', 'fallback.txt');
		expect(broken.prepared[0].fileName).toBe('fallback.txt');
	});
});

describe('the edges of names, types and redirects', () => {
	it.each([
		["attachment; filename*= UTF-8''%41.txt", 'A.txt'],
		['attachment; filename="dir/ x.txt "', 'x.txt'],
	])('%j → %j', (disposition, name) => {
		expect(fileNameOf(disposition)).toBe(name);
	});

	it('a redirect is a 3xx with a Location (300 and 399 too); a 2xx or a 400 with a Location is not', async () => {
		const followed = fake([
			{ statusCode: 300, headers: { location: '/b' } },
			{ statusCode: 399, headers: { location: '/c' } },
			{
				statusCode: 200,
				headers: { location: '/d', 'content-type': 'text/plain ; charset=utf-8' },
			},
		]);
		await downloadLink(followed.ctx, 'https://a.example.com/a', 'f.txt');
		expect(followed.calls.map((c) => c.url)).toEqual([
			'https://a.example.com/a',
			'https://a.example.com/b',
			'https://a.example.com/c',
		]);
		expect(followed.prepared).toEqual([{ fileName: 'c', mimeType: 'text/plain' }]);

		const refused = fake([{ statusCode: 400, headers: { location: '/b' } }]);
		await expect(downloadLink(refused.ctx, 'https://a.example.com/a', 'f')).rejects.toThrow(
			'the download link answered HTTP 400',
		);
		expect(refused.calls).toHaveLength(1);
	});

	it('a file sent as application/octet-stream, or without a type, gets no type from us', async () => {
		const { ctx, prepared } = fake([
			{ statusCode: 200, headers: { 'content-type': 'application/octet-stream' } },
			{ statusCode: 200 },
		]);
		await downloadLink(ctx, 'https://a.example.com/x.bin', 'f');
		await downloadLink(ctx, 'https://a.example.com/y.bin', 'f');
		expect(prepared).toEqual([
			{ fileName: 'x.bin', mimeType: undefined },
			{ fileName: 'y.bin', mimeType: undefined },
		]);
	});

	it('names the file from the last segment of a link ending in /', async () => {
		const { ctx, prepared } = fake([{ statusCode: 200 }]);
		await downloadLink(ctx, 'https://a.example.com/files/x.txt/', 'fallback.txt');
		expect(prepared[0].fileName).toBe('x.txt');
	});

	it('an error answer without a body to close is still the error it is', async () => {
		const { ctx } = fake([{ statusCode: 502, body: undefined }]);
		await expect(downloadLink(ctx, 'https://a.example.com/f', 'f')).rejects.toThrow(
			new VendorApiError('the download link answered HTTP 502', 502),
		);
	});
});

describe('waitForVendorJob', () => {
	it('asks again after 1, 2, 4 … times the interval; done in time is the value', async () => {
		let checks = 0;
		const value = await waitForVendorJob(
			'The export',
			async () => (++checks < 4 ? { done: false } : { done: true, value: 'file' }),
			{ timeoutMs: 1000, intervalMs: 5 },
		);
		expect([value, checks]).toEqual(['file', 4]);
	});

	it('not done in time: an error naming the job and what to do', async () => {
		const error = (await waitForVendorJob('The export', async () => ({ done: false }), {
			timeoutMs: 30,
			intervalMs: 10,
		}).catch((e: unknown) => e)) as VendorApiError;
		expect(error).toBeInstanceOf(VendorApiError);
		expect(error.message).toBe('The export did not finish within 0 s');
		expect(error.httpStatus).toBe(504);
	});
});

/** A Gengo-like API whose credential's base URL is `baseUrl` (never contacted by the link tests). */
const vendor = (baseUrl: string): VendorApi => ({
	name: 'Gengo',
	credentialType: 'gengoApi',
	baseUrl: () => baseUrl,
	errorMessage: () => '',
});

/** `fake()` with a credential whose base URL is `baseUrl`. */
function fakeWithCredential(
	baseUrl: string,
	answers: Array<{ statusCode: number; headers?: Record<string, string>; body?: unknown }>,
) {
	const faked = fake(answers);
	(faked.ctx as unknown as { getCredentials: () => Promise<object> }).getCredentials =
		async () => ({
			baseUrl,
		});
	return faked;
}

describe('downloadLink: every link and every redirect hop passes the link policy', () => {
	const hop = (location: string) => ({ statusCode: 302, headers: { location } });

	it.each([
		['http://cdn.example.com/y', '"http://cdn.example.com" is not https'],
		['https://user:pass@cdn.example.com/y', 'the link carries a user name or password'],
		['https://127.0.0.2:5678/rest/settings', '127.0.0.2 is a loopback address'],
		['https://169.254.169.254/latest/meta-data/', '169.254.169.254 is a link-local address'],
	])(
		'a redirect to %s on the second or third hop is refused before it is requested',
		async (bad, rule) => {
			for (const hops of [[hop(bad)], [hop('https://cdn.example.com/x'), hop(bad)]]) {
				const requested = hops.length;
				const { ctx, calls, prepared } = fakeWithCredential('https://api.gengo.com/v2', hops);
				await expect(
					downloadLink(ctx, 'https://api.gengo.com/link', 'f', {
						api: vendor('https://api.gengo.com/v2'),
						what: 'The translated file',
					}),
				).rejects.toThrow(`The translated file cannot be followed: ${rule}`);
				expect(calls).toHaveLength(requested);
				expect(calls.map((c) => String(c.url))).not.toContain(bad);
				expect(prepared).toEqual([]);
			}
		},
	);

	it("a link to 127.0.0.2 is refused when the credential's base URL is public; nothing is requested", async () => {
		const { ctx, calls } = fakeWithCredential('https://api.gengo.com/v2', []);
		const error = (await downloadLink(ctx, 'https://127.0.0.2:5678/rest/settings', 'f', {
			api: vendor('https://api.gengo.com/v2'),
		}).catch((e: unknown) => e)) as VendorApiError;
		expect(error).toBeInstanceOf(VendorApiError);
		expect(error.message).toBe(
			"the download link cannot be followed: 127.0.0.2 is a loopback address (this machine): links from Gengo are only followed to public addresses or to the credential's own origin (https://api.gengo.com)",
		);
		expect(error.httpStatus).toBe(400);
		expect(calls).toEqual([]);
	});

	it('without the vendor named, only public https links are followed', async () => {
		const { ctx, calls } = fake([]);
		await expect(downloadLink(ctx, 'https://127.0.0.1:1/x', 'f')).rejects.toThrow(
			'127.0.0.1 is a loopback address',
		);
		expect(calls).toEqual([]);
	});
});

describe('safeFileName and the names of links: only the last segment, without controls', () => {
	it.each([
		// encoded separators are decoded first, then cut
		['https://cdn.example.com/files/..%2F..%2Fetc%2Fpasswd', 'passwd'],
		['https://cdn.example.com/files/..%5C..%5Cwindows%5Cwin.ini', 'win.ini'],
		['https://cdn.example.com/files/a%5Cb.txt', 'b.txt'],
		// look-alike separators: fullwidth reverse solidus (NFKC \\), division slash, fullwidth solidus
		['https://cdn.example.com/files/..%EF%BC%BCevil.txt', 'evil.txt'],
		['https://cdn.example.com/files/..%E2%88%95evil.txt', 'evil.txt'],
		['https://cdn.example.com/files/..%EF%BC%8Fevil.txt', 'evil.txt'],
		// a name that is ".." once normalised (fullwidth full stops) is no name
		['https://cdn.example.com/files/%EF%BC%8E%EF%BC%8E', 'fallback.txt'],
		['https://cdn.example.com/files/x%2F..', 'fallback.txt'],
		// double encoding is decoded once: %2F stays text, not a separator
		['https://cdn.example.com/files/a%252Fb.txt', 'a%2Fb.txt'],
		// NUL, CR/LF and the bidi override U+202E are dropped
		['https://cdn.example.com/files/invoice%E2%80%AEtxt.exe', 'invoicetxt.exe'],
		['https://cdn.example.com/files/a%00b%0D%0Ac.txt', 'abc.txt'],
	])('%s → %j', async (link, name) => {
		const { ctx, prepared } = fake([{ statusCode: 200 }]);
		await downloadLink(ctx, link, 'fallback.txt');
		expect(prepared[0].fileName).toBe(name);
	});

	it.each([
		["attachment; filename*=UTF-8''invoice%E2%80%AEfdp.exe", 'invoicefdp.exe'],
		["attachment; filename*=UTF-8''a%0D%0Ab%00.txt", 'ab.txt'],
		["attachment; filename*=UTF-8''%E2%81%A6x%E2%81%A9.txt", 'x.txt'],
		["attachment; filename*=UTF-8''..%EF%BC%BC..%EF%BC%BCsecret.txt", 'secret.txt'],
		['attachment; filename="\u0007bell.txt"', 'bell.txt'],
	])('Content-Disposition %j → %j', (disposition, name) => {
		expect(fileNameOf(disposition)).toBe(name);
	});

	it('keeps what NFKC would change but is no separator (a name is shown as the vendor wrote it)', () => {
		expect(safeFileName('Ｒｅｐｏｒｔ（最終）.docx')).toBe('Ｒｅｐｏｒｔ（最終）.docx');
		expect(safeFileName('\u202E')).toBeUndefined();
		expect(safeFileName('dir\u2215')).toBeUndefined();
	});
});

/**
 * A file server as a hostile or broken vendor might be: a gzip bomb, an endless body, a body that trickles one
 * byte at a time, an answer that never comes, a Content-Length above the limit. It counts what it sent and sees
 * when the client hangs up.
 */
class HostileFileServer extends LocalServer {
	sent = 0;

	closedEarly = false;

	protected handle(req: IncomingMessage, res: ServerResponse): void {
		this.sent = 0;
		this.closedEarly = false;
		res.on('close', () => (this.closedEarly = !res.writableFinished));
		const path = new URL(req.url ?? '/', 'http://x').pathname;
		if (path === '/bomb') {
			// 1 MB of gzip that inflates to 64 MB of zeros
			const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024));
			res.writeHead(200, { 'content-encoding': 'gzip', 'content-type': 'text/plain' });
			res.end(bomb);
			return;
		}
		if (path === '/endless' || path === '/trickle') {
			res.writeHead(200, { 'content-type': 'application/octet-stream' });
			const chunk = path === '/endless' ? Buffer.alloc(64 * 1024, 1) : Buffer.from('x');
			const write = () => {
				if (res.destroyed || this.sent > 512 * 1024 * 1024) {
					res.end();
					return;
				}
				this.sent += chunk.length;
				const more = res.write(chunk);
				if (path === '/trickle') setTimeout(write, 50);
				else if (more) setImmediate(write);
				else res.once('drain', write);
			};
			write();
			return;
		}
		if (path === '/silent') return; // headers never come
		if (path === '/declared') {
			res.writeHead(200, { 'content-length': String(50 * 1024 * 1024) });
			res.write(Buffer.alloc(1024));
			return;
		}
		res.writeHead(200, { 'content-type': 'text/plain' });
		res.end('fine');
	}

	private http: Server | undefined;

	protected listening(server: Server): void {
		this.http = server;
	}

	async stop(): Promise<void> {
		// an answer never sent (/silent) keeps its connection open: it must not hold the server
		this.http?.closeAllConnections();
		await super.stop();
	}
}

describe('limits: a size limit counted as the bytes arrive, inflated, and an overall deadline', () => {
	let server: HostileFileServer;
	beforeAll(async () => (server = await new HostileFileServer().start()));
	afterAll(async () => server.stop());

	const limits = (maxBytes: number, deadlineMs = 60_000): DownloadLimits => ({
		maxBytes,
		deadlineMs,
		parameter: 'Max File Size (MB)',
	});
	const download = (path: string, options: Parameters<typeof downloadLink>[3] = {}) => {
		const fake = fakeExecuteContext({ credentials: { gengoApi: { baseUrl: server.url } } });
		const outcome = downloadLink(fake.ctx, `${server.url}${path}`, 'f.bin', {
			api: vendor(server.url),
			what: 'The translated file',
			...options,
		});
		return { fake, outcome };
	};

	it('a small gzip answer that inflates past the limit is refused, naming the limit and the parameter', async () => {
		const { fake, outcome } = download('/bomb', { limits: limits(8 * 1024 * 1024) });
		const error = (await outcome.catch((e: unknown) => e)) as VendorApiError;
		expect(error).toBeInstanceOf(VendorApiError);
		expect(error.message).toBe(
			'The translated file ("bomb") is larger than 8 MB, the node\'s "Max File Size (MB)": the download was stopped and no file is output',
		);
		expect(error.httpStatus).toBe(413);
		expect(error.hint).toBe('Raise "Max File Size (MB)" if the file is meant to be this large.');
		expect(fake.binaries).toEqual([]);
	});

	it('an endless body is stopped at the limit: the server sees the client hang up', async () => {
		const { fake, outcome } = download('/endless', { limits: limits(2 * 1024 * 1024) });
		await expect(outcome).rejects.toThrow('is larger than 2 MB');
		await new Promise((resolve) => setTimeout(resolve, 200));
		expect(server.closedEarly).toBe(true);
		expect(server.sent).toBeLessThan(64 * 1024 * 1024);
		expect(fake.binaries).toEqual([]);
	});

	it('a body that trickles forever is stopped at the deadline, although bytes keep coming', async () => {
		const started = Date.now();
		const { fake, outcome } = download('/trickle', {
			limits: limits(1024 * 1024, 1500),
			timeoutMs: 60_000,
		});
		const error = (await outcome.catch((e: unknown) => e)) as VendorApiError;
		expect(error.message).toBe(
			'The translated file ("trickle") did not arrive within 2 s, the deadline of a download: it was stopped and no file is output',
		);
		expect(error.httpStatus).toBe(504);
		expect(Date.now() - started).toBeLessThan(5000);
		expect(server.sent).toBeGreaterThan(5);
		expect(fake.binaries).toEqual([]);
	});

	it('an answer that never starts is given up at the deadline too', async () => {
		const started = Date.now();
		const { outcome } = download('/silent', { limits: limits(1024, 800), timeoutMs: 60_000 });
		await expect(outcome).rejects.toThrow('did not arrive within 1 s');
		expect(Date.now() - started).toBeLessThan(4000);
	});

	it('a Content-Length above the limit is refused before anything is stored', async () => {
		const { fake, outcome } = download('/declared', { limits: limits(1024 * 1024) });
		await expect(outcome).rejects.toThrow('is larger than 1 MB');
		expect(fake.binaries).toEqual([]);
	});

	it('within the limits the file is stored whole', async () => {
		const { fake, outcome } = download('/fine', { limits: limits(4) });
		await outcome;
		expect(fake.binaries.map((b) => b.buffer.toString())).toEqual(['fine']);
	});

	it('an answer already received (Smartcat) and an API download (Phrase, Beebox) keep the same limits', async () => {
		const ctx = fakeExecuteContext().ctx;
		const big = Readable.from([Buffer.alloc(600), Buffer.alloc(600)]);
		await expect(
			binaryFromAnswer(ctx, { status: 200, headers: {}, body: big }, 'x.bin', limits(1000)),
		).rejects.toThrow('The file ("x.bin") is larger than 1000 bytes');
		expect(big.destroyed).toBe(true);

		const api = vendor(server.url);
		const viaApi = fakeExecuteContext({ credentials: { gengoApi: { baseUrl: server.url } } });
		viaApi.ctx.helpers.httpRequestWithAuthentication = (async (_type: string, options: object) =>
			await viaApi.ctx.helpers.httpRequest(
				options as never,
			)) as IExecuteFunctions['helpers']['httpRequestWithAuthentication'];
		await expect(
			downloadBinary(viaApi.ctx, api, { method: 'GET', path: '/endless' }, 'x', limits(100_000)),
		).rejects.toThrow('The file from Gengo ("x") is larger than 100000 bytes');
		await expect(
			downloadBinary(viaApi.ctx, api, { method: 'GET', path: '/silent', timeoutMs: 60_000 }, 'x', {
				...limits(100_000),
				deadlineMs: 500,
			}),
		).rejects.toThrow('The file from Gengo did not arrive within 1 s');
		expect(viaApi.binaries).toEqual([]);
	});

	it('downloadLimitsFor: the size in MB and a deadline of 5 minutes, 2 s per MB above 150 MB', () => {
		expect(downloadLimitsFor(100, 'Max File Size (MB)')).toEqual({
			maxBytes: 100 * 1024 * 1024,
			deadlineMs: 300_000,
			parameter: 'Max File Size (MB)',
		});
		expect(downloadLimitsFor(1000).deadlineMs).toBe(2_000_000);
		expect(downloadLimitsFor(0.5).maxBytes).toBe(512 * 1024);
		for (const bad of [0, -1, Number.NaN, Number.POSITIVE_INFINITY])
			expect(downloadLimitsFor(bad).maxBytes).toBe(100 * 1024 * 1024);
	});
});
