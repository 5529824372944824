/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets -- developer tooling: runs in Node.js, never inside n8n, so n8n's rules for node code do not apply (CONTRIBUTING.md, "Lint") */
import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { PhraseApi } from '../../credentials/PhraseApi.credentials';
import { getJob } from '../../nodes/Phrase/api';
import { testPhraseCredentials } from '../../nodes/Phrase/credentialTest';
import { phraseTokenUrl } from '../../nodes/Phrase/servers';
import { fakeExecuteContext, httpRequest } from '../helpers/fakeContext';
import { fakeCredentialTestContext } from '../helpers/legacyRequest';
import { PhraseSimulator } from '../simulators/phrase';

/**
 * The Phrase TMS API credential, each kind of token (developers.phrase.com/en/api/tms/latest/authentication):
 * a Platform API token exchanged for a Bearer access token, user name and password for an ApiToken, a legacy TMS
 * token; renewal after a 401; no token sent over plain http.
 */
const PLATFORM_TOKEN = 'platform-api-token-for-tms-0123456789';
const LEGACY_TOKEN = 'legacy-tms-token-0123456789';

describe('Phrase TMS API credential', () => {
	let phrase: PhraseSimulator;
	beforeAll(async () => {
		phrase = await new PhraseSimulator({
			userName: 'pm',
			password: 'pw',
			platformTokens: [PLATFORM_TOKEN],
			apiTokens: [LEGACY_TOKEN],
			projects: { prj1: [{ uid: 'job1', status: 'NEW' }] },
		}).start();
	});
	afterAll(async () => phrase.stop());

	const credential = (data: IDataObject): ICredentialDataDecryptedObject => ({
		region: 'custom',
		baseUrl: phrase.baseUrl,
		idmUrl: phrase.idmUrl,
		...(data as ICredentialDataDecryptedObject),
	});
	const call = async (data: IDataObject) => {
		const { ctx, requests } = fakeExecuteContext({ credentials: { phraseApi: data } });
		const job = await getJob(ctx, 'prj1', 'job1');
		return { job, requests };
	};

	it.each([
		[
			'a Phrase Platform API token',
			'Bearer',
			{ authType: 'platformToken', platformToken: PLATFORM_TOKEN },
		],
		[
			'user name and password',
			'ApiToken',
			{ authType: 'password', userName: 'pm', password: 'pw' },
		],
		[
			'user name and password (saved without authType)',
			'ApiToken',
			{ userName: 'pm', password: 'pw' },
		],
		['a legacy TMS token', 'ApiToken', { authType: 'token', apiToken: LEGACY_TOKEN }],
	])('%s works, sent as %s', async (_name, scheme, data) => {
		const { job } = await call(credential(data));
		expect(job.uid).toBe('job1');
		expect(phrase.requests.at(-1)).toMatchObject({ authorized: true, authorization: scheme });
	});

	it('exchanges the Platform API token as Phrase documents it (form-encoded token exchange)', async () => {
		const before = phrase.exchanges;
		const answer = await new PhraseApi().preAuthentication.call(
			{ helpers: { httpRequest } } as never,
			credential({ authType: 'platformToken', platformToken: PLATFORM_TOKEN }),
		);
		expect(answer.sessionToken).toMatch(/^jwt\./);
		expect(phrase.exchanges).toBe(before + 1);
	});

	it("the authenticate header follows the kind of token (n8n's expression)", () => {
		const header = new PhraseApi().authenticate.properties.headers!.Authorization as string;
		expect(header).toContain('$credentials.authType === "platformToken" ? "Bearer " : "ApiToken "');
	});

	it('renews an expired access token once and goes on (n8n pre-authentication after a 401)', async () => {
		const data = credential({ authType: 'platformToken', platformToken: PLATFORM_TOKEN });
		await call(data);
		const exchanges = phrase.exchanges;
		phrase.expireTokens();
		const { job } = await call(data);
		expect(job.uid).toBe('job1');
		expect(phrase.exchanges).toBe(exchanges + 1);
	});

	it('a refused Platform API token says what to check', async () => {
		const error = await new PhraseApi().preAuthentication
			.call(
				{ helpers: { httpRequest } } as never,
				credential({ authType: 'platformToken', platformToken: 'revoked' }),
			)
			.catch((e: Error) => e);
		expect((error as Error).message).toMatch(/generated for the TMS service/);
	});

	it("exchanges at the data center's identity service; never over plain http to another host", () => {
		expect(phraseTokenUrl({ region: 'eu' })).toBe('https://eu.phrase.com/idm/oauth/token');
		expect(phraseTokenUrl({ region: 'us' })).toBe('https://us.phrase.com/idm/oauth/token');
		expect(phraseTokenUrl({ region: 'custom', idmUrl: 'http://127.0.0.1:9/' })).toBe(
			'http://127.0.0.1:9/idm/oauth/token',
		);
		expect(() => phraseTokenUrl({ region: 'custom', idmUrl: 'http://idm.example.com' })).toThrow(
			/not https/,
		);
	});

	it('does not send a password over plain http to another host', async () => {
		const error = await new PhraseApi().preAuthentication
			.call({ helpers: { httpRequest } } as never, {
				region: 'custom',
				baseUrl: 'http://phrase.example.com/web',
				userName: 'pm',
				password: 'pw',
			})
			.catch((e: Error) => e);
		expect((error as Error).message).toMatch(/not https/);
	});

	describe('the Test button (the nodes’ login or token exchange, then "who am I")', () => {
		const test = async (data: IDataObject) =>
			await testPhraseCredentials.call(fakeCredentialTestContext(), {
				id: '1',
				name: 'phrase',
				type: 'phraseApi',
				data: credential(data),
			});

		it.each([
			['a Platform API token', { authType: 'platformToken', platformToken: PLATFORM_TOKEN }],
			['user name and password', { authType: 'password', userName: 'pm', password: 'pw' }],
			['a legacy TMS token', { authType: 'token', apiToken: LEGACY_TOKEN }],
		])('%s: connected, as whom and where', async (_name, data) => {
			expect(await test(data)).toEqual({
				status: 'OK',
				message: 'Connected to Phrase TMS as pm (Simulated organisation)',
			});
		});

		it("a refused login: Phrase's message, without the password", async () => {
			const result = await test({
				authType: 'password',
				userName: 'pm',
				password: 'wrong-password-1',
			});
			expect(result).toEqual({
				status: 'Error',
				message: 'Phrase TMS login failed: HTTP 401: AuthInvalidCredentials: Invalid credentials',
			});
		});

		it('a refused token: what to check', async () => {
			expect(await test({ authType: 'token', apiToken: 'not-a-token-0000' })).toMatchObject({
				status: 'Error',
				message: expect.stringMatching(
					/^Phrase TMS answered HTTP 401.*Check the Phrase TMS credential/,
				),
			});
		});
	});
});
