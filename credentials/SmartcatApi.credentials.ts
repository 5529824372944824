import type {
	IAuthenticateGeneric,
	ICredentialTestRequest,
	ICredentialType,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import { SMARTCAT_SERVERS } from '../nodes/Smartcat/servers';

/** Smartcat API access: the account id and an API key (Smartcat: Settings → API), Basic auth. */
export class SmartcatApi implements ICredentialType {
	name = 'smartcatApi';

	displayName = 'Smartcat API';

	icon: Icon = {
		light: 'file:../nodes/Smartcat/smartcat.svg',
		dark: 'file:../nodes/Smartcat/smartcat.dark.svg',
	};

	documentationUrl =
		'https://help.smartcat.ai/hc/en-us/articles/360020454811-Get-account-details-via-API';

	properties: INodeProperties[] = [
		{
			displayName: 'Account ID',
			name: 'accountId',
			type: 'string',
			default: '',
			required: true,
			description: 'Smartcat: Settings → API, "Account ID"',
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'Smartcat: Settings → API, an API key you created',
		},
		{
			displayName: 'Server',
			name: 'server',
			type: 'options',
			options: [
				{ name: 'Europe', value: 'europe', description: SMARTCAT_SERVERS.europe },
				{ name: 'USA', value: 'usa', description: SMARTCAT_SERVERS.usa },
				{ name: 'Asia', value: 'asia', description: SMARTCAT_SERVERS.asia },
				{
					name: 'Custom URL',
					value: 'custom',
					description: 'Another server, a proxy or a local simulator',
				},
			],
			default: 'europe',
			description:
				'The server your account lives on: the address you see in the browser when you use Smartcat',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'https://smartcat.ai',
			displayOptions: { show: { server: ['custom'] } },
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			auth: { username: '={{ $credentials.accountId }}', password: '={{ $credentials.apiKey }}' },
		},
	};

	// The Test button: the account itself, the cheapest call there is. n8n shows only the HTTP status text of a
	// failed test ("Unauthorized") unless a rule names the status: these say what the trigger's errors say.
	test: ICredentialTestRequest = {
		request: {
			baseURL:
				'={{ ($credentials.server === "custom" ? $credentials.baseUrl.replace(/\\/+$/, "").replace(/\\/api\\/integration\\/v1$/i, "") : ' +
				JSON.stringify(SMARTCAT_SERVERS) +
				'[$credentials.server]) + "/api/integration/v1" }}',
			url: '/account',
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'Smartcat refused the account ID and API key (401). Check both (Smartcat: Settings → API) and the server: an account lives on one of Europe, USA or Asia, and a key is only valid there.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message:
						'Smartcat refused access (403): the API works for company accounts only, not for freelancer accounts, and the key needs API access.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 404,
					message:
						'No Smartcat API at this address (404): check the server, or the custom URL (e.g. https://smartcat.com, without /api/integration/v1).',
				},
			},
		],
	};
}
