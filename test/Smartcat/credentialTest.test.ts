import { SmartcatApi } from '../../credentials/SmartcatApi.credentials';
import { testSmartcatApi } from '../../nodes/Smartcat/credentialTest';
import { SMARTCAT_STATUSES } from '../../nodes/Smartcat/events';
import { smartcatApiRoot } from '../../nodes/Smartcat/servers';
import { Smartcat } from '../../nodes/Smartcat/Smartcat.node';
import { SmartcatCatchUpTrigger } from '../../nodes/Smartcat/SmartcatCatchUpTrigger.node';
import { SmartcatTrigger } from '../../nodes/Smartcat/SmartcatTrigger.node';
import { fakeCredentialTestContext } from '../helpers/legacyRequest';
import { SmartcatSimulator } from '../simulators/smartcat';

describe('Smartcat API credential: the Test button', () => {
	let smartcat: SmartcatSimulator;
	beforeAll(async () => {
		smartcat = await new SmartcatSimulator({ accountId: 'acc-1', apiKey: 'key-1' }).start();
	});
	afterAll(async () => smartcat.stop());

	const test = (data: Record<string, string>) =>
		testSmartcatApi.call(fakeCredentialTestContext(), {
			id: '1',
			name: 'smartcat',
			type: 'smartcatApi',
			data: { server: 'custom', baseUrl: smartcat.url, ...data },
		});

	it('says OK with the account for keys Smartcat accepts, with or without /api/integration/v1 in the URL', async () => {
		expect(await test({ accountId: 'acc-1', apiKey: 'key-1' })).toEqual({
			status: 'OK',
			message: 'Connected to Smartcat (account "Simulated account")',
		});
		expect(
			(
				await test({
					accountId: 'acc-1',
					apiKey: 'key-1',
					baseUrl: `${smartcat.url}/api/integration/v1/`,
				})
			).status,
		).toBe('OK');
		expect(smartcat.requests.at(-1)).toMatchObject({
			path: '/api/integration/v1/account',
			authorized: true,
		});
	});

	it('says what a wrong key means (not just "Unauthorized")', async () => {
		expect(await test({ accountId: 'acc-1', apiKey: 'wrong' })).toEqual({
			status: 'Error',
			message: expect.stringContaining(
				'Smartcat refused the account ID and API key (401). Check both (Smartcat: Settings → API) and the server',
			),
		});
	});

	it('says there is no API at a wrong URL, and when the API is unreachable', async () => {
		expect(
			(await test({ accountId: 'acc-1', apiKey: 'key-1', baseUrl: `${smartcat.url}/elsewhere` }))
				.message,
		).toContain('No Smartcat API at this address (404)');
		expect(
			(await test({ accountId: 'acc-1', apiKey: 'key-1', baseUrl: 'http://127.0.0.1:1' })).message,
		).toContain('Smartcat API unreachable at http://127.0.0.1:1/api/integration/v1');
		expect(
			(await test({ accountId: 'acc-1', apiKey: 'key-1', baseUrl: 'http://smartcat.example.com' }))
				.message,
		).toContain('is not https');
	});

	it('is the Test of every Smartcat node, and the credential has no other', () => {
		expect(new SmartcatApi()).not.toHaveProperty('test');
		for (const node of [new Smartcat(), new SmartcatTrigger(), new SmartcatCatchUpTrigger()]) {
			const entry = node.description.credentials?.find((c) => c.name === 'smartcatApi');
			expect(entry?.testedBy).toBe('testSmartcatApi');
			expect(node.methods.credentialTest.testSmartcatApi).toBe(testSmartcatApi);
		}
	});
});

describe("Smartcat's servers and statuses, as its documentation names them", () => {
	it('the three regions on smartcat.com; a custom URL with or without the API path', () => {
		expect(['europe', 'usa', 'asia'].map((server) => smartcatApiRoot({ server }))).toEqual([
			'https://smartcat.com/api/integration/v1',
			'https://us.smartcat.com/api/integration/v1',
			'https://ea.smartcat.com/api/integration/v1',
		]);
		expect(smartcatApiRoot({ server: 'custom', baseUrl: ' https://smartcat.ai/ ' })).toBe(
			'https://smartcat.ai/api/integration/v1',
		);
		expect(
			smartcatApiRoot({ server: 'custom', baseUrl: 'https://us.smartcat.ai/api/integration/v1/' }),
		).toBe('https://us.smartcat.ai/api/integration/v1');
	});

	it('project and document statuses of the OpenAPI enums', () => {
		expect(SMARTCAT_STATUSES.map((s) => s.value)).toEqual([
			'created',
			'inProgress',
			'completed',
			'canceled',
			'updated',
			'targetUpdated',
		]);
	});
});
