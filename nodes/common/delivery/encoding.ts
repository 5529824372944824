/** Content codings n8n undoes before a trigger sees the body; with any other the body arrives still encoded. */
const DECODED_BY_N8N = new Set(['', 'identity', 'gzip', 'deflate']);

// fatal: throws on bytes that are not UTF-8 instead of putting U+FFFD in their place
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function isUtf8(bytes: Buffer): boolean {
	try {
		utf8.decode(bytes);
		return true;
	} catch {
		return false;
	}
}

/** Whether every `&`-separated part of a query string or form body percent-decodes to UTF-8. */
function percentEncodingValid(text: string): boolean {
	for (const part of text.split('&')) {
		try {
			decodeURIComponent(part.replace(/\+/g, ' '));
		} catch {
			return false;
		}
	}
	return true;
}

/** The parts of n8n's request object this check reads (rawBody: the bytes n8n read, before it parsed them). */
export interface RawRequest {
	rawBody?: unknown;
	originalUrl?: string;
	url?: string;
}

/**
 * Why a delivery's bytes cannot be what the vendor meant, or undefined when they can: a Content-Encoding n8n
 * does not undo, a query string or form body with a broken percent-escape or percent-encoded bytes that are
 * not UTF-8, a body that is not UTF-8. Every vendor sends UTF-8 (JSON requires it); n8n would otherwise hand
 * the trigger such text with U+FFFD in place of the bytes, or the escape as it stands, and a workflow would
 * run on text nobody sent.
 */
export function malformedEncoding(
	request: RawRequest,
	contentEncoding: string | undefined,
	mediaType: string,
): string | undefined {
	const coding = (contentEncoding ?? '').trim().toLowerCase();
	if (!DECODED_BY_N8N.has(coding))
		return `Content-Encoding "${coding.slice(0, 40)}" is not supported: send the body as it is, gzip or deflate`;
	const url = request.originalUrl ?? request.url ?? '';
	const query = url.indexOf('?');
	if (query >= 0 && !percentEncodingValid(url.slice(query + 1)))
		return 'the query string is not valid percent-encoded UTF-8';
	const raw = request.rawBody;
	if (Buffer.isBuffer(raw) && raw.length > 0) {
		if (!isUtf8(raw)) return 'the body is not valid UTF-8';
		if (
			mediaType === 'application/x-www-form-urlencoded' &&
			!percentEncodingValid(raw.toString('utf8'))
		) {
			return 'the form body is not valid percent-encoded UTF-8';
		}
	}
	return undefined;
}
