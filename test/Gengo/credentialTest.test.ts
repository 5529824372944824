import { GengoApi } from '../../credentials/GengoApi.credentials';
import { testGengoCredentials } from '../../nodes/Gengo/credentialTest';
import { Gengo } from '../../nodes/Gengo/Gengo.node';
import { GengoCatchUpTrigger } from '../../nodes/Gengo/GengoCatchUpTrigger.node';
import { GengoTrigger } from '../../nodes/Gengo/GengoTrigger.node';
import { fakeCredentialTestContext } from '../helpers/legacyRequest';
import { GengoSimulator } from '../simulators/gengo';

describe('Gengo credential test button', () => {
	let gengo: GengoSimulator;
	beforeAll(async () => {
		gengo = await new GengoSimulator({ publicKey: 'pub', privateKey: 'priv', jobs: [] }).start();
	});
	afterAll(async () => gengo.stop());

	const test = (data: Record<string, string>) =>
		testGengoCredentials.call(fakeCredentialTestContext(), {
			id: '1',
			name: 'gengo',
			type: 'gengoApi',
			data: { environment: 'custom', baseUrl: gengo.baseUrl, ...data },
		});

	it('says OK with the balance for keys Gengo accepts', async () => {
		expect(await test({ publicKey: 'pub', privateKey: 'priv' })).toEqual({
			status: 'OK',
			message: 'Connected to Gengo (balance 123.45 USD)',
		});
	});

	it("shows Gengo's own message for refused keys", async () => {
		const result = await test({ publicKey: 'pub', privateKey: 'wrong' });
		expect(result.status).toBe('Error');
		expect(result.message).toContain('api_sig is invalid or the api_key is not recognized');
	});

	it('says the API is unreachable when it is', async () => {
		const result = await testGengoCredentials.call(fakeCredentialTestContext(), {
			id: '1',
			name: 'gengo',
			type: 'gengoApi',
			data: {
				environment: 'custom',
				baseUrl: 'http://127.0.0.1:1/v2',
				publicKey: 'pub',
				privateKey: 'priv',
			},
		});
		expect(result).toMatchObject({
			status: 'Error',
			message: expect.stringContaining('Gengo API unreachable'),
		});
	});
});

describe('Gengo credential: one Test button', () => {
	it("has no test of its own (n8n would run it instead of the nodes' testGengoCredentials)", () => {
		expect(new GengoApi()).not.toHaveProperty('test');
	});

	it.each([
		['Gengo', new Gengo()],
		['Gengo Trigger', new GengoTrigger()],
		['Gengo Catch-Up Trigger', new GengoCatchUpTrigger()],
	] as const)('%s tests gengoApi with testGengoCredentials', (_name, node) => {
		const entry = node.description.credentials?.find((c) => c.name === 'gengoApi');
		expect(entry?.testedBy).toBe('testGengoCredentials');
		expect(node.methods.credentialTest.testGengoCredentials).toBe(testGengoCredentials);
	});
});
