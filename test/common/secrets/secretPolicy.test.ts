import {
	deriveSecret,
	MIN_DISTINCT_CHARACTERS,
	SECRET_ADVICE,
	secretMatches,
	secretProblem,
	SECRET_RULE,
} from '../../../nodes/common/secrets/secretPolicy';

describe('secretMatches', () => {
	it('matches the same secret only', () => {
		expect(secretMatches('s3cret-token-1234', 's3cret-token-1234')).toBe(true);
		expect(secretMatches('s3cret-token-1235', 's3cret-token-1234')).toBe(false);
		expect(secretMatches('s3cret-token-12345', 's3cret-token-1234')).toBe(false);
		expect(secretMatches('', 's3cret-token-1234')).toBe(false);
	});
	it('never matches a missing, non-string or empty expected secret', () => {
		expect(secretMatches(undefined, 'abc')).toBe(false);
		expect(secretMatches(['abc'], 'abc')).toBe(false);
		expect(secretMatches('', '')).toBe(false);
	});
});

describe('deriveSecret', () => {
	it('is HMAC-SHA256 of the message under the key, base64url, 32 characters', () => {
		// RFC 4231 test case 2: HMAC-SHA256("Jefe", "what do ya want for nothing?")
		const hex = '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843';
		expect(deriveSecret('Jefe', 'what do ya want for nothing?')).toBe(
			Buffer.from(hex, 'hex').toString('base64url').slice(0, 32),
		);
	});
	it('gives the same value for the same key and message, another for another key or message', () => {
		const a = deriveSecret('key-one', 'message');
		expect(a).toMatch(/^[A-Za-z0-9_-]{32}$/);
		expect(secretProblem(a)).toBeUndefined();
		expect(deriveSecret('key-one', 'message')).toBe(a);
		expect(deriveSecret('key-two', 'message')).not.toBe(a);
		expect(deriveSecret('key-one', 'message2')).not.toBe(a);
	});
});

describe('the secret rule refuses low-variety secrets, naming the rule', () => {
	it.each([
		['one character repeated', 'aaaaaaaaaaaaaaaa', 'only 1 different character;'],
		['two characters', 'abababababababab', 'only 2 different characters'],
		['seven characters', 'abcdefgabcdefgab', 'only 7 different characters'],
		['eight characters repeated', 'abcdefghabcdefgh', 'one shorter piece repeated'],
		[
			'a repeated piece that does not end whole',
			'Xy3-Kq9_Zw1Xy3-Kq9_Zw1Xy3',
			'one shorter piece repeated',
		],
	])('%s', (_what, secret, problem) => {
		expect(secretProblem(secret)).toContain(problem);
	});

	it('accepts random secrets of the documented kinds', () => {
		for (const secret of [
			'0123456789abcdef',
			'k3J9f0aZ-x_7Qm2PzR8tLw4N',
			'9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
		])
			expect(secretProblem(secret)).toBeUndefined();
	});

	it('the advice says the rule and how to get a strong secret', () => {
		expect(SECRET_RULE).toContain(`at least ${MIN_DISTINCT_CHARACTERS} different characters`);
		expect(SECRET_ADVICE).toContain('openssl rand -hex 32');
		expect(SECRET_ADVICE).toContain(SECRET_RULE);
	});
});
