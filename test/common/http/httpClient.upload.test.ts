/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- developer tooling: runs in Node.js, never inside n8n, so n8n's rules for node code do not apply (CONTRIBUTING.md, "Lint") */
// Uploads and requests that create something at the vendor, through the one vendor client (apiRequest), against a
// real HTTP server on 127.0.0.1 that counts what reached it: a streamed body arrives whole with its exact
// Content-Length, and a request marked `createsWork` reaches the server exactly once whatever goes wrong after it
// was sent (a 5xx, a timeout, a connection dropped, a redirect, a refused session), while a 429 is waited out.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import {
	apiRequest,
	mayHaveReachedServer,
	type VendorApi,
} from '../../../nodes/common/http/httpClient';
import { multipartBody, uploadFromBinary } from '../../../nodes/common/http/upload';
import { NotSentTwiceError, VendorApiError } from '../../../nodes/common/http/vendorError';
import { fakeExecuteContext } from '../../helpers/fakeContext';

interface Arrival {
	method: string;
	url: string;
	headers: IncomingMessage['headers'];
	body: Buffer;
}

type Handler = (req: IncomingMessage, res: ServerResponse, arrival: Arrival) => void;

/** A server that reads each request's whole body, records it, then lets the test's handler answer. */
class CountingServer {
	server!: Server;
	arrivals: Arrival[] = [];
	handler: Handler = (_req, res) => res.end('{}');
	async start(): Promise<string> {
		this.server = createServer((req, res) => {
			const chunks: Buffer[] = [];
			req.on('data', (chunk: Buffer) => chunks.push(chunk));
			req.on('end', () => {
				const arrival = {
					method: req.method ?? '',
					url: req.url ?? '',
					headers: req.headers,
					body: Buffer.concat(chunks),
				};
				this.arrivals.push(arrival);
				this.handler(req, res, arrival);
			});
		});
		await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
		return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
	}
	async stop() {
		this.server.closeAllConnections();
		await new Promise<void>((resolve) => this.server.close(() => resolve()));
	}
}

const API = (root: string, extra: Partial<VendorApi> = {}): VendorApi => ({
	name: 'Vendor',
	credentialType: 'smartcatApi',
	baseUrl: () => root,
	errorMessage: (body) =>
		body && typeof body === 'object' ? String((body as { message?: string }).message ?? '') : '',
	errorCode: (body) => (body as { code?: string } | undefined)?.code,
	hint: (status) => (status === 401 ? 'Check the credential.' : undefined),
	...extra,
});

const credentials = { smartcatApi: { accountId: 'acc', apiKey: 'key' } };
const CHECK =
	'Look for the project in the vendor\'s "Projects" list before running the node again.';
const data = Buffer.from(Array.from({ length: 300_000 }, (_, i) => i % 251));

async function upload() {
	const fake = fakeExecuteContext({
		credentials,
		binaryInput: [{ data: { data, fileName: 'source é.xliff', mimeType: 'application/xml' } }],
	});
	const file = await uploadFromBinary(fake.ctx, 0, 'data');
	return {
		fake,
		file,
		body: multipartBody([
			{ name: 'name', value: 'P' },
			{ name: 'file', file },
		]),
	};
}

async function failure(promise: Promise<unknown>): Promise<VendorApiError> {
	try {
		await promise;
	} catch (error) {
		expect(error).toBeInstanceOf(VendorApiError);
		return error as VendorApiError;
	}
	throw new Error('expected an error');
}

const server = new CountingServer();
let root: string;
beforeAll(async () => {
	root = await server.start();
});
afterAll(async () => await server.stop());
beforeEach(() => {
	server.arrivals = [];
	server.handler = (_req, res) => res.end('{"id":"p1"}');
});

describe('apiRequest with an upload', () => {
	it('streams the multipart body whole, with its exact Content-Length and no chunking', async () => {
		const { fake, body } = await upload();
		const answer = await apiRequest(fake.ctx, API(root), {
			method: 'POST',
			path: '/projects',
			upload: body,
		});
		expect(answer.body).toEqual({ id: 'p1' });
		expect(server.arrivals).toHaveLength(1);
		const [arrival] = server.arrivals;
		expect(arrival.headers['content-length']).toBe(String(body.size));
		expect(arrival.headers['transfer-encoding']).toBeUndefined();
		expect(arrival.body.length).toBe(body.size);
		expect(arrival.headers['content-type']).toBe(body.headers['content-type']);
		const form = await new Response(arrival.body, {
			headers: { 'content-type': String(arrival.headers['content-type']) },
		}).formData();
		const file = form.get('file') as File;
		expect(file.name).toBe('source é.xliff');
		expect(Buffer.from(await file.arrayBuffer()).equals(data)).toBe(true);
		expect(fake.binaryStreams).toHaveLength(1);
	});

	it('sends a bare file body with its size as Content-Length', async () => {
		const { fake, file } = await upload();
		await apiRequest(fake.ctx, API(root), {
			method: 'PUT',
			path: '/files/source',
			upload: { open: file.open, size: file.size, headers: { 'content-type': file.mimeType } },
		});
		expect(server.arrivals[0].headers['content-length']).toBe(String(data.length));
		expect(server.arrivals[0].body.equals(data)).toBe(true);
	});

	it('waits out a 429 of a request that creates work (refused, not processed), opening the file again', async () => {
		const { fake, body } = await upload();
		server.handler = (_req, res) => {
			if (server.arrivals.length === 1) {
				res.writeHead(429, { 'retry-after': '0' });
				res.end('{}');
			} else res.end('{"id":"p1"}');
		};
		await apiRequest(fake.ctx, API(root), {
			method: 'POST',
			path: '/projects',
			upload: body,
			createsWork: { checkHint: CHECK },
		});
		expect(server.arrivals).toHaveLength(2);
		expect(server.arrivals[1].body.length).toBe(body.size);
		expect(fake.binaryStreams).toHaveLength(2);
	});

	it('follows a 307 within the API with the file sent again, and refuses to send it to another host', async () => {
		const { fake, body } = await upload();
		server.handler = (req, res) => {
			if (req.url === '/old') {
				res.writeHead(307, { location: '/new' });
				res.end();
			} else res.end('{"id":"p1"}');
		};
		await apiRequest(fake.ctx, API(root), { method: 'POST', path: '/old', upload: body });
		expect(server.arrivals.map((a) => [a.url, a.body.length])).toEqual([
			['/old', body.size],
			['/new', body.size],
		]);

		server.arrivals = [];
		server.handler = (_req, res) => {
			res.writeHead(307, { location: 'http://localhost:1/elsewhere' });
			res.end();
		};
		const error = await failure(
			apiRequest(fake.ctx, API(root), { method: 'POST', path: '/old', upload: body }),
		);
		expect(error.message).toContain('the file is not sent there');
		expect(server.arrivals).toHaveLength(1);
	});
});

describe('apiRequest with createsWork: never sent twice', () => {
	const both = [
		['an upload', true],
		['a JSON body', false],
	] as const;

	async function send(withUpload: boolean, extra: Partial<VendorApi> = {}, timeoutMs?: number) {
		const { fake, body } = await upload();
		return await failure(
			apiRequest(fake.ctx, API(root, extra), {
				method: 'POST',
				path: '/orders',
				...(withUpload ? { upload: body } : { body: { text: 'Hello' } }),
				createsWork: { checkHint: CHECK },
				timeoutMs,
			}),
		);
	}

	function expectMayHaveCreated(error: VendorApiError) {
		expect(error).toBeInstanceOf(NotSentTwiceError);
		expect((error as NotSentTwiceError).mayHaveReachedVendor).toBe(true);
		expect(error.message).toContain('Vendor may have received the request and created');
		expect(error.message).toContain('not sent again automatically');
		expect(error.hint).toContain(CHECK);
		expect((error as NotSentTwiceError).checkHint).toBe(CHECK);
	}

	it.each(both)('a 500 after %s arrived: once, with the vendor message', async (_, withUpload) => {
		server.handler = (_req, res) => {
			res.writeHead(500, { 'content-type': 'application/json' });
			res.end('{"message":"Internal error","code":"E500"}');
		};
		const error = await send(withUpload);
		expect(server.arrivals).toHaveLength(1);
		expectMayHaveCreated(error);
		expect(error.message).toContain('HTTP 500: Internal error');
		expect(error.httpStatus).toBe(500);
		expect(error.vendorCode).toBe('E500');
	});

	it.each(both)('a 503 after %s arrived: once', async (_, withUpload) => {
		server.handler = (_req, res) => {
			res.writeHead(503, { 'retry-after': '0' });
			res.end();
		};
		expectMayHaveCreated(await send(withUpload));
		expect(server.arrivals).toHaveLength(1);
	});

	it.each(both)('no answer in time after %s arrived: once', async (_, withUpload) => {
		server.handler = () => undefined; // never answers
		const error = await send(withUpload, {}, 500);
		expect(server.arrivals).toHaveLength(1);
		expectMayHaveCreated(error);
		expect(error.httpStatus).toBe(0);
	});

	it.each(both)(
		'the connection dropped after %s arrived (socket hang up): once',
		async (_, withUpload) => {
			server.handler = (req) => req.socket.destroy();
			const error = await send(withUpload);
			expect(server.arrivals).toHaveLength(1);
			expectMayHaveCreated(error);
		},
	);

	it.each(both)('a redirect of %s: not followed, once', async (_, withUpload) => {
		server.handler = (_req, res) => {
			res.writeHead(307, { location: '/orders2' });
			res.end();
		};
		const error = await send(withUpload);
		expect(server.arrivals).toHaveLength(1);
		expectMayHaveCreated(error);
		expect(error.message).toContain('redirected the request (HTTP 307');
	});

	it.each(both)(
		'a 401 of %s to a vendor whose token n8n renews on 401: once, nothing created',
		async (_, withUpload) => {
			server.handler = (_req, res) => {
				res.writeHead(401);
				res.end('{"message":"Unauthorized"}');
			};
			const error = await send(withUpload, { renewsTokenOn401: true });
			expect(server.arrivals).toHaveLength(1);
			expect(error).toBeInstanceOf(NotSentTwiceError);
			expect((error as NotSentTwiceError).mayHaveReachedVendor).toBe(false);
			expect(error.message).toContain('Nothing was created');
			expect(error.hint).toBe('Check the credential.');
		},
	);

	it('a refusal (4xx) is the vendor error, sent once', async () => {
		server.handler = (_req, res) => {
			res.writeHead(400);
			res.end('{"message":"Unknown language xx","code":"lang"}');
		};
		const error = await send(true);
		expect(server.arrivals).toHaveLength(1);
		expect(error).not.toBeInstanceOf(NotSentTwiceError);
		expect(error.message).toContain('HTTP 400: Unknown language xx');
	});

	it('a 2xx whose answer breaks off: once, may have been created', async () => {
		server.handler = (_req, res) => {
			res.writeHead(201, { 'content-length': '1000' });
			res.write('{"id":');
			setImmediate(() => res.socket?.destroy());
		};
		expectMayHaveCreated(await send(true));
		expect(server.arrivals).toHaveLength(1);
	});

	it('a refused connection never reached the vendor', async () => {
		const closed = new CountingServer();
		const url = await closed.start();
		await closed.stop();
		const { fake, body } = await upload();
		const error = await failure(
			apiRequest(fake.ctx, API(url), {
				method: 'POST',
				path: '/orders',
				upload: body,
				createsWork: { checkHint: CHECK },
			}),
		);
		expect(error).toBeInstanceOf(NotSentTwiceError);
		expect((error as NotSentTwiceError).mayHaveReachedVendor).toBe(false);
		expect(error.message).toContain('Nothing was created');
		expect(error.hint ?? '').not.toContain(CHECK);
	});
});

describe('mayHaveReachedServer', () => {
	it.each([
		[{ code: 'ECONNREFUSED' }, false],
		[{ cause: { code: 'ENOTFOUND' } }, false],
		[{ message: 'x', cause: { cause: { code: 'EAI_AGAIN' } } }, false],
		[{ code: 'ECONNRESET' }, true],
		[{ code: 'ECONNABORTED' }, true],
		[{ cause: { code: 'UND_ERR_SOCKET' } }, true],
		[new Error('socket hang up'), true],
		[undefined, true],
	])('%j: %s', (error, reached) => {
		expect(mayHaveReachedServer(error)).toBe(reached);
	});
});
