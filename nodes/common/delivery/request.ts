/** Reading a webhook request: its media type, a header, its body as a record. */
/** The media type of a request (`application/json` from `application/json; charset=utf-8`), lower case, or ''. */
export function mediaType(headers: Record<string, unknown>): string {
	const value = headers['content-type'];
	return typeof value === 'string' ? value.split(';')[0].trim().toLowerCase() : '';
}

/**
 * Whether a request carries a body (RFC 9112, section 6: a Content-Length above 0, or a Transfer-Encoding), read
 * from its headers alone. n8n reads a webhook node's body only for the content types it parses (JSON, form, text,
 * XML) from the node's version 2 on, so a body of any other type reaches the trigger unread: no rawBody, no body.
 */
export function announcesBody(headers: Record<string, unknown>): boolean {
	if (headerValue(headers, 'transfer-encoding') !== undefined) return true;
	const length = Number(headerValue(headers, 'content-length') ?? 0);
	return length !== 0;
}

/** A request header's value by name (case-insensitive), the first one if it was sent several times. */
export function headerValue(headers: Record<string, unknown>, name: string): string | undefined {
	const wanted = name.toLowerCase();
	for (const [key, value] of Object.entries(headers)) {
		if (key.toLowerCase() !== wanted) continue;
		if (typeof value === 'string') return value;
		if (Array.isArray(value) && typeof value[0] === 'string') return value[0];
	}
	return undefined;
}

/** A plain object from a request body that may be anything (string, Buffer, array, undefined). */
export function asRecord(value: unknown): Record<string, unknown> {
	if (value && typeof value === 'object' && !Array.isArray(value) && !Buffer.isBuffer(value)) {
		return value as Record<string, unknown>;
	}
	return {};
}
