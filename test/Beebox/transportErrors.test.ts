import type { IDataObject } from 'n8n-workflow';

import {
	BEEBOX_API,
	beeboxApiError,
	beeboxCallFrom,
	beeboxCredentials,
	connect,
	DELIVERY_CONNECT,
	sessionTokenOf,
	type BeeboxCall,
} from '../../nodes/Beebox/transport';
import type { ApiContext } from '../../nodes/common/http/httpClient';
import { WorkBudget } from '../../nodes/common/delivery/workBudget';
import { scriptedContext } from '../helpers/scriptedContext';

/**
 * How the Beebox transport reads what a server answers: Beebox's own error object, ASP.NET Web API's, a web
 * server's text or page; session tokens in the three forms servers write them; the credential's fields.
 */
describe('beeboxApiError: the message, error id and advice of a failed call', () => {
	const CREDENTIAL_HINT =
		'Check the Wordbee Beebox credential: server URL, project key, login and password (the Test button logs in and out).';

	it.each([
		[
			401,
			{ id: 'LOGIN', message: 'Invalid login' },
			'Beebox login failed: Invalid login (LOGIN)',
			'LOGIN',
		],
		[
			400,
			{ Message: 'The request is invalid.' },
			'Beebox login failed: The request is invalid.',
			undefined,
		],
		[
			403,
			'Forbidden for this project',
			'Beebox login failed: Forbidden for this project',
			undefined,
		],
		[500, '  <html><body>Server Error</body></html>', 'Beebox login failed: HTTP 500', undefined],
		[502, { Message: 5 }, 'Beebox login failed: HTTP 502', undefined],
		[503, undefined, 'Beebox login failed: HTTP 503', undefined],
	])('HTTP %i %j', (status, body, message, id) => {
		const error = beeboxApiError('login', status, body);
		expect([error.message, error.vendorCode, error.httpStatus]).toEqual([message, id, status]);
	});

	it('a long message is cut: 300 characters of an ASP.NET message, 200 of plain text', () => {
		expect(beeboxApiError('x', 400, { Message: 'm'.repeat(400) }).message).toBe(
			`Beebox x failed: ${'m'.repeat(300)}`,
		);
		expect(beeboxApiError('x', 400, 't'.repeat(400)).message).toBe(
			`Beebox x failed: ${'t'.repeat(200)}`,
		);
	});

	it('advice: the credential for 400, 401 and 403; the Server URL for 404; none otherwise', () => {
		expect([400, 401, 403, 404, 500].map((status) => beeboxApiError('x', status, {}).hint)).toEqual(
			[
				CREDENTIAL_HINT,
				CREDENTIAL_HINT,
				CREDENTIAL_HINT,
				"Check the credential's Server URL: the Beebox's own address, whose API is under /api.",
				undefined,
			],
		);
	});
});

describe('sessionTokenOf', () => {
	it.each([
		['4c3ac9b0-8a36-4d3c-9b55-1b0d4bfe3c4e', '4c3ac9b0-8a36-4d3c-9b55-1b0d4bfe3c4e'],
		['"abc-123"', 'abc-123'],
		[
			'<string xmlns="http://schemas.microsoft.com/2003/10/Serialization/"> abc-123 </string>',
			'abc-123',
		],
		[12345, '12345'],
		['"', undefined],
		['""', undefined],
		['"abc', undefined],
		['abc"', undefined],
		['<p>x</p><string>abc</string>', undefined],
		['<string>abc</string><p>x</p>', undefined],
		['two words', undefined],
		[{ token: 'abc' }, undefined],
	])('%j → %j', (body, token) => {
		expect(sessionTokenOf(body)).toBe(token);
	});
});

describe('the credential', () => {
	it('reads every field as text, the project key trimmed; nothing set is empty text', () => {
		expect(
			beeboxCredentials({
				serverUrl: 'https://b.example',
				projectKey: ' p1 ',
				login: 'u',
				password: 'pw',
			}),
		).toEqual({ serverUrl: 'https://b.example', projectKey: 'p1', login: 'u', password: 'pw' });
		expect(beeboxCredentials(undefined)).toEqual({
			serverUrl: '',
			projectKey: undefined,
			login: '',
			password: '',
		});
	});

	it.each([
		[' https://beebox.example.com/ ', 'https://beebox.example.com'],
		['https://beebox.example.com//', 'https://beebox.example.com'],
		['https://beebox.example.com/API', 'https://beebox.example.com'],
		['https://beebox.example.com/api/', 'https://beebox.example.com'],
		['https://beebox.example.com/apis', 'https://beebox.example.com/apis'],
		['https://beebox.example.com/api/v2', 'https://beebox.example.com/api/v2'],
	])('Server URL %j means the server %j', (serverUrl, root) => {
		expect(BEEBOX_API.baseUrl({ serverUrl })).toBe(root);
	});
});

describe('connect', () => {
	it('a 200 without a token is no login: the Server URL is likely not a Beebox', async () => {
		const http: BeeboxCall = async () => ({ status: 200, body: '<html>Welcome</html>' });
		const error = await connect(
			http,
			{ serverUrl: 'https://b.example', projectKey: 'p', login: 'u', password: 'pw' },
			DELIVERY_CONNECT,
		).catch((e: unknown) => e as IDataObject);
		expect(error).toMatchObject({
			message:
				'Beebox login failed: the server answered no session token (is the Server URL the Beebox?)',
			httpStatus: 502,
			hint: "Check the credential's Server URL: the Beebox's own address, whose API is under /api.",
		});
	});
});

describe('beeboxCallFrom', () => {
	function context() {
		const scripted = scriptedContext({
			credentials: { serverUrl: 'https://beebox.example.com' },
			answers: () => '{}',
		});
		return { ctx: scripted.ctx as ApiContext, calls: scripted.requests };
	}

	it('asks for JSON; with a budget each call may last what is left of it, at least 1 s', async () => {
		const { ctx, calls } = context();
		const budget = new WorkBudget({ calls: 5, ms: 60_000 });
		await beeboxCallFrom(ctx, { budget })({ method: 'GET', path: '/api/x' });
		const short = new WorkBudget({ calls: 5, ms: 10 });
		await beeboxCallFrom(ctx, { budget: short })({ method: 'GET', path: '/api/x' });
		await beeboxCallFrom(ctx)({ method: 'GET', path: '/api/x' });
		expect(calls.map((c) => (c.headers as IDataObject).accept)).toEqual([
			'application/json',
			'application/json',
			'application/json',
		]);
		expect(calls[0].timeout).toBeGreaterThan(59_000);
		expect(calls[0].timeout).toBeLessThanOrEqual(60_000);
		expect(calls[1].timeout).toBe(1_000);
		expect(calls[2].timeout).toBe(30_000);
	});

	it('a spent budget stops before the call, saying how much it allowed', async () => {
		const { ctx, calls } = context();
		const budget = new WorkBudget({ calls: 1, ms: 20_000 });
		const call = beeboxCallFrom(ctx, { budget });
		await call({ method: 'GET', path: '/api/x' });
		await expect(call({ method: 'GET', path: '/api/y' })).rejects.toMatchObject({
			httpStatus: 503,
			message: 'Beebox: stopped after 1 API calls, the most one run may make here (1 calls, 20 s)',
		});
		// the logout of a session is never refused
		await call({ method: 'GET', path: '/api/disconnect', closing: true });
		expect(calls).toHaveLength(2);
	});
});
