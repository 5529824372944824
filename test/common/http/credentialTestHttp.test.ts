// The request a credential's Test button makes through n8n's legacy helper (nodes/common/http/credentialTestHttp.ts):
// its options, and the body read back. n8n's `helpers.request` is faked.
import type { ICredentialTestFunctions } from 'n8n-workflow';

import { credentialTestRequest } from '../../../nodes/common/http/credentialTestHttp';

function fake(body: unknown, statusCode = 200) {
	const calls: Array<Record<string, unknown>> = [];
	const ctx = {
		helpers: {
			request: async (options: Record<string, unknown>) => {
				calls.push(options);
				return { statusCode, body };
			},
		},
	} as unknown as ICredentialTestFunctions;
	return { ctx, calls };
}

describe('credentialTestRequest', () => {
	it('sends one request that follows no redirect, throws on no status and asks for a stream (read with a size limit), then reads JSON text as JSON', async () => {
		const { ctx, calls } = fake('{"opstat":"ok"}', 401);
		const answer = await credentialTestRequest(ctx, {
			method: 'GET',
			root: 'https://api.example.com/v2',
			path: '/account/me',
			qs: { a: 1 },
			headers: { Authorization: 'Bearer x' },
		});
		expect(answer).toEqual({ status: 401, body: { opstat: 'ok' } });
		expect(calls).toEqual([
			{
				method: 'GET',
				uri: 'https://api.example.com/v2/account/me',
				qs: { a: 1 },
				headers: { Authorization: 'Bearer x' },
				body: undefined,
				json: true,
				timeout: 30_000,
				resolveWithFullResponse: true,
				simple: false,
				followRedirect: false,
				followAllRedirects: false,
				useStream: true,
			},
		]);
	});

	it('keeps a text answer as text and an object as it is', async () => {
		const text = fake('<html>Bad Gateway</html>', 502);
		expect(
			await credentialTestRequest(text.ctx, {
				method: 'GET',
				root: 'https://a.example.com',
				path: '/',
			}),
		).toEqual({ status: 502, body: '<html>Bad Gateway</html>' });
		const object = fake({ ok: true });
		expect(
			await credentialTestRequest(object.ctx, {
				method: 'POST',
				root: 'https://a.example.com',
				path: '/login',
				body: { user: 'u' },
				timeoutMs: 5,
			}),
		).toEqual({ status: 200, body: { ok: true } });
		expect(object.calls[0]).toMatchObject({ method: 'POST', body: { user: 'u' }, timeout: 5 });
	});

	it('refuses an API root in clear text before any request', async () => {
		const { ctx, calls } = fake('');
		await expect(
			credentialTestRequest(ctx, { method: 'GET', root: 'http://api.example.com', path: '/' }),
		).rejects.toThrow();
		expect(calls).toHaveLength(0);
	});
});
