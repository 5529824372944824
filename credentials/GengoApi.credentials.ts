import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IHttpRequestOptions,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import { GENGO_BASE_URLS } from '../nodes/Gengo/servers';
import { gengoSignature } from '../nodes/Gengo/signature';

/**
 * Gengo API v2 keys (gengo.com → Account → API Settings). Every request made with this credential is signed in
 * `authenticate` (api_key, ts, api_sig in the query string), so the HTTP Request node can use it too.
 */
export class GengoApi implements ICredentialType {
	name = 'gengoApi';

	displayName = 'Gengo API';

	icon: Icon = {
		light: 'file:../nodes/Gengo/gengo.svg',
		dark: 'file:../nodes/Gengo/gengo.dark.svg',
	};

	documentationUrl = 'https://developers.gengo.com/v2/authentication/';

	properties: INodeProperties[] = [
		{
			displayName: 'Public Key',
			name: 'publicKey',
			type: 'string',
			default: '',
			required: true,
			description: 'From Gengo: Account → API Settings (a sandbox account has its own keys)',
		},
		{
			displayName: 'Private Key',
			name: 'privateKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
		{
			displayName: 'Environment',
			name: 'environment',
			type: 'options',
			options: [
				{ name: 'Production', value: 'production', description: GENGO_BASE_URLS.production },
				{ name: 'Sandbox', value: 'sandbox', description: GENGO_BASE_URLS.sandbox },
				{
					name: 'Custom Base URL',
					value: 'custom',
					description: 'A proxy, or a local Gengo simulator',
				},
			],
			default: 'production',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: 'https://gengo-proxy.example.com/v2',
			required: true,
			displayOptions: { show: { environment: ['custom'] } },
			description: 'The API root, the part before /translate/... and /account/...',
		},
	];

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const signature = gengoSignature(
			String(credentials.publicKey ?? ''),
			String(credentials.privateKey ?? ''),
		);
		return {
			...requestOptions,
			headers: { Accept: 'application/json', ...requestOptions.headers },
			qs: { ...requestOptions.qs, ...signature },
		};
	}

	// The Test button is the Gengo nodes' `testGengoCredentials` (their credentials' `testedBy`): a signed
	// account-balance call that shows the balance, or Gengo's own message for refused keys. n8n runs a
	// credential's own `test` instead when it has one (CredentialsTester in n8n 1.123 and 2.41), so this class has
	// none: one test, the more telling one.
}
