import { createHmac } from 'crypto';

/**
 * Gengo API v2 request signing (developers.gengo.com/v2/authentication, and Gengo's own gengo-python client):
 * every call carries `api_key` (the public key), `ts` (Unix time in seconds) and `api_sig`, the hex HMAC-SHA1
 * of `ts` keyed with the private key. GET calls send them in the query string.
 */
export function gengoSignature(
	publicKey: string,
	privateKey: string,
	now = Date.now(),
): { api_key: string; ts: string; api_sig: string } {
	const ts = String(Math.floor(now / 1000));
	return {
		api_key: publicKey,
		ts,
		api_sig: createHmac('sha1', privateKey).update(ts).digest('hex'),
	};
}
