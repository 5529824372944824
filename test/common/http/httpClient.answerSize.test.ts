/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-hardcoded-secrets, @n8n/community-nodes/no-restricted-globals -- developer tooling: runs in Node.js, never inside n8n, so n8n's rules for node code do not apply (CONTRIBUTING.md, "Lint") */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { createGzip } from 'node:zlib';

import {
	apiRequest,
	MAX_ANSWER_BYTES,
	type VendorApi,
} from '../../../nodes/common/http/httpClient';
import { VendorApiError } from '../../../nodes/common/http/vendorError';
import { fakeExecuteContext } from '../../helpers/fakeContext';
import { scriptedContext } from '../../helpers/scriptedContext';
import { LocalServer } from '../../simulators/localServer';

/**
 * How large one API answer may be (MAX_ANSWER_BYTES), as it arrives and once inflated: a hostile or broken
 * server on 127.0.0.1 answers more than that as plain JSON, as a small gzip that inflates past it, and with a
 * Content-Length above it. The call fails naming the endpoint (its path, no query) and the limit, and stops
 * reading instead of holding the whole answer in memory.
 */
class Hostile extends LocalServer {
	handler: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.end('{}');
	/** bytes written to the socket, compressed or not, when the client stopped reading */
	written = 0;

	protected handle(req: IncomingMessage, res: ServerResponse): void {
		this.handler(req, res);
	}
}

/** A JSON array of `total` bytes, written in 64 KiB pieces as long as the client keeps reading. */
function writeJson(out: NodeJS.WritableStream, total: number, onChunk: (n: number) => void) {
	const piece = Buffer.alloc(64 * 1024, ' ');
	let sent = 0;
	out.write('[');
	const more = (): void => {
		while (sent < total) {
			sent += piece.length;
			onChunk(piece.length);
			if (!out.write(piece)) return void out.once('drain', more);
		}
		out.end(']');
	};
	more();
}

const SECRET_QUERY = 'api_sig=0123456789abcdef';

describe('apiRequest: the size of one API answer', () => {
	const server = new Hostile();
	let api: VendorApi;
	beforeAll(async () => {
		await server.start();
		api = {
			name: 'Vendor',
			credentialType: 'smartcatApi',
			baseUrl: () => server.url,
			errorMessage: () => '',
		};
	});
	afterAll(async () => server.stop());
	beforeEach(() => (server.written = 0));

	const call = async (path = '/v1/projects') => {
		const { ctx, logs } = fakeExecuteContext({
			credentials: { smartcatApi: { accountId: 'acc', apiKey: 'key-0123456789' } },
		});
		const error = await apiRequest(ctx, api, {
			method: 'GET',
			path: `${path}?${SECRET_QUERY}`,
		}).catch((e: unknown) => e);
		return { error, logs };
	};

	it('is 32 MB, defined once', () => {
		expect(MAX_ANSWER_BYTES).toBe(32 * 1024 * 1024);
	});

	it('refuses a JSON answer larger than that, naming the endpoint and the limit', async () => {
		server.handler = (_req, res) => {
			res.writeHead(200, { 'content-type': 'application/json' });
			writeJson(res, 400 * 1024 * 1024, (n) => (server.written += n));
		};
		const { error } = await call();
		expect(error).toBeInstanceOf(VendorApiError);
		expect(error).toMatchObject({
			httpStatus: 502,
			message:
				'Vendor GET /v1/projects: the answer is larger than 32 MB, the most one API answer may be',
		});
		expect((error as Error).message).not.toContain(SECRET_QUERY);
		// it stopped reading: far from the 400 MB the server would have sent
		expect(server.written).toBeLessThan(100 * 1024 * 1024);
	});

	it('counts a compressed answer at its inflated size (a small gzip that inflates past the limit)', async () => {
		let compressed = 0;
		server.handler = (_req, res) => {
			res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
			const gzip = createGzip();
			gzip.on('data', (chunk: Buffer) => (compressed += chunk.length));
			gzip.pipe(res);
			writeJson(gzip, 400 * 1024 * 1024, (n) => (server.written += n));
		};
		const { error } = await call('/v1/jobs');
		expect(error).toMatchObject({
			message:
				'Vendor GET /v1/jobs: the answer is larger than 32 MB, the most one API answer may be',
		});
		// what came over the wire was far below the limit: only the inflated size could trip it
		expect(compressed).toBeLessThan(MAX_ANSWER_BYTES / 10);
	});

	it('refuses an answer whose Content-Length is above the limit without waiting for it', async () => {
		server.handler = (_req, res) => {
			res.writeHead(200, {
				'content-type': 'application/json',
				'content-length': String(MAX_ANSWER_BYTES + 1),
			});
			res.write('['); // and nothing more: the rest never comes
		};
		const started = Date.now();
		const { error } = await call();
		expect(error).toMatchObject({ httpStatus: 502, message: expect.stringContaining('32 MB') });
		expect(Date.now() - started).toBeLessThan(5_000);
	});

	it('reads an answer up to the limit as JSON, and one that breaks off as no answer', async () => {
		server.handler = (_req, res) => {
			res.writeHead(200, { 'content-type': 'application/json' });
			res.end(JSON.stringify({ items: ['a'.repeat(1024 * 1024)] }));
		};
		const { ctx } = fakeExecuteContext({
			credentials: { smartcatApi: { accountId: 'acc', apiKey: 'key' } },
		});
		const answer = await apiRequest(ctx, api, { method: 'GET', path: '/v1/ok' });
		expect((answer.body as { items: string[] }).items[0]).toHaveLength(1024 * 1024);

		server.handler = (_req, res) => {
			res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
			res.write('{"items": [');
			setTimeout(() => res.destroy(), 50);
		};
		const { error } = await call();
		expect(error).toMatchObject({ httpStatus: 0 });
		expect((error as Error).message).toMatch(/^Vendor API unreachable/);
	});
});

describe('apiRequest: an answer still trickling in at its deadline', () => {
	/** a body that never ends: one byte every 50 ms, as a slow-loris server sends it */
	const trickle = () =>
		Readable.from(
			(async function* () {
				yield Buffer.from('[');
				for (;;) {
					await new Promise((resolve) => setTimeout(resolve, 50));
					yield Buffer.from(' ');
				}
			})(),
		);

	it("is given up at the request's timeout (n8n's own counts only silence), naming the endpoint", async () => {
		const { ctx } = scriptedContext({
			credentials: { accountId: 'acc', apiKey: 'key' },
			answers: [{ statusCode: 200, body: trickle() }],
		});
		const started = Date.now();
		const error = await apiRequest(
			ctx,
			{
				name: 'Vendor',
				credentialType: 'smartcatApi',
				baseUrl: () => 'https://api.vendor.example',
				errorMessage: () => '',
			},
			{ method: 'GET', path: '/v1/slow', timeoutMs: 400 },
		).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(VendorApiError);
		expect(error).toMatchObject({
			httpStatus: 504,
			message: 'Vendor GET /v1/slow: the answer was still arriving after 0.4 s',
		});
		expect(Date.now() - started).toBeLessThan(3_000);
	});
});
