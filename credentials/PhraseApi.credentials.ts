import type {
	IAuthenticateGeneric,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import { PHRASE_SERVERS, phraseBaseUrl } from '../nodes/Phrase/servers';

/**
 * Phrase TMS (formerly Memsource) API access: a user name and password exchanged for an API token
 * (`POST /api2/v1/auth/login`, n8n's pre-authentication; the token is renewed when it expires), or a ready API
 * token. Requests carry `Authorization: ApiToken <token>`.
 */
export class PhraseApi implements ICredentialType {
	name = 'phraseApi';

	displayName = 'Phrase TMS API';

	icon: Icon = {
		light: 'file:../nodes/Phrase/phrase.svg',
		dark: 'file:../nodes/Phrase/phrase.dark.svg',
	};

	documentationUrl = 'https://developers.phrase.com/en/api/tms/latest/authentication/login';

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
					name: 'User Name and Password',
					value: 'password',
					description: 'Exchanged for an API token, renewed when it expires',
				},
				{ name: 'API Token', value: 'token' },
			],
			default: 'password',
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

	/** Logs in for a token (user name and password), or takes the API token as it is. */
	async preAuthentication(
		this: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
	): Promise<{ sessionToken: string }> {
		if (credentials.authType === 'token')
			return { sessionToken: String(credentials.apiToken ?? '') };
		const answer = (await this.helpers.httpRequest({
			method: 'POST',
			url: `${phraseBaseUrl(credentials)}/api2/v1/auth/login`,
			body: { userName: credentials.userName, password: credentials.password },
			json: true,
		})) as { token?: string };
		return { sessionToken: String(answer?.token ?? '') };
	}

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { headers: { Authorization: '={{ "ApiToken " + $credentials.sessionToken }}' } },
	};

	// The Test button: "who am I", the cheapest authenticated call.
	test: ICredentialTestRequest = {
		request: {
			baseURL:
				'={{ ($credentials.region === "custom" ? $credentials.baseUrl : ' +
				JSON.stringify(PHRASE_SERVERS) +
				'[$credentials.region]).replace(/\\/+$/, "") }}',
			url: '/api2/v1/auth/whoAmI',
		},
	};
}
