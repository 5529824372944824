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

export type GengoEnvironment = 'production' | 'sandbox' | 'custom';

export const GENGO_BASE_URLS: Record<Exclude<GengoEnvironment, 'custom'>, string> = {
	production: 'https://api.gengo.com/v2',
	sandbox: 'https://api.sandbox.gengo.com/v2',
};

/** The API base URL of a credential: Gengo's production or sandbox API, or a custom one (a proxy, a simulator). */
export function gengoBaseUrl(credentials: { environment?: unknown; baseUrl?: unknown }): string {
	const environment = (credentials.environment ?? 'production') as GengoEnvironment;
	const url =
		environment === 'custom'
			? String(credentials.baseUrl ?? '')
			: (GENGO_BASE_URLS[environment] ?? GENGO_BASE_URLS.production);
	return url.trim().replace(/\/+$/, '');
}
