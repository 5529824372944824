/* eslint-disable @n8n/community-nodes/no-hardcoded-secrets -- developer tooling: runs in Node.js, never inside n8n, so n8n's rules for node code do not apply (CONTRIBUTING.md, "Lint") */
import { fakeExecuteContext } from '../helpers/fakeContext';
import { Recorder } from '../helpers/recorder';

/**
 * The Smartcat API credential signs requests with HTTP Basic auth, the account ID as user name and the API key
 * as password: Smartcat's API examples send "Authorization: Basic ..." (help.smartcat.ai/hc/en-us/articles/
 * 360020454811), and Blackbird's Smartcat app builds it from "Account ID" (userName) and "API Key" (password)
 * (github.com/bb-io/Smartcat, Smartcat/Connections/ConnectionDefinition.cs and Smartcat/API/SmartcatRequest.cs).
 * The request goes through the credential's own generic `authenticate`, resolved the way n8n resolves it.
 */
const ACCOUNT_ID = '91c6d7fa-4677-490b-a048-6f418e9ee55e';
const API_KEY = '4_Xw7sYhZk2Qp9RmVb3Lc8Nd';

describe('Smartcat API credential', () => {
	let smartcat: Recorder;
	beforeAll(async () => {
		smartcat = await new Recorder().start();
	});
	afterAll(async () => smartcat.stop());

	it('sends the account ID as user name and the API key as password', async () => {
		const { ctx } = fakeExecuteContext({
			credentials: {
				smartcatApi: {
					accountId: ACCOUNT_ID,
					apiKey: API_KEY,
					server: 'custom',
					baseUrl: smartcat.url,
				},
			},
		});
		await ctx.helpers.httpRequestWithAuthentication.call(ctx, 'smartcatApi', {
			method: 'GET',
			url: `${smartcat.url}/api/integration/v1/account`,
		});
		const authorization = String(smartcat.received[0].headers.authorization);
		expect(authorization).toMatch(/^Basic /);
		const decoded = Buffer.from(authorization.slice('Basic '.length), 'base64').toString('utf8');
		expect(decoded).toBe(`${ACCOUNT_ID}:${API_KEY}`);
	});
});
