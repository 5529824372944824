/**
 * What a vendor's server writes into an error answer is shown to the user (the execution's error, a credential
 * Test result) and lands in n8n's log. Web servers repeat the request's URL in their error pages (IIS's and
 * ASP.NET's 404 pages, ASP.NET Web API's "No HTTP resource was found that matches the request URI '…'"), query
 * included; a URL's query and fragment are where a password, a session token or a signature can travel. So
 * every text a vendor wrote passes through `redact` before it reaches a message: query strings and fragments of
 * any URL (absolute or relative, plain, percent-encoded, HTML- or JSON-escaped) are removed, `name=value` pairs
 * with a secret's name are masked, and the credential's own secret values are masked in every encoding.
 */

const MASK = '[redacted]';

/** `?` as it appears in text: plain, percent-encoded (once or more), as an HTML entity, as a JSON escape. */
const QUESTION_MARK = String.raw`(?:\?|%(?:25)*3f|&#0*63;|&#x0*3f;|\\u003f)`;
/** `#` likewise: a fragment is removed only right after a URL character (`job #12` stays). */
const HASH = String.raw`(?:#|%(?:25)*23|&#0*35;|&#x0*23;|\\u0023)`;
/** Where a URL ends in text: white space, quotes and markup. */
const URL_REST = String.raw`[^\s"'<>\`]+`;
/**
 * A query has a `name=value` (`?pwd=`, `?a&pwd%3D`): not `(is it a URL?)`, nor an id quoted in a message
 * (`"c?1" is not a valid id`).
 */
const QUERY = new RegExp(
	`${QUESTION_MARK}(?=[\\w%&=])(?=[^\\s"'<>\`]*(?:=|%(?:25)*3d))${URL_REST}`,
	'gi',
);
const FRAGMENT = new RegExp(`(?<=[\\w/.~%-])${HASH}(?=[\\w%&=!/])${URL_REST}`, 'gi');

/** Names under which a secret travels as `name=value` (a query, a form body) or `"name": "value"` (JSON). */
const SECRET_NAME = String.raw`(?:pwd|passw(?:or)?d|pass|[\w-]*token|api[_-]?key|api[_-]?sig|secret|[\w-]*signature|sig|session(?:[_-]?id)?|auth(?:orization)?|access[_-]?key|private[_-]?key)`;
const SECRET_PAIR = new RegExp(`\\b(${SECRET_NAME})((?:=|%(?:25)*3d)\\s*)[^\\s&"'<>,;]+`, 'gi');
const SECRET_JSON = new RegExp(`("${SECRET_NAME}"\\s*:\\s*)"(?:[^"\\\\]|\\\\.)*"`, 'gi');

/** The forms a value takes in text a server writes: as sent in a URL or a form, escaped in HTML or JSON. */
function encodings(value: string): string[] {
	const html = value
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;');
	const forms = [
		value,
		encodeURIComponent(value),
		new URLSearchParams({ v: value }).toString().slice(2),
		html,
		html.replace(/'/g, '&#39;'),
		JSON.stringify(value).slice(1, -1),
	];
	return [...new Set(forms)].sort((a, b) => b.length - a.length);
}

/**
 * A text from a vendor (or an error about a call to one) with URL queries and fragments removed and secrets
 * masked. `secrets`: values to mask wherever they appear (a credential's password, key or token); values
 * shorter than 4 characters are left alone (they would mask ordinary words).
 */
export function redact(text: string, secrets: readonly unknown[] = []): string {
	let out = String(text);
	for (const secret of secrets) {
		if (typeof secret !== 'string' || secret.length < 4) continue;
		for (const form of encodings(secret)) out = out.split(form).join(MASK);
	}
	return out
		.replace(QUERY, '')
		.replace(FRAGMENT, '')
		.replace(SECRET_PAIR, `$1$2${MASK}`)
		.replace(SECRET_JSON, `$1"${MASK}"`);
}

/** Field names of a credential that hold a secret (password, apiKey, privateKey, platformToken, sessionToken…). */
const SECRET_FIELD = /pass|pwd|token|key|secret/i;

/** The secret values of a credential's data, for `redact`. Identifiers and URLs are not secret. */
export function credentialSecrets(data: Record<string, unknown> | undefined): string[] {
	return Object.entries(data ?? {})
		.filter(([name, value]) => SECRET_FIELD.test(name) && typeof value === 'string' && value)
		.filter(([name]) => !/url|region|type/i.test(name))
		.map(([, value]) => value as string);
}

/**
 * An error answer's body with every text in it redacted (`redact`), for code that reads a vendor's error
 * answers itself and quotes them: a hostile server knows the password it was sent at login and may repeat it
 * in any later answer.
 */
export function redactDeep(value: unknown, secrets: readonly unknown[] = []): unknown {
	if (typeof value === 'string') return redact(value, secrets);
	if (Array.isArray(value)) return value.map((item) => redactDeep(item, secrets));
	if (value && typeof value === 'object')
		return Object.fromEntries(
			Object.entries(value).map(([key, item]) => [key, redactDeep(item, secrets)]),
		);
	return value;
}
