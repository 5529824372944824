import { createHash, randomBytes, timingSafeEqual } from 'crypto';

/**
 * Compares a received secret with the expected one in constant time. Both sides are hashed first, so neither
 * the comparison nor an early length check reveals how much of the secret an attacker got right, or its length.
 * A missing or non-string value never matches, and an empty expected secret matches nothing.
 */
export function secretMatches(received: unknown, expected: string): boolean {
	if (typeof received !== 'string' || expected.length === 0) return false;
	const a = createHash('sha256').update(received, 'utf8').digest();
	const b = createHash('sha256').update(expected, 'utf8').digest();
	return timingSafeEqual(a, b);
}

/** A new random secret, URL-safe (for a URL path, a query string or an HTTP header). */
export function generateSecret(bytes = 24): string {
	return randomBytes(bytes).toString('base64url');
}

/** The shortest secret token the nodes accept from a user: shorter ones are guessable. */
export const MIN_SECRET_LENGTH = 16;
