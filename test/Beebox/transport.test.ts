/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets -- developer tooling: runs in Node.js, never inside n8n, so n8n's rules for node code do not apply (CONTRIBUTING.md, "Lint") */
import { WorkBudget } from '../../nodes/common/delivery/workBudget';
import { testBeeboxCredentials } from '../../nodes/Beebox/credentialTest';
import {
	beeboxCallFrom,
	beeboxCredentials,
	connect,
	DELIVERY_CONNECT,
	RUN_CONNECT,
	sessionTokenOf,
	withBeeboxSession,
} from '../../nodes/Beebox/transport';
import { fakeExecuteContext } from '../helpers/fakeContext';
import { fakeCredentialTestContext } from '../helpers/legacyRequest';
import { BeeboxSimulator, type BeeboxSimulatorOptions } from '../simulators/beebox';

const ACCOUNT = { login: 'connector', password: 'pw-of-the-connector', projectKey: 'p1' };

/** A simulator per test (each kind of Beebox server), stopped afterwards. */
const running: BeeboxSimulator[] = [];
async function beeboxServer(options: Partial<BeeboxSimulatorOptions> = {}) {
	const server = await new BeeboxSimulator({ ...ACCOUNT, ...options }).start();
	running.push(server);
	return server;
}
afterEach(async () => {
	await Promise.all(running.splice(0).map((s) => s.stop()));
});

function client(server: BeeboxSimulator, password = ACCOUNT.password, budget?: WorkBudget) {
	const data = { serverUrl: server.url, projectKey: 'p1', login: 'connector', password };
	const { ctx } = fakeExecuteContext({ credentials: { beeboxApi: data } });
	return { http: beeboxCallFrom(ctx, { budget }), credentials: beeboxCredentials(data) };
}

describe('Beebox login: servers before and after November 2023', () => {
	it.each([
		[
			'since November 2023: POST, the token as a JSON string',
			{ connect: 'post' as const },
			['POST'],
		],
		[
			'before: POST answered 405 by ASP.NET, then GET; the token bare',
			{ connect: 'get-only-405' as const, tokenFormat: 'bare' as const },
			['POST', 'GET'],
		],
		[
			"before: POST answered 405, then GET; the token as ASP.NET's XML string",
			{ connect: 'get-only-405' as const, tokenFormat: 'xml' as const },
			['POST', 'GET'],
		],
	])('%s', async (_name, options, methods) => {
		const server = await beeboxServer(options);
		const { http, credentials } = client(server);
		const token = await withBeeboxSession(http, credentials, RUN_CONNECT, async (t) => {
			expect(server.openSessions).toBe(1);
			return t;
		});
		expect(token).toMatch(/^[0-9a-f-]{36}$/);
		const logins = server.calls('/api/connect');
		expect(logins.map((r) => r.method)).toEqual(methods);
		const get = logins.find((r) => r.method === 'GET');
		if (get)
			expect(get.query).toEqual({
				project: 'p1',
				login: 'connector',
				pwd: ACCOUNT.password,
				waitsecs: '10',
				connector: 'n8n-nodes-translation-events',
			});
		else
			expect(logins[0].body).toEqual({
				project: 'p1',
				login: 'connector',
				pwd: ACCOUNT.password,
				waitsecs: 10,
				connector: 'n8n-nodes-translation-events',
			});
		expect(server.calls('/api/disconnect')[0].query).toEqual({ token });
		expect(server.openSessions).toBe(0);
	});

	it('does not repeat a refused login with GET (the password stays out of URLs)', async () => {
		const server = await beeboxServer();
		const { http, credentials } = client(server, 'wrong');
		await expect(connect(http, credentials, RUN_CONNECT)).rejects.toMatchObject({
			message: 'Beebox login failed: Login failed. Verify login and password. (LOGIN_FAILED)',
			httpStatus: 400,
			vendorCode: 'LOGIN_FAILED',
		});
		expect(server.calls('/api/connect').map((r) => r.method)).toEqual(['POST']);
	});

	it("reports a refused login on an old server with Beebox's message", async () => {
		const server = await beeboxServer({ connect: 'get-only-405' });
		const { http, credentials } = client(server, 'wrong');
		await expect(connect(http, credentials, RUN_CONNECT)).rejects.toMatchObject({
			vendorCode: 'LOGIN_FAILED',
		});
		expect(server.calls('/api/connect').map((r) => r.method)).toEqual(['POST', 'GET']);
	});

	it('logs in again after BUSY, as Wordbee advises, and gives up after the last attempt', async () => {
		const server = await beeboxServer();
		const { http, credentials } = client(server);
		server.busyLogins = 1;
		expect(await connect(http, credentials, DELIVERY_CONNECT)).toMatch(/^[0-9a-f-]{36}$/);
		expect(server.connects).toBe(2);
		expect(server.calls('/api/connect')[0].body).toMatchObject({ waitsecs: 5 });

		server.busyLogins = 5;
		await expect(connect(http, credentials, DELIVERY_CONNECT)).rejects.toMatchObject({
			vendorCode: 'BUSY',
		});
		expect(server.connects).toBe(4);
	});

	it('keeps to GET for the retry after BUSY on an old server', async () => {
		const server = await beeboxServer({ connect: 'get-only-405' });
		const { http, credentials } = client(server);
		server.busyLogins = 1;
		await connect(http, credentials, RUN_CONNECT);
		expect(server.calls('/api/connect').map((r) => r.method)).toEqual(['POST', 'GET', 'GET']);
	});

	it('says when the server URL is not a Beebox', async () => {
		const server = await beeboxServer();
		const data = { serverUrl: `${server.url}/not-beebox`, login: 'x', password: 'y' };
		const { ctx } = fakeExecuteContext({ credentials: { beeboxApi: data } });
		await expect(
			connect(beeboxCallFrom(ctx), beeboxCredentials(data), RUN_CONNECT),
		).rejects.toMatchObject({
			message: 'Beebox login failed: HTTP 404',
			hint: expect.stringContaining('Server URL'),
		});
	});

	it('closes the session when the work fails', async () => {
		const server = await beeboxServer();
		const { http, credentials } = client(server);
		await expect(
			withBeeboxSession(http, credentials, RUN_CONNECT, async () => {
				throw new Error('work failed');
			}),
		).rejects.toThrow('work failed');
		expect(server.calls('/api/disconnect')).toHaveLength(1);
		expect(server.openSessions).toBe(0);
	});

	it('stops at the budget, and still logs out', async () => {
		const server = await beeboxServer();
		const budget = new WorkBudget({ calls: 2, ms: 60_000 });
		const { http, credentials } = client(server, ACCOUNT.password, budget);
		const call = (token: string) => http({ method: 'GET', path: '/api/details', qs: { token } });
		await expect(
			withBeeboxSession(http, credentials, RUN_CONNECT, async (token) => {
				await call(token);
				await call(token);
			}),
		).rejects.toMatchObject({
			message: expect.stringContaining('stopped after 2 API calls'),
			httpStatus: 503,
		});
		expect(server.calls('/api/details')).toHaveLength(1);
		expect(server.openSessions).toBe(0);
	});
});

describe('sessionTokenOf', () => {
	it('reads the token bare, as a JSON string and as an XML string', () => {
		const token = '611b27e4-9d09-40ba-b7a8-794aaeff4b07';
		for (const body of [
			token,
			` ${token}\r\n`,
			`"${token}"`,
			`<string xmlns="http://schemas.microsoft.com/2003/10/Serialization/">${token}</string>`,
		])
			expect(sessionTokenOf(body)).toBe(token);
		expect(sessionTokenOf(12345)).toBe('12345');
	});

	it('finds no token in a web page, an object or nothing', () => {
		for (const body of ['<html><body>Welcome</body></html>', '', '""', 'two words', {}, null])
			expect(sessionTokenOf(body)).toBeUndefined();
	});
});

describe('Wordbee Beebox API credential: Test button', () => {
	const test = (server: BeeboxSimulator, data: Record<string, string>) =>
		testBeeboxCredentials.call(fakeCredentialTestContext(), {
			id: '1',
			name: 'beebox',
			type: 'beeboxApi',
			data: { serverUrl: server.url, login: 'connector', ...data },
		});

	it("logs in, reads the project's languages and logs out", async () => {
		const server = await beeboxServer({
			files: [
				{ file: 'a.html', locale: 'fr', status: 6, tfdate: null },
				{ file: 'a.html', locale: 'de', status: 6, tfdate: null },
			],
		});
		expect(await test(server, { projectKey: 'p1', password: ACCOUNT.password })).toEqual({
			status: 'OK',
			message: 'Connected to the Beebox project (en → fr, de)',
		});
		expect(server.openSessions).toBe(0);
	});

	it('works on a server older than November 2023', async () => {
		const server = await beeboxServer({ connect: 'get-only-405', tokenFormat: 'bare' });
		expect(await test(server, { projectKey: 'p1', password: ACCOUNT.password })).toMatchObject({
			status: 'OK',
		});
		expect(server.calls('/api/connect').map((r) => r.method)).toEqual(['POST', 'GET']);
		expect(server.openSessions).toBe(0);
	});

	it("shows Beebox's message for a refused login", async () => {
		const server = await beeboxServer();
		expect(await test(server, { projectKey: 'p1', password: 'wrong' })).toEqual({
			status: 'Error',
			message: 'Beebox login failed: Login failed. Verify login and password. (LOGIN_FAILED)',
		});
	});

	it('needs no project with admin credentials', async () => {
		const server = await beeboxServer();
		expect(await test(server, { password: ACCOUNT.password })).toEqual({
			status: 'OK',
			message: 'Connected to the Beebox (admin, no project)',
		});
		expect(server.calls('/api/details')).toHaveLength(0);
		expect(server.openSessions).toBe(0);
	});
});
