/**
 * Smartcat's regional servers (the account lives on one of them; the API is under /api/integration/v1).
 * Smartcat's help pages show smartcat.ai, its current API reference the smartcat.com hosts; older accounts can
 * use the custom URL with https://smartcat.ai.
 */
export const SMARTCAT_SERVERS = {
	europe: 'https://smartcat.com',
	usa: 'https://us.smartcat.com',
	asia: 'https://ea.smartcat.com',
} as const;

export type SmartcatServer = keyof typeof SMARTCAT_SERVERS | 'custom';

export const SMARTCAT_API_PATH = '/api/integration/v1';

/** The API root of a credential: its region's server or a custom URL, with or without /api/integration/v1. */
export function smartcatApiRoot(credentials: { server?: unknown; baseUrl?: unknown }): string {
	const server = (credentials.server ?? 'europe') as SmartcatServer;
	const host =
		server === 'custom'
			? String(credentials.baseUrl ?? '')
			: (SMARTCAT_SERVERS[server] ?? SMARTCAT_SERVERS.europe);
	return `${host
		.trim()
		.replace(/\/+$/, '')
		.replace(/\/api\/integration\/v1$/i, '')}${SMARTCAT_API_PATH}`;
}
