import { credentialSecrets, redact } from '../../../nodes/common/secrets/redact';
import { VendorApiError } from '../../../nodes/common/http/vendorError';
import unknownMethod from '../../fixtures/public/beebox/api-error-404-unknown-method.json';

/**
 * The one redaction of what vendors' servers write into messages (nodes/common/secrets/redact.ts). The URL forms are
 * those web servers repeat: ASP.NET Web API's "No HTTP resource was found that matches the request URI '…'"
 * (Wordbee's Beebox error-handling page, fixture api-error-404-unknown-method.json), an HTML error page's
 * escaped link, a percent-encoded return URL, a JSON-escaped one.
 */
const SECRET = "p@ss w'rd&é";

describe('redact', () => {
	it("removes the query of the URL ASP.NET Web API repeats (Wordbee's own example)", () => {
		expect(redact(unknownMethod.body.Message)).toBe(
			"No HTTP resource was found that matches the request URI 'http://localhost:1781/api/details'.",
		);
	});

	it.each([
		[
			'absolute, in quotes',
			"URI 'https://b.example.com/api/connect?login=a&pwd=x1'.",
			"URI 'https://b.example.com/api/connect'.",
		],
		['relative', 'GET /api/connect?pwd=x1 failed', 'GET /api/connect failed'],
		[
			'with a fragment',
			'see https://b.example.com/a#access_token=x1 now',
			'see https://b.example.com/a now',
		],
		[
			'HTML-escaped',
			'<a href="/api/connect?login=a&amp;pwd=x1">here</a>',
			'<a href="/api/connect">here</a>',
		],
		[
			'percent-encoded',
			'ReturnUrl=%2Fapi%2Fconnect%3Fpwd%3Dx1 refused',
			'ReturnUrl=%2Fapi%2Fconnect refused',
		],
		['twice percent-encoded', 'next=%252Fapi%253Fpwd%253Dx1', 'next=%252Fapi'],
		['as an HTML entity', '/api/connect&#63;pwd=x1', '/api/connect'],
		[
			'JSON-escaped',
			String.raw`"url":"/api/connect\u003fpwd=x1"`,
			String.raw`"url":"/api/connect"`,
		],
		[
			'a secret pair outside a URL',
			'body: login=a&pwd=x1&waitsecs=5',
			'body: login=a&pwd=[redacted]&waitsecs=5',
		],
		['a secret in JSON', '{"password":"x1","login":"a"}', '{"password":"[redacted]","login":"a"}'],
		['a token pair, encoded', 'sessionToken%3Dx1', 'sessionToken%3D[redacted]'],
	])('%s', (_name, text, expected) => {
		expect(redact(text)).toBe(expected);
	});

	it('leaves ordinary sentences alone: questions, numbers, hints', () => {
		for (const text of [
			'Beebox login failed: the server answered no session token (is the Server URL the Beebox?)',
			'Job #12 is not ready. Retry?',
			'"c?1" is not a valid Smartcat client ID',
			'{"code":"E401","message":"bad key"}',
			'Check the credential: password, key and server.',
		])
			expect(redact(text)).toBe(text);
	});

	it("masks the credential's secret values in every form a server writes them", () => {
		const forms = [
			SECRET,
			encodeURIComponent(SECRET),
			new URLSearchParams({ v: SECRET }).toString().slice(2),
			'p@ss w&#39;rd&amp;é',
			JSON.stringify(SECRET).slice(1, -1),
		];
		for (const form of forms) {
			const text = redact(`login failed for ${form} today`, [SECRET]);
			expect(text).toBe('login failed for [redacted] today');
		}
	});

	it('a vendor error is redacted when it is made, with the secrets it is given', () => {
		const error = new VendorApiError(`Beebox login failed: '/api/connect?pwd=x1' ${SECRET}`, 404, {
			secrets: [SECRET],
		});
		expect(error.message).toBe("Beebox login failed: '/api/connect' [redacted]");
	});

	it("a credential's secrets: passwords, keys and tokens, not its identifiers or URLs", () => {
		expect(
			credentialSecrets({
				serverUrl: 'https://b.example.com',
				login: 'connector',
				password: 'pw1',
				apiKey: 'k1',
				privateKey: 'k2',
				platformToken: 't1',
				sessionToken: '',
				accountId: 'acc',
				region: 'eu',
				authType: 'password',
			}),
		).toEqual(['pw1', 'k1', 'k2', 't1']);
	});
});
