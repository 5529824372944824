import { GengoApi } from '../../credentials/GengoApi.credentials';

/** What the Gengo credential itself does to a request: it asks for JSON and signs with the keys. */
describe('GengoApi.authenticate', () => {
	it('asks for JSON unless the request says otherwise, and signs with the keys (none set: empty keys)', async () => {
		const signed = await new GengoApi().authenticate(
			{ publicKey: 'pub', privateKey: 'priv' },
			{ url: 'https://api.gengo.com/v2/account/balance', qs: { a: 1 } },
		);
		expect(signed.headers).toEqual({ Accept: 'application/json' });
		expect(signed.qs).toMatchObject({ a: 1, api_key: 'pub', ts: expect.any(String) });
		const own = await new GengoApi().authenticate(
			{},
			{ url: 'https://x', headers: { Accept: 'text/plain' } },
		);
		expect([own.headers, (own.qs as { api_key: string }).api_key]).toEqual([
			{ Accept: 'text/plain' },
			'',
		]);
	});
});
