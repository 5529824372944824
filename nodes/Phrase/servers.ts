/**
 * Phrase TMS data centers (Phrase's API reference servers; also the base URLs Blackbird's open-source Phrase app
 * uses): the EU one at cloud.memsource.com, the US one at us.cloud.memsource.com. The API is under /api2.
 */
export const PHRASE_SERVERS = {
	eu: 'https://cloud.memsource.com/web',
	us: 'https://us.cloud.memsource.com/web',
} as const;

/** The API root of a credential: `<server>/web`, or a custom URL (with or without a trailing /web). */
export function phraseBaseUrl(credentials: { region?: unknown; baseUrl?: unknown }): string {
	const region = String(credentials.region ?? 'eu');
	const url =
		region === 'custom'
			? String(credentials.baseUrl ?? '')
			: (PHRASE_SERVERS[region as keyof typeof PHRASE_SERVERS] ?? PHRASE_SERVERS.eu);
	return url.trim().replace(/\/+$/, '');
}
