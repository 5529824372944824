/* eslint-disable @n8n/community-nodes/no-restricted-imports -- developer tooling: runs in Node.js, never inside n8n, so n8n's rules for node code do not apply (CONTRIBUTING.md, "Lint") */
import { Readable } from 'node:stream';

import {
	apiRequest,
	baseUrlProblem,
	checkedId,
	type ApiContext,
	type VendorApi,
} from '../../../nodes/common/http/httpClient';
import {
	scriptedContext as sharedScriptedContext,
	type ScriptedAnswer,
} from '../../helpers/scriptedContext';

/**
 * What apiRequest asks of n8n's HTTP helpers, seen from a scripted context: each call's options (n8n does the
 * sending, so these options ARE the request: timeouts, redirects, credentials, body encoding) and answers given
 * in order, and the credential each was signed with (test/helpers/scriptedContext.ts). httpClient.test.ts runs
 * the same client against a real local server.
 */
function scriptedContext(answers: ScriptedAnswer[]) {
	const scripted = sharedScriptedContext({
		credentials: { root: 'https://api.vendor.example/v1' },
		answers,
	});
	return { ...scripted, ctx: scripted.ctx as ApiContext };
}

const API: VendorApi = {
	name: 'Vendor',
	credentialType: 'vendorApi',
	baseUrl: (c) => String(c.root),
	errorMessage: (body) =>
		body && typeof body === 'object' ? String((body as { message?: string }).message ?? '') : '',
};

const httpError = (message: string, httpCode?: string) =>
	Object.assign(new Error(message), httpCode ? { httpCode } : {});

/** A response stream that records how much of it was read and whether it was closed. */
function trackedStream(chunks: Buffer[]) {
	const state = { read: 0, destroyed: false };
	const stream = Readable.from(
		(function* () {
			for (const chunk of chunks) {
				state.read++;
				yield chunk;
			}
		})(),
	);
	const destroy = stream.destroy.bind(stream);
	stream.destroy = ((error?: Error) => {
		state.destroyed = true;
		return destroy(error);
	}) as typeof stream.destroy;
	return { stream, state };
}

describe('apiRequest: the options n8n sends', () => {
	it('a JSON call: signed by the credential, JSON both ways, read as a stream with a size limit, our timeouts, n8n follows no redirect', async () => {
		const { ctx, requests, credentialTypes } = scriptedContext([
			{ statusCode: 200, body: { ok: true } },
		]);
		const answer = await apiRequest(ctx, API, {
			method: 'POST',
			path: '/jobs',
			qs: { page: 2 },
			body: { a: 1 },
		});
		expect(answer).toEqual({ status: 200, body: { ok: true }, headers: {} });
		expect(credentialTypes).toEqual(['vendorApi']);
		expect(requests).toEqual([
			{
				method: 'POST',
				url: 'https://api.vendor.example/v1/jobs',
				qs: { page: 2 },
				body: { a: 1 },
				headers: { 'User-Agent': 'n8n-nodes-translation-events' },
				json: true,
				encoding: 'stream',
				timeout: 30_000,
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
				disableFollowRedirect: true,
				sendCredentialsOnCrossOriginRedirect: false,
			},
		]);
	});

	it('a form: form-encoded, not JSON; the caller’s headers and timeout', async () => {
		const { ctx, requests } = scriptedContext([{ statusCode: 200, body: '{"token":"t"}' }]);
		const answer = await apiRequest(ctx, API, {
			method: 'POST',
			path: '/login',
			body: { user: 'u' },
			form: true,
			headers: { 'X-Extra': '1' },
			timeoutMs: 5000,
		});
		expect(answer.body).toEqual({ token: 't' });
		expect(requests[0]).toMatchObject({
			headers: {
				'User-Agent': 'n8n-nodes-translation-events',
				'content-type': 'application/x-www-form-urlencoded',
				'X-Extra': '1',
			},
			json: false,
			timeout: 5000,
		});
	});

	it('a download: the response stream as it comes, not JSON', async () => {
		const { stream } = trackedStream([Buffer.from('bytes')]);
		const { ctx, requests } = scriptedContext([{ statusCode: 200, body: stream }]);
		const answer = await apiRequest(ctx, API, { method: 'GET', path: '/file', encoding: 'stream' });
		expect(answer.body).toBe(stream);
		expect(requests[0]).toMatchObject({ json: false, encoding: 'stream' });
	});

	it('a text answer that is not JSON stays text; a Buffer stays a Buffer; no body at all is no body', async () => {
		const buffer = Buffer.from('{"a":1}');
		const { ctx } = scriptedContext([
			{ statusCode: 200, body: 'plain text' },
			{ statusCode: 200, body: buffer },
			{ statusCode: 204, body: null },
		]);
		expect((await apiRequest(ctx, API, { method: 'GET', path: '/a' })).body).toBe('plain text');
		expect((await apiRequest(ctx, API, { method: 'GET', path: '/b' })).body).toBe(buffer);
		expect(await apiRequest(ctx, API, { method: 'GET', path: '/c' })).toEqual({
			status: 204,
			body: null,
			headers: {},
		});
	});

	it('reads the credential once per context, however many calls it makes', async () => {
		const { ctx, credentialReads } = scriptedContext([
			{ statusCode: 200, body: {} },
			{ statusCode: 200, body: {} },
		]);
		await apiRequest(ctx, API, { method: 'GET', path: '/a' });
		await apiRequest(ctx, API, { method: 'GET', path: '/b' });
		expect(credentialReads()).toBe(1);
	});
});

describe('apiRequest: statuses', () => {
	it('2xx is an answer up to 299; 300 without a Location is an error', async () => {
		const { ctx } = scriptedContext([
			{ statusCode: 299, body: {} },
			{ statusCode: 300, body: { message: 'choose' } },
		]);
		expect((await apiRequest(ctx, API, { method: 'GET', path: '/a' })).status).toBe(299);
		await expect(apiRequest(ctx, API, { method: 'GET', path: '/b' })).rejects.toMatchObject({
			httpStatus: 300,
			message: 'Vendor GET /b: HTTP 300: choose',
		});
	});

	it('a redirect is a 3xx with a Location: 300 and 399 are followed, a 400 with a Location is an error', async () => {
		const { ctx, requests } = scriptedContext([
			{ statusCode: 300, headers: { location: '/moved' } },
			{ statusCode: 399, headers: { location: '/moved-again' } },
			{ statusCode: 200, body: {} },
			{ statusCode: 400, headers: { location: '/elsewhere' }, body: { message: 'bad' } },
		]);
		await apiRequest(ctx, API, { method: 'GET', path: '/a' });
		expect(requests.map((c) => c.url)).toEqual([
			'https://api.vendor.example/v1/a',
			'https://api.vendor.example/moved',
			'https://api.vendor.example/moved-again',
		]);
		await expect(apiRequest(ctx, API, { method: 'GET', path: '/b' })).rejects.toMatchObject({
			httpStatus: 400,
		});
	});

	it('reads a header n8n gives as a list by its first value', async () => {
		const { ctx, requests } = scriptedContext([
			{ statusCode: 302, headers: { location: ['/first', '/second'] as unknown as string } },
			{ statusCode: 200, body: {} },
		]);
		await apiRequest(ctx, API, { method: 'GET', path: '/a' });
		expect(requests[1].url).toBe('https://api.vendor.example/first');
	});

	it('after a redirect, the query and the body are not sent again (the Location carries what it wants)', async () => {
		const { stream, state } = trackedStream([Buffer.from('moved')]);
		const { ctx, requests } = scriptedContext([
			{ statusCode: 307, headers: { location: '/v1/b?x=1' }, body: stream },
			{ statusCode: 200, body: {} },
		]);
		await apiRequest(ctx, API, { method: 'POST', path: '/a', qs: { q: 1 }, body: { b: 2 } });
		expect(requests.map((c) => [c.qs, c.body])).toEqual([
			[{ q: 1 }, { b: 2 }],
			[undefined, undefined],
		]);
		// the redirect's own body is closed, not left open
		expect(state.destroyed).toBe(true);
	});

	it('an error answer that came as a stream: its first 64 KiB give the message, the rest is not read', async () => {
		const chunk = Buffer.alloc(16 * 1024, 'a');
		const { stream, state } = trackedStream(Array.from({ length: 10 }, () => chunk));
		const { ctx } = scriptedContext([{ statusCode: 500, body: stream }]);
		const error = (await apiRequest(
			ctx,
			{ ...API, errorMessage: (b) => String(b) },
			{
				method: 'GET',
				path: '/file',
				encoding: 'stream',
			},
		).catch((e: unknown) => e)) as Error;
		expect(error.message).toBe(`Vendor GET /file: HTTP 500: ${'a'.repeat(64 * 1024)}`);
		expect(state.read).toBe(4);
		expect(state.destroyed).toBe(true);
	});

	it('an error answer without a body: no vendor code is asked for; a vendor without hints is fine', async () => {
		const errorCode = jest.fn(() => 'E1');
		const { ctx } = scriptedContext([httpError('connect ECONNREFUSED')]);
		await expect(
			apiRequest(ctx, { ...API, errorCode }, { method: 'GET', path: '/a' }),
		).rejects.toMatchObject({
			httpStatus: 0,
			vendorCode: undefined,
			message: 'Vendor API unreachable: connect ECONNREFUSED',
		});
		expect(errorCode).not.toHaveBeenCalled();
	});

	it('what n8n throws with a status: the status, with its message except for 401', async () => {
		const { ctx } = scriptedContext([
			httpError('Request failed with status code 401', '401'),
			httpError('Request failed with status code 502', '502'),
		]);
		await expect(apiRequest(ctx, API, { method: 'GET', path: '/a' })).rejects.toMatchObject({
			httpStatus: 401,
			message: 'Vendor GET /a: HTTP 401',
		});
		await expect(apiRequest(ctx, API, { method: 'GET', path: '/b' })).rejects.toMatchObject({
			httpStatus: 502,
			message: 'Vendor GET /b: HTTP 502: Request failed with status code 502',
		});
	});
});

describe('apiRequest: 429', () => {
	const tooMany = (retryAfter?: string): ScriptedAnswer => ({
		statusCode: 429,
		headers: retryAfter === undefined ? {} : { 'retry-after': retryAfter },
		body: { message: 'slow down' },
	});

	it('Retry-After: 0 is no wait: three retries fit any budget, the fourth 429 is given back', async () => {
		const { ctx, requests } = scriptedContext([
			tooMany('0'),
			tooMany('0'),
			tooMany('0'),
			tooMany('0'),
		]);
		await expect(
			apiRequest(ctx, API, { method: 'GET', path: '/a', rateLimitWaitMs: 500 }),
		).rejects.toMatchObject({ httpStatus: 429 });
		expect(requests).toHaveLength(4);
	});

	it('the waits add up against the budget', async () => {
		const { ctx, requests } = scriptedContext([
			tooMany('1'),
			tooMany('1'),
			{ statusCode: 200, body: {} },
		]);
		await expect(
			apiRequest(ctx, API, { method: 'GET', path: '/a', rateLimitWaitMs: 1500 }),
		).rejects.toMatchObject({ httpStatus: 429 });
		expect(requests).toHaveLength(2);
	});

	it('without Retry-After it waits 1 s, then 2 s: a budget of 2.999 s allows the first only', async () => {
		const { ctx, requests } = scriptedContext([
			tooMany(),
			tooMany(),
			{ statusCode: 200, body: {} },
		]);
		const started = Date.now();
		await expect(
			apiRequest(ctx, API, { method: 'GET', path: '/a', rateLimitWaitMs: 2999 }),
		).rejects.toMatchObject({ httpStatus: 429, message: 'Vendor GET /a: HTTP 429: slow down' });
		expect(requests).toHaveLength(2);
		expect(Date.now() - started).toBeGreaterThanOrEqual(990);
	});

	it('a 429 that came as a stream is closed before the wait', async () => {
		const { stream, state } = trackedStream([Buffer.from('slow down')]);
		const { ctx } = scriptedContext([
			{ statusCode: 429, headers: { 'retry-after': '0' }, body: stream },
			{ statusCode: 200, body: {} },
		]);
		await apiRequest(ctx, API, { method: 'GET', path: '/a', encoding: 'stream' });
		expect(state.destroyed).toBe(true);
	});
});

describe('baseUrlProblem and checkedId, the edges', () => {
	it('plain http only to the loopback: not another scheme there either', () => {
		expect(baseUrlProblem('ftp://localhost/api')).toMatch(/not https/);
		expect(baseUrlProblem('https://user@api.example')).toMatch(/user name or password/);
		expect(baseUrlProblem('https://:pw@api.example')).toMatch(/user name or password/);
	});

	it('a refused id is quoted in the message, at most 80 characters of it', () => {
		expect(() => checkedId(`${'x'.repeat(100)}/`, /^[a-z]+$/, 'job UID')).toThrow(
			`"${'x'.repeat(80)}" is not a valid job UID`,
		);
	});
});
