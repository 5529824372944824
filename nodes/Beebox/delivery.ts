import { parseIsoTimestamp } from '../common/delivery/dates';
import { badRequest } from '../common/delivery/answers';
import { announcesBody, mediaType } from '../common/delivery/request';

/**
 * How a Beebox callback's parameters are read (help.wordbee.com/beebox/callbacks-parameters): from the query
 * string and, when Beebox POSTs, from a form body; dates and yes/no words in the forms Wordbee's pages show.
 */

/**
 * Reads one parameter from a parsed query string or form body. Express hands repeated parameters over as an
 * array: the same value repeated is accepted once, different values are a malformed delivery (which one would
 * be the real one?). Nested values (`a[b]=1`) and non-scalar JSON values are malformed too.
 */
export function singleParameter(params: Record<string, unknown>, name: string): string | undefined {
	const value = params[name];
	if (value === undefined || value === null) return undefined;
	if (typeof value === 'string') return value;
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	if (Array.isArray(value)) {
		const distinct = new Set(value.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))));
		if (distinct.size === 1 && typeof value[0] === 'string') return value[0];
		throw badRequest(`parameter "${name}" is given ${value.length} times with different values`);
	}
	throw badRequest(`parameter "${name}" must be a single value`);
}

/** Reads several parameters at once (see singleParameter). */
export function singleParameters<K extends string>(
	params: Record<string, unknown>,
	names: readonly K[],
): Partial<Record<K, string>> {
	const out: Partial<Record<K, string>> = {};
	for (const name of names) {
		const value = singleParameter(params, name);
		if (value !== undefined) out[name] = value;
	}
	return out;
}

/**
 * Beebox's dates: ISO 8601 only, in the forms Wordbee's pages show (`2007-04-05T14:30Z`, `2007-04-05T12:30-02:00`,
 * `2023-06-20 06:56:35Z`, `2015-01-20T08:48:21.2142634+00:00`), read by the reader every vendor shares.
 */
export const parseTimestamp = (text: string): Date | null => parseIsoTimestamp(text);

const TRUE_WORDS = new Set(['true', 'yes']);
const FALSE_WORDS = new Set(['false', 'no']);

/** `true`/`false`/`yes`/`no` in any case; undefined for anything else. */
export function parseBooleanWord(text: string): boolean | undefined {
	const word = text.trim().toLowerCase();
	if (TRUE_WORDS.has(word)) return true;
	if (FALSE_WORDS.has(word)) return false;
	return undefined;
}

/**
 * Query parameters, repaired for senders that append their own parameters with `?` to a URL that already has
 * a query string (`...?token=abc?bbid=1&bbevent=X` parses as token = `abc?bbid=1`): the part after the `?` is
 * read as further parameters. Parameters present both ways are kept both ways (singleParameter then decides).
 */
export function repairAppendedQuery(query: Record<string, unknown>): Record<string, unknown> {
	const out: Record<string, unknown> = { ...query };
	for (const [key, value] of Object.entries(query)) {
		if (typeof value !== 'string') continue;
		const at = value.indexOf('?');
		if (at < 0) continue;
		out[key] = value.slice(0, at);
		for (const [name, extra] of new URLSearchParams(value.slice(at + 1))) {
			out[name] = name in out ? ([] as unknown[]).concat(out[name], extra) : extra;
		}
	}
	return out;
}

const PARAMETER_BODIES = new Set(['application/x-www-form-urlencoded', 'application/json', '']);

/**
 * The parameters in the body of a delivery whose vendor may put its parameters there (Beebox's POST): none for
 * an empty body, the fields of a form (or of a JSON object). Any other body (XML, text, a JSON array, bytes)
 * cannot hold them and is malformed. `rawBody` is what n8n read from the wire, when it is known.
 */
export function parametersFromBody(
	headers: Record<string, unknown>,
	body: unknown,
	rawBody: unknown,
): Record<string, unknown> {
	const record =
		body !== null && typeof body === 'object' && !Array.isArray(body) && !Buffer.isBuffer(body)
			? (body as Record<string, unknown>)
			: undefined;
	const empty = Buffer.isBuffer(rawBody)
		? rawBody.length === 0
		: body === undefined || body === null
			? !announcesBody(headers) // a body n8n did not read (its type is none n8n parses)
			: !!record && Object.keys(record).length === 0;
	if (empty) return {};
	const type = mediaType(headers);
	// a body without a content type is never parsed by n8n: its fields come from elsewhere (a test) or not at all
	if (record && PARAMETER_BODIES.has(type) && (type || !Buffer.isBuffer(rawBody))) return record;
	const what = !type
		? 'a body without a content type'
		: type === 'application/json'
			? 'JSON other than an object'
			: type;
	throw badRequest(
		`the body must hold form parameters (application/x-www-form-urlencoded), not ${what}`,
	);
}

/** Query and body parameters together; a name present in both keeps both values (see singleParameter). */
export function mergeParameters(
	query: Record<string, unknown>,
	body: Record<string, unknown>,
): Record<string, unknown> {
	const out: Record<string, unknown> = { ...query };
	for (const [name, value] of Object.entries(body)) {
		out[name] = name in out ? ([] as unknown[]).concat(out[name], value) : value;
	}
	return out;
}
