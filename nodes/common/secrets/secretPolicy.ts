import { createHash, createHmac, timingSafeEqual } from 'crypto';

/**
 * THE secret rule of every trigger (README "Security"): a delivery must prove a secret unless the user chose
 * "no secret" explicitly, with a warning in the node. A secret is at least MIN_SECRET_LENGTH characters of
 * letters, digits, `-` and `_` (safe unchanged in a URL path, a query string and an HTTP header, the three places
 * our vendors can carry one), with at least MIN_DISTINCT_CHARACTERS different characters and not one shorter piece
 * repeated: `aaaaaaaaaaaaaaaa` or `abcabcabcabcabca` is long enough and still guessed at once. An empty field is
 * never "no secret": it is a setting that cannot work, refused when the workflow is activated.
 */
export const MIN_SECRET_LENGTH = 16;
export const MIN_DISTINCT_CHARACTERS = 8;
const SECRET_CHARACTERS = /^[A-Za-z0-9_-]+$/;

/** The rule in words, for error messages, hints and the credential. */
export const SECRET_RULE = `at least ${MIN_SECRET_LENGTH} letters, digits, - or _, with at least ${MIN_DISTINCT_CHARACTERS} different characters and not one piece repeated (like abcabc…)`;

/** Whether the whole secret is one shorter piece repeated (`abab…`, `abcab`: period at most half the length). */
function repeatsOnePiece(secret: string): boolean {
	for (let period = 1; period <= secret.length / 2; period++) {
		let repeats = true;
		for (let i = period; i < secret.length && repeats; i++)
			repeats = secret[i] === secret[i - period];
		if (repeats) return true;
	}
	return false;
}

/** Why a secret the user gave does not meet the rule, or undefined when it does. Never echoes the secret. */
export function secretProblem(secret: unknown): string | undefined {
	if (typeof secret !== 'string' || secret.length === 0) return 'no secret is set';
	if (secret.length < MIN_SECRET_LENGTH)
		return `the secret has ${secret.length} characters; it needs at least ${MIN_SECRET_LENGTH}`;
	if (!SECRET_CHARACTERS.test(secret))
		return 'the secret may only contain letters, digits, - and _';
	const distinct = new Set(secret).size;
	if (distinct < MIN_DISTINCT_CHARACTERS)
		return `the secret has only ${distinct} different character${distinct === 1 ? '' : 's'}; it needs at least ${MIN_DISTINCT_CHARACTERS}`;
	if (repeatsOnePiece(secret)) return 'the secret is one shorter piece repeated';
	return undefined;
}

/**
 * How to get a strong secret in one step: n8n runs no code when a credential is created, so it cannot generate
 * one; a one-line command can.
 */
export const STRONG_SECRET_IN_ONE_STEP =
	'No secret yet? Run <code>openssl rand -hex 32</code> and paste its output into a new Translation Webhook Secret credential.';

/**
 * n8n selects a node's credential by itself when only one of its type exists, and offers no way for a node to
 * stop that: one secret would then silently serve every vendor's trigger. Said wherever the secret is chosen.
 */
export const ONE_SECRET_PER_VENDOR =
	'n8n picks an existing Translation Webhook Secret credential by itself: create one per vendor (e.g. "Gengo webhook secret"), so that one leaked secret does not open every vendor\'s trigger';

/** How to make a secret that passes, for error descriptions and hints. */
export const SECRET_ADVICE = `Use a random secret, e.g. the output of "openssl rand -hex 32". The rule: ${SECRET_RULE}.`;

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

/** Length of a derived secret: 32 base64url characters (192 bits), what registration generated before. */
const DERIVED_SECRET_LENGTH = 32;

/**
 * A secret derived from a key that is itself secret: HMAC-SHA256(key, message) in base64url, cut to 32 characters
 * (letters, digits, - and _). The same key and message give the same secret, so it never needs to be stored;
 * without the key, knowing the message tells nothing about it.
 */
export function deriveSecret(key: string, message: string): string {
	return createHmac('sha256', key)
		.update(message, 'utf8')
		.digest('base64url')
		.slice(0, DERIVED_SECRET_LENGTH);
}
