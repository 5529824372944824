import { generateSecret, secretMatches } from '../../nodes/common/secretPolicy';

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

describe('generateSecret', () => {
	it('makes distinct URL-safe secrets', () => {
		const a = generateSecret();
		expect(a).toMatch(/^[A-Za-z0-9_-]{32}$/);
		expect(generateSecret()).not.toBe(a);
	});
});
