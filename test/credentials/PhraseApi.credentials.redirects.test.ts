/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-hardcoded-secrets -- developer tooling: runs in Node.js, never inside n8n, so n8n's rules for node code do not apply (CONTRIBUTING.md, "Lint") */
import type { IncomingMessage, ServerResponse } from 'node:http';

import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { PhraseApi } from '../../credentials/PhraseApi.credentials';
import { getJob } from '../../nodes/Phrase/api';
import { fakeExecuteContext, httpRequest } from '../helpers/fakeContext';
import { LocalServer } from '../simulators/localServer';

/**
 * Phrase TMS logins (`POST /api2/v1/auth/login` with user name and password) and Platform token exchanges
 * (`POST /idm/oauth/token` with the Platform API token; developers.phrase.com/en/api/tms/latest/authentication)
 * are never redirected: a hostile or misconfigured server on 127.0.0.1 answers them with a redirect to another
 * origin (another port) over plain http, and nothing reaches that origin; the error says where the address
 * redirects and what to set, without the password or token.
 */
const PASSWORD = 'Phrase-Pa55word-of-pm';
const PLATFORM_TOKEN = 'platform-token-0123456789abcdef';

class Server extends LocalServer {
	requests: Array<{ method: string; url: string; body: string }> = [];
	handler: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.end('{}');

	protected async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		this.requests.push({
			method: req.method ?? '',
			url: req.url ?? '',
			body: Buffer.concat(chunks).toString(),
		});
		this.handler(req, res);
	}
}

describe('Phrase TMS credential: no redirect with a password or a Platform token', () => {
	const phrase = new Server();
	const elsewhere = new Server();
	beforeAll(async () => {
		await phrase.start();
		await elsewhere.start();
	});
	afterAll(async () => {
		await phrase.stop();
		await elsewhere.stop();
	});
	beforeEach(() => {
		phrase.requests = [];
		elsewhere.requests = [];
		elsewhere.handler = (_req, res) =>
			res.end(JSON.stringify({ token: 'stolen', access_token: 'x' }));
	});

	const redirect = (status: number, to: () => string) => {
		phrase.handler = (req, res) =>
			res.writeHead(status, { location: `${to()}${req.url ?? ''}` }).end();
	};
	const preAuthenticate = async (credentials: ICredentialDataDecryptedObject) =>
		await new PhraseApi().preAuthentication
			.call({ helpers: { httpRequest } } as never, credentials)
			.catch((e: Error) => e);

	it.each([307, 308, 302, 301])(
		'a login answered %i to another origin over http sends nothing there',
		async (status) => {
			redirect(status, () => elsewhere.url);
			const error = await preAuthenticate({
				authType: 'password',
				region: 'custom',
				baseUrl: `${phrase.url}/web`,
				userName: 'pm',
				password: PASSWORD,
			});
			expect(error).toBeInstanceOf(Error);
			expect((error as Error).message).toBe(
				`Phrase TMS login: the address redirects (HTTP ${status} to ${elsewhere.url}), and a password or token is never sent after a redirect: set the credential's Base URL to the address the server wants (${elsewhere.url}/web)`,
			);
			expect(phrase.requests).toHaveLength(1);
			expect(elsewhere.requests).toEqual([]);
		},
	);

	it('a login redirected within the same origin is not followed either', async () => {
		phrase.handler = (_req, res) =>
			res.writeHead(307, { location: '/web2/api2/v1/auth/login' }).end();
		const error = await preAuthenticate({
			authType: 'password',
			region: 'custom',
			baseUrl: `${phrase.url}/web`,
			userName: 'pm',
			password: PASSWORD,
		});
		expect((error as Error).message).toContain(`(${phrase.url}/web2)`);
		expect(phrase.requests).toHaveLength(1);
	});

	it('a Platform token exchange answered 307 sends the token nowhere else', async () => {
		redirect(307, () => elsewhere.url);
		const error = await preAuthenticate({
			authType: 'platformToken',
			region: 'custom',
			baseUrl: `${phrase.url}/web`,
			idmUrl: phrase.url,
			platformToken: PLATFORM_TOKEN,
		});
		expect((error as Error).message).toBe(
			`Phrase Platform token exchange: the address redirects (HTTP 307 to ${elsewhere.url}), and a password or token is never sent after a redirect: set the credential's Platform URL to the address the server wants (${elsewhere.url})`,
		);
		expect(phrase.requests.map((r) => r.url)).toEqual(['/idm/oauth/token']);
		expect(elsewhere.requests).toEqual([]);
	});

	it('a refused login that repeats the password is reported without it', async () => {
		phrase.handler = (req, res) =>
			res.writeHead(401, { 'content-type': 'application/json' }).end(
				JSON.stringify({
					errorCode: 'AuthInvalidCredentials',
					errorDescription: `Invalid credentials for ${req.url ?? ''}?userName=pm&password=${PASSWORD} (${PASSWORD})`,
				}),
			);
		const error = await preAuthenticate({
			authType: 'password',
			region: 'custom',
			baseUrl: `${phrase.url}/web`,
			userName: 'pm',
			password: PASSWORD,
		});
		expect((error as Error).message).toMatch(
			/^Phrase TMS login failed: HTTP 401: AuthInvalidCredentials: Invalid credentials for \/web\/api2\/v1\/auth\/login/,
		);
		expect((error as Error).message).not.toContain(PASSWORD);
	});

	it('through a node: the call fails saying so, and nothing shown or logged has the password', async () => {
		redirect(307, () => elsewhere.url);
		const fake = fakeExecuteContext({
			credentials: {
				phraseApi: {
					authType: 'password',
					region: 'custom',
					baseUrl: `${phrase.url}/web`,
					userName: 'pm',
					password: PASSWORD,
				},
			},
		});
		const error = await getJob(fake.ctx, 'prj1', 'job1').catch((e: unknown) => e);
		const shown = [(error as Error).message, JSON.stringify(error), ...fake.logs].join('\n');
		expect(shown).toContain('the address redirects');
		expect(shown).not.toContain(PASSWORD);
		expect(elsewhere.requests).toEqual([]);
	});
});
