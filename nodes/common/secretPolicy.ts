import { createHash, randomBytes, timingSafeEqual } from 'crypto';

/**
 * THE secret rule of every trigger (README "Security"): a delivery must prove a secret unless the user chose
 * "no secret" explicitly, with a warning in the node. A secret is at least MIN_SECRET_LENGTH characters of
 * letters, digits, `-` and `_`: long enough not to be guessed, and safe unchanged in a URL path, a query string
 * and an HTTP header, the three places our vendors can carry one. An empty field is never "no secret": it is a
 * setting that cannot work, refused when the workflow is activated.
 */
export const MIN_SECRET_LENGTH = 16;
const SECRET_CHARACTERS = /^[A-Za-z0-9_-]+$/;

/** Why a secret the user gave does not meet the rule, or undefined when it does. Never echoes the secret. */
export function secretProblem(secret: unknown): string | undefined {
	if (typeof secret !== 'string' || secret.length === 0) return 'no secret is set';
	if (secret.length < MIN_SECRET_LENGTH)
		return `the secret has ${secret.length} characters; it needs at least ${MIN_SECRET_LENGTH}`;
	if (!SECRET_CHARACTERS.test(secret))
		return 'the secret may only contain letters, digits, - and _';
	return undefined;
}

/** How to make a secret that passes, for error descriptions and hints. */
export const SECRET_ADVICE = `Use at least ${MIN_SECRET_LENGTH} random letters, digits, - or _, e.g. the output of "openssl rand -hex 24".`;

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

/** A new random secret that meets the rule (base64url: letters, digits, - and _; 32 characters). */
export function generateSecret(bytes = 24): string {
	return randomBytes(bytes).toString('base64url');
}
