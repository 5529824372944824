import { PhraseApi } from '../../credentials/PhraseApi.credentials';

/** The Phrase TMS credential's token answers, without a vendor. */
describe('PhraseApi.preAuthentication', () => {
	// n8n's full response, as asked for (returnFullResponse): a 200 with the body
	const answering = (answer: unknown) =>
		({
			helpers: { httpRequest: async () => ({ statusCode: 200, body: answer, headers: {} }) },
		}) as never;

	it('a token exchange answered without an access token is an error saying so', async () => {
		for (const answer of [{}, { access_token: '' }, { access_token: 5 }, null])
			await expect(
				new PhraseApi().preAuthentication.call(answering(answer), {
					authType: 'platformToken',
					region: 'eu',
					platformToken: 't',
				}),
			).rejects.toThrow('Phrase answered the token exchange without an access_token');
	});

	it('a login answered without a token gives an empty token (n8n then fails the first call with 401)', async () => {
		expect(
			await new PhraseApi().preAuthentication.call(answering(null), {
				authType: 'password',
				region: 'eu',
				userName: 'u',
				password: 'p',
			}),
		).toEqual({ sessionToken: '' });
		expect(
			await new PhraseApi().preAuthentication.call(answering(null), { authType: 'token' }),
		).toEqual({ sessionToken: '' });
	});
});
