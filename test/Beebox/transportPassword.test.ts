/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-hardcoded-secrets -- developer tooling: runs in Node.js, never inside n8n, so n8n's rules for node code do not apply (CONTRIBUTING.md, "Lint") */
import type { IncomingMessage, ServerResponse } from 'node:http';

import { Beebox } from '../../nodes/Beebox/Beebox.node';
import { testBeeboxCredentials } from '../../nodes/Beebox/credentialTest';
import unknownMethod from '../fixtures/public/beebox/api-error-404-unknown-method.json';
import { fakeExecuteContext } from '../helpers/fakeContext';
import { fakeCredentialTestContext } from '../helpers/legacyRequest';
import { LocalServer } from '../simulators/localServer';

/**
 * The Beebox password never reaches a URL where a POST works, and never reaches a message: ASP.NET Web API
 * answers an unknown API method with 404 and `{"Message": "No HTTP resource was found that matches the request
 * URI '<the URL, query included>'"}` (Wordbee's error-handling page, fixture api-error-404-unknown-method.json),
 * so a login sent as `GET /api/connect?...&pwd=` to a server that answers 404 would put the password into the
 * execution's error, the Test button's result and n8n's log.
 */
const PASSWORD = 'Pw0rdOfTheConnector9';
const TOKEN = 'b5a3b1c2-0d4e-4f5a-8b6c-7d8e9f0a1b2c';

/** A web server at the credential's address that echoes every request's URL as ASP.NET's 404 does. */
class EchoingServer extends LocalServer {
	requests: Array<{ method: string; url: string }> = [];

	/**
	 * `404`: every request. `405`: the login POST is not allowed (an older Beebox), every GET echoed. `token`:
	 * the login POST answers a session token, every other request is echoed (with the token in its query).
	 * `repeat`: the login POST answers a token, every other request a Beebox error quoting the password it was
	 * sent at login (help.wordbee.com/beebox/error-handling: `{type, message, id, failed}`).
	 */
	constructor(private readonly post: 404 | 405 | 'token' | 'repeat') {
		super();
	}

	protected handle(req: IncomingMessage, res: ServerResponse): void {
		this.requests.push({ method: req.method ?? '', url: req.url ?? '' });
		req.resume();
		if (req.method === 'POST' && this.post === 405) {
			res.writeHead(405, { 'content-type': 'application/json; charset=utf-8', allow: 'GET' });
			res.end(
				JSON.stringify({ Message: "The requested resource does not support http method 'POST'." }),
			);
			return;
		}
		if (this.post === 'repeat' && req.url !== '/api/connect') {
			res.writeHead(400, { 'content-type': 'application/json; charset=utf-8' });
			res.end(
				JSON.stringify({
					type: 'Api error',
					message: `Not authorised for login connector with password ${PASSWORD}`,
					id: 'NOTAUTHORISED',
					failed: true,
				}),
			);
			return;
		}
		if (
			req.method === 'POST' &&
			req.url === '/api/connect' &&
			this.post !== 404 &&
			this.post !== 405
		) {
			res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
			res.end(JSON.stringify(TOKEN));
			return;
		}
		const message = unknownMethod.body.Message.replace(
			"'http://localhost:1781/api/details?token2=32b7cb0c-46ce-42ac-a4b8-6a4d04ef6089-Test'",
			`'${this.url}${req.url ?? ''}'`,
		);
		res.writeHead(404, { 'content-type': 'application/json; charset=utf-8' });
		res.end(JSON.stringify({ ...unknownMethod.body, Message: message }));
	}
}

const running: LocalServer[] = [];
async function server(post: 404 | 405 | 'token' | 'repeat'): Promise<EchoingServer> {
	const started = await new EchoingServer(post).start();
	running.push(started);
	return started;
}
afterEach(async () => {
	await Promise.all(running.splice(0).map((s) => s.stop()));
});

const credential = (url: string) => ({
	serverUrl: url,
	projectKey: 'p1',
	login: 'connector',
	password: PASSWORD,
});

/** Everything a user or an operator gets to see of a failed run. */
function shown(error: unknown, logs: string[]): string {
	const e = error as { message?: string; description?: string };
	return [e.message, e.description, JSON.stringify(error), ...logs].join('\n');
}

describe('Beebox login: the password stays out of URLs and messages', () => {
	it('a server answering the login POST with 404 is not asked again with the password in the URL', async () => {
		const beebox = await server(404);
		const fake = fakeExecuteContext({
			nodeType: new Beebox(),
			parameters: { resource: 'file', operation: 'list', limit: 5 },
			credentials: { beeboxApi: credential(beebox.url) },
		});
		const error = await new Beebox().execute.call(fake.ctx).catch((e: unknown) => e);
		expect(error).toMatchObject({ message: expect.stringContaining('Beebox login failed') });
		expect(beebox.requests.map((r) => r.method)).toEqual(['POST']);
		expect(beebox.requests.every((r) => !r.url.includes(PASSWORD))).toBe(true);
		expect(shown(error, fake.logs)).not.toContain(PASSWORD);
	});

	it('an older Beebox (405) still logs in with GET, and its 404 page repeating the URL is redacted', async () => {
		const beebox = await server(405);
		const fake = fakeExecuteContext({
			nodeType: new Beebox(),
			parameters: { resource: 'file', operation: 'list', limit: 5 },
			credentials: { beeboxApi: credential(beebox.url) },
		});
		const error = await new Beebox().execute.call(fake.ctx).catch((e: unknown) => e);
		// the documented GET login of a Beebox before November 2023 (help.wordbee.com/beebox/api-connect)
		expect(beebox.requests.map((r) => r.method)).toEqual(['POST', 'GET']);
		expect(beebox.requests[1].url).toContain(`pwd=${PASSWORD}`);
		const text = shown(error, fake.logs);
		expect(text).toContain('No HTTP resource was found that matches the request URI');
		expect(text).toContain(`${beebox.url}/api/connect'`);
		expect(text).not.toContain(PASSWORD);
		expect(text).not.toContain('pwd=');
	});

	it.each([404, 405] as const)(
		'the Test button against a server answering %i shows no password',
		async (post) => {
			const beebox = await server(post);
			const result = await testBeeboxCredentials.call(fakeCredentialTestContext(), {
				id: '1',
				name: 'beebox',
				type: 'beeboxApi',
				data: credential(beebox.url),
			});
			expect(result.status).toBe('Error');
			expect(result.message).toMatch(/^Beebox login failed: No HTTP resource was found/);
			expect(result.message).not.toContain(PASSWORD);
			expect(beebox.requests.map((r) => r.method)).toEqual(
				post === 404 ? ['POST'] : ['POST', 'GET'],
			);
		},
	);

	it("the session token in Beebox's query is not repeated either (Test button, project details)", async () => {
		const beebox = await server('token');
		const result = await testBeeboxCredentials.call(fakeCredentialTestContext(), {
			id: '1',
			name: 'beebox',
			type: 'beeboxApi',
			data: credential(beebox.url),
		});
		// the token goes in the query, as Wordbee documents it (help.wordbee.com/beebox/api-get-project-information)
		expect(beebox.requests.map((r) => `${r.method} ${r.url.split('?')[0]}`)).toEqual([
			'POST /api/connect',
			'GET /api/details',
			'GET /api/disconnect',
		]);
		expect(result).toMatchObject({ status: 'Error' });
		expect(result.message).toContain(
			`No HTTP resource was found that matches the request URI '${beebox.url}/api/details'`,
		);
		expect(result.message).not.toContain(TOKEN);
	});

	it('a server repeating the password it was sent at login in a later error: not shown, not logged', async () => {
		const beebox = await server('repeat');
		const result = await testBeeboxCredentials.call(fakeCredentialTestContext(), {
			id: '1',
			name: 'beebox',
			type: 'beeboxApi',
			data: credential(beebox.url),
		});
		expect(result).toMatchObject({ status: 'Error' });
		expect(result.message).toContain('Not authorised for login connector with password [redacted]');
		const fake = fakeExecuteContext({
			parameters: { resource: 'file', operation: 'list', limit: 5 },
			credentials: { beeboxApi: credential(beebox.url) },
		});
		const error = await new Beebox().execute.call(fake.ctx).catch((e: unknown) => e);
		expect(shown(error, fake.logs)).toContain('NOTAUTHORISED');
		expect(shown(error, fake.logs)).not.toContain(PASSWORD);
	});

	it.each([307, 308])(
		'a login answered %i, even within the server, is not sent again',
		async (status) => {
			const redirecting = new (class extends LocalServer {
				requests: string[] = [];
				protected handle(req: IncomingMessage, res: ServerResponse) {
					this.requests.push(`${req.method ?? ''} ${req.url ?? ''}`);
					req.resume();
					res.writeHead(status, { location: '/beebox/api/connect' }).end();
				}
			})();
			running.push(await redirecting.start());
			const fake = fakeExecuteContext({
				parameters: { resource: 'file', operation: 'list', limit: 5 },
				credentials: { beeboxApi: credential(redirecting.url) },
			});
			const error = await new Beebox().execute.call(fake.ctx).catch((e: unknown) => e);
			expect((error as Error).message).toBe(
				`Beebox POST /api/connect: the server redirects (HTTP ${status} to ${redirecting.url}/beebox/api/connect), and a request with a password is never sent after a redirect: set the credential's address to the one the server wants`,
			);
			expect(redirecting.requests).toEqual(['POST /api/connect']);
			expect(shown(error, fake.logs)).not.toContain(PASSWORD);
		},
	);
});
