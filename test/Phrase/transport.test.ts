import { phraseBaseUrl, phraseTokenUrl } from '../../nodes/Phrase/servers';
import { PHRASE_API } from '../../nodes/Phrase/transport';

/** Phrase TMS error answers as messages and codes, the advice per status, and where each data center is. */
describe('Phrase TMS errors', () => {
	it.each([
		[{ errorCode: 'JobNotFound', errorDescription: 'Job not found' }, 'JobNotFound: Job not found'],
		[{ errorCode: 'Forbidden', message: 'no rights' }, 'Forbidden: no rights'],
		[{ errorDescription: 'only a description' }, 'only a description'],
		[{ errorCode: 'Code' }, 'Code'],
		[{ errorCode: 5, errorDescription: '' }, ''],
		[{}, ''],
		['x'.repeat(400), 'x'.repeat(300)],
		[null, ''],
		[7, ''],
	])('%j → %j', (body, message) => {
		expect(PHRASE_API.errorMessage(body)).toBe(message);
	});

	it("the error code is Phrase's errorCode when it is text", () => {
		expect(
			[{ errorCode: 'JobNotFound' }, { errorCode: 5 }, 'JobNotFound', null].map((body) =>
				PHRASE_API.errorCode!(body),
			),
		).toEqual(['JobNotFound', undefined, undefined, undefined]);
	});

	it('advice for 401 and 403', () => {
		expect([400, 401, 403, 404].map((status) => PHRASE_API.hint!(status))).toEqual([
			undefined,
			'Check the Phrase TMS credential (data center, user or token).',
			"The Phrase TMS user may not do this: webhooks and their history need Phrase's Administrator role.",
			undefined,
		]);
	});
});

describe('Phrase TMS data centers', () => {
	it.each([
		[{}, 'https://cloud.memsource.com/web'],
		[{ region: 'eu' }, 'https://cloud.memsource.com/web'],
		[{ region: 'us' }, 'https://us.cloud.memsource.com/web'],
		[{ region: 'mars' }, 'https://cloud.memsource.com/web'],
		[{ region: 'custom', baseUrl: ' https://tms.example/web// ' }, 'https://tms.example/web'],
		[{ region: 'custom' }, ''],
	])('API root of %j: %j', (credentials, root) => {
		expect(phraseBaseUrl(credentials)).toBe(root);
	});

	it('the token exchange of each data center, or the custom one; never in clear text', () => {
		expect(
			[
				{},
				{ region: 'eu' },
				{ region: 'us', idmUrl: 'https://ignored.example' },
				{ region: 'mars' },
			].map((credentials) => phraseTokenUrl(credentials)),
		).toEqual([
			'https://eu.phrase.com/idm/oauth/token',
			'https://eu.phrase.com/idm/oauth/token',
			'https://us.phrase.com/idm/oauth/token',
			'https://eu.phrase.com/idm/oauth/token',
		]);
		expect(phraseTokenUrl({ region: 'custom', idmUrl: ' https://idm.example// ' })).toBe(
			'https://idm.example/idm/oauth/token',
		);
		expect(() => phraseTokenUrl({ region: 'custom', idmUrl: 'http://idm.example' })).toThrow(
			/^Phrase TMS credential, Platform URL: /,
		);
		expect(() => phraseTokenUrl({ region: 'custom' })).toThrow(/Platform URL/);
	});
});
