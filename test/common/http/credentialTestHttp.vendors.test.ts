/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-hardcoded-secrets -- developer tooling: runs in Node.js, never inside n8n, so n8n's rules for node code do not apply (CONTRIBUTING.md, "Lint") */
import type { IncomingMessage, ServerResponse } from 'node:http';

import type { ICredentialsDecrypted, INodeCredentialTestResult, INodeType } from 'n8n-workflow';

import { PhraseApi } from '../../../credentials/PhraseApi.credentials';
import { testBeeboxCredentials } from '../../../nodes/Beebox/credentialTest';
import { testGengoCredentials } from '../../../nodes/Gengo/credentialTest';
import { Phrase } from '../../../nodes/Phrase/Phrase.node';
import { PhraseCatchUpTrigger } from '../../../nodes/Phrase/PhraseCatchUpTrigger.node';
import { PhraseTrigger } from '../../../nodes/Phrase/PhraseTrigger.node';
import { testPhraseCredentials } from '../../../nodes/Phrase/credentialTest';
import { testSmartcatApi } from '../../../nodes/Smartcat/credentialTest';
import { fakeCredentialTestContext, type LegacyRequestSeen } from '../../helpers/legacyRequest';
import { LocalServer } from '../../simulators/localServer';

/**
 * Every vendor's Test button goes one way (nodes/common/http/credentialTestHttp.ts), with the nodes' rules: https
 * only (plain http only to loopback), no redirect followed with a credential, a bounded answer, no secret in the
 * result. A hostile server on 127.0.0.1 redirects to another origin (another port of 127.0.0.1), answers more
 * than an API answer may be, or repeats the request's URL.
 */
const SECRET = 'Secret-0f-the-Credential-42';

class Server extends LocalServer {
	requests: Array<{ method: string; url: string; authorization?: string; body: string }> = [];
	handler: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.end('{}');

	protected async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		this.requests.push({
			method: req.method ?? '',
			url: req.url ?? '',
			authorization: req.headers.authorization,
			body: Buffer.concat(chunks).toString(),
		});
		this.handler(req, res);
	}
}

type Test = (this: never, credential: ICredentialsDecrypted) => Promise<INodeCredentialTestResult>;

/** Each vendor's Test button with a credential pointing at `root`, every secret field set to SECRET. */
const VENDORS: Array<[string, Test, (root: string) => Record<string, string>]> = [
	[
		'Phrase TMS (user name and password)',
		testPhraseCredentials as Test,
		(root) => ({
			region: 'custom',
			baseUrl: `${root}/web`,
			authType: 'password',
			userName: 'pm',
			password: SECRET,
		}),
	],
	[
		'Phrase TMS (legacy token)',
		testPhraseCredentials as Test,
		(root) => ({ region: 'custom', baseUrl: `${root}/web`, authType: 'token', apiToken: SECRET }),
	],
	[
		'Phrase TMS (Platform token)',
		testPhraseCredentials as Test,
		(root) => ({
			region: 'custom',
			baseUrl: `${root}/web`,
			idmUrl: root,
			authType: 'platformToken',
			platformToken: SECRET,
		}),
	],
	[
		'Smartcat',
		testSmartcatApi as Test,
		(root) => ({ server: 'custom', baseUrl: root, accountId: 'acc', apiKey: SECRET }),
	],
	[
		'Gengo',
		testGengoCredentials as Test,
		(root) => ({ environment: 'custom', baseUrl: root, publicKey: 'pub', privateKey: SECRET }),
	],
	[
		'Wordbee Beebox',
		testBeeboxCredentials as Test,
		(root) => ({ serverUrl: root, projectKey: 'p1', login: 'connector', password: SECRET }),
	],
];

const run = async (test: Test, data: Record<string, string>, seen: LegacyRequestSeen[] = []) =>
	await (
		test as unknown as (
			this: unknown,
			c: ICredentialsDecrypted,
		) => Promise<INodeCredentialTestResult>
	).call(fakeCredentialTestContext(seen), { id: '1', name: 'test', type: 'any', data });

describe('credential Test buttons: one path, the nodes’ rules', () => {
	const vendor = new Server();
	const elsewhere = new Server();
	beforeAll(async () => {
		await vendor.start();
		await elsewhere.start();
	});
	afterAll(async () => {
		await vendor.stop();
		await elsewhere.stop();
	});
	beforeEach(() => {
		vendor.requests = [];
		elsewhere.requests = [];
		elsewhere.handler = (_req, res) => res.end('{"token":"t","access_token":"t","user":{}}');
	});

	it.each(VENDORS)(
		'%s: a redirect to another origin is an error; nothing reaches it',
		async (_name, test, data) => {
			vendor.handler = (req, res) =>
				res.writeHead(302, { location: `${elsewhere.url}${req.url ?? ''}` }).end();
			const result = await run(test, data(vendor.url));
			expect(result.status).toBe('Error');
			expect(result.message).toContain(`redirects (HTTP 302 to ${elsewhere.url})`);
			expect(result.message).not.toContain(SECRET);
			expect(vendor.requests).toHaveLength(1);
			expect(elsewhere.requests).toEqual([]);
		},
	);

	it.each(VENDORS)(
		'%s: plain http to another host is refused before anything is sent',
		async (_name, test, data) => {
			const seen: LegacyRequestSeen[] = [];
			const result = await run(test, data('http://vendor.example.com'), seen);
			expect(result).toMatchObject({
				status: 'Error',
				message: expect.stringContaining('not https'),
			});
			expect(seen).toEqual([]);
		},
	);

	it.each(VENDORS)(
		'%s: an answer repeating the URL and the secret shows neither',
		async (_name, test, data) => {
			vendor.handler = (req, res) =>
				res
					.writeHead(400, { 'content-type': 'text/plain' })
					.end(`Bad request ${vendor.url}${req.url ?? ''} ${SECRET} ${encodeURIComponent(SECRET)}`);
			const result = await run(test, data(vendor.url));
			expect(result.status).toBe('Error');
			expect(result.message).not.toContain(SECRET);
			expect(result.message).not.toMatch(/api_sig=|pwd=|token=/);
		},
	);

	it.each(VENDORS)(
		'%s: an answer larger than an API answer may be is refused',
		async (_name, test, data) => {
			vendor.handler = (_req, res) => {
				res.writeHead(200, { 'content-type': 'application/json' });
				const piece = Buffer.alloc(1024 * 1024, ' ');
				let sent = 0;
				const more = (): void => {
					while (sent < 64) {
						sent++;
						if (!res.write(piece)) return void res.once('drain', more);
					}
					res.end('{}');
				};
				res.write('[');
				more();
			};
			const result = await run(test, data(vendor.url));
			expect(result).toMatchObject({ status: 'Error', message: expect.stringContaining('32 MB') });
		},
	);
});

describe('Phrase TMS credential: its Test button is the nodes’ function, not a declarative request', () => {
	it('n8n uses a declarative test before any node’s function: the credential has none', () => {
		expect((new PhraseApi() as { test?: unknown }).test).toBeUndefined();
	});

	it('a Phrase TMS node names the function and provides it', () => {
		const nodes: INodeType[] = [new Phrase(), new PhraseTrigger(), new PhraseCatchUpTrigger()];
		const testing = nodes.filter((node) =>
			node.description.credentials?.some(
				(c) => c.name === 'phraseApi' && c.testedBy === 'testPhraseCredentials',
			),
		);
		expect(testing.length).toBeGreaterThan(0);
		for (const node of testing)
			expect(node.methods?.credentialTest?.testPhraseCredentials).toBe(testPhraseCredentials);
	});
});
