import type { IAuthenticateGeneric, ICredentialType, Icon, INodeProperties } from 'n8n-workflow';

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

	// No declarative test: the Smartcat nodes' testSmartcatApi (nodes/Smartcat/credentialTest.ts) is the Test
	// button, with a message for each refusal on n8n 1.x and 2.x alike.
}
