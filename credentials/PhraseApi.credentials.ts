import type {
	IAuthenticateGeneric,
	ICredentialDataDecryptedObject,
	ICredentialType,
	IHttpRequestHelper,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import { PHRASE_IDM_SERVERS, PHRASE_SERVERS } from '../nodes/Phrase/servers';
import { phraseSessionToken } from '../nodes/Phrase/transport';

/**
 * Phrase TMS (formerly Memsource) API access, three ways (developers.phrase.com/en/api/tms/latest/authentication):
 * - a Phrase Platform API token (Phrase's preferred method): exchanged at the data center's identity service
 *   (`POST https://{eu|us}.phrase.com/idm/oauth/token`, grant type token-exchange) for an access token valid
 *   about 4 hours, sent as `Authorization: Bearer`;
 * - user name and password: `POST /api2/v1/auth/login` gives a TMS token valid 24 hours, sent as
 *   `Authorization: ApiToken`;
 * - a TMS token from that login, pasted (legacy; it expires and cannot be renewed).
 * Tokens are n8n pre-authentication: kept in the credential, renewed by n8n when a request answers 401.
 */
export class PhraseApi implements ICredentialType {
	name = 'phraseApi';

	displayName = 'Phrase TMS API';

	icon: Icon = {
		light: 'file:../nodes/Phrase/phrase.svg',
		dark: 'file:../nodes/Phrase/phrase.dark.svg',
	};

	documentationUrl = 'https://developers.phrase.com/en/api/tms/latest/authentication';

	properties: INodeProperties[] = [
		{
			displayName: 'Data Center',
			name: 'region',
			type: 'options',
			options: [
				{ name: 'EU', value: 'eu', description: PHRASE_SERVERS.eu },
				{ name: 'US', value: 'us', description: PHRASE_SERVERS.us },
				{ name: 'Custom Base URL', value: 'custom', description: 'A proxy or a local simulator' },
			],
			default: 'eu',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'https://cloud.memsource.com/web',
			displayOptions: { show: { region: ['custom'] } },
		},
		{
			displayName: 'Authentication',
			name: 'authType',
			type: 'options',
			options: [
				{
					name: 'Phrase Platform API Token',
					value: 'platformToken',
					description:
						'Recommended: a token generated in Phrase Platform for the TMS service, exchanged for an access token',
				},
				{
					name: 'User Name and Password',
					value: 'password',
					description: 'Exchanged for a TMS token (24 hours), renewed when it expires',
				},
				{
					name: 'TMS API Token (Legacy)',
					value: 'token',
					description:
						'A token from Phrase TMS login (/api2/v1/auth/login), sent as "ApiToken"; it expires after 24 hours',
				},
			],
			// saved credentials without the field were made when user name and password was the default
			default: 'password',
		},
		{
			displayName: 'Platform URL',
			name: 'idmUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: PHRASE_IDM_SERVERS.eu,
			description: 'Where the Platform API token is exchanged: {this URL}/idm/oauth/token',
			displayOptions: { show: { region: ['custom'], authType: ['platformToken'] } },
		},
		{
			displayName: 'Platform API Token',
			name: 'platformToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			hint: 'Phrase Platform: Settings → API tokens → Generate, service TMS',
			displayOptions: { show: { authType: ['platformToken'] } },
		},
		{
			displayName: 'User Name',
			name: 'userName',
			type: 'string',
			default: '',
			required: true,
			displayOptions: { show: { authType: ['password'] } },
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			displayOptions: { show: { authType: ['password'] } },
		},
		{
			displayName: 'API Token',
			name: 'apiToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			displayOptions: { show: { authType: ['token'] } },
		},
		{
			displayName: 'Session Token',
			name: 'sessionToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
	];

	/**
	 * The token requests carry: a Platform API token exchanged for an access token, a login's token, or the
	 * legacy token as it is. n8n calls this when the credential has no token yet and after a 401. Both exchanges
	 * go through secretExchange: no redirect is followed with a password or a Platform token in the body.
	 */
	async preAuthentication(
		this: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
	): Promise<{ sessionToken: string }> {
		return { sessionToken: await phraseSessionToken(this.helpers, credentials) };
	}

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization:
					'={{ ($credentials.authType === "platformToken" ? "Bearer " : "ApiToken ") + $credentials.sessionToken }}',
			},
		},
	};

	// No declarative test: the Phrase TMS nodes' testPhraseCredentials (nodes/Phrase/credentialTest.ts) is the Test
	// button, with the https and no-redirect rules of the nodes (n8n's declarative test follows redirects).
}
