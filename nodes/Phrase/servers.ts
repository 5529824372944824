import { baseUrlProblem } from '../common/http/httpClient';

/**
 * Phrase TMS data centers (Phrase's API reference servers; also the base URLs Blackbird's open-source Phrase app
 * uses): the EU one at cloud.memsource.com, the US one at us.cloud.memsource.com. The API is under /api2.
 */
export const PHRASE_SERVERS = {
	eu: 'https://cloud.memsource.com/web',
	us: 'https://us.cloud.memsource.com/web',
} as const;

/**
 * Where a Phrase Platform API token is exchanged for an access token (developers.phrase.com/en/api/platform/
 * authentication, "Token exchange"): Phrase's identity service of the same data center.
 */
export const PHRASE_IDM_SERVERS = {
	eu: 'https://eu.phrase.com',
	us: 'https://us.phrase.com',
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

/** The token endpoint a Platform API token is exchanged at: the data center's, or the custom one's. */
export function phraseTokenUrl(credentials: { region?: unknown; idmUrl?: unknown }): string {
	const region = String(credentials.region ?? 'eu');
	const root =
		region === 'custom'
			? String(credentials.idmUrl ?? '')
			: (PHRASE_IDM_SERVERS[region as keyof typeof PHRASE_IDM_SERVERS] ?? PHRASE_IDM_SERVERS.eu);
	const trimmed = root.trim().replace(/\/+$/, '');
	const problem = baseUrlProblem(trimmed);
	if (problem) throw new Error(`Phrase TMS credential, Platform URL: ${problem}`);
	return `${trimmed}/idm/oauth/token`;
}
