/**
 * Gengo's API servers (developers.gengo.com/v2/): production `api.gengo.com/v2` and the sandbox
 * `api.sandbox.gengo.com/v2`, or a custom one in the credential (a proxy, a simulator).
 */
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
