import type { ICredentialType, Icon, INodeProperties } from 'n8n-workflow';

import { MIN_SECRET_LENGTH } from '../nodes/common/secretPolicy';

/**
 * The secret a trigger checks on every delivery when you set the vendor up by hand: the token in a Beebox or
 * Gengo callback URL, the header value Smartcat sends (Registration: Manual), the token Phrase TMS sends in
 * X-Memsource-Token (Registration: Manual). Kept as a credential so n8n stores it encrypted and it never travels
 * with a downloaded, copied or versioned workflow. The Test button checks it against the package's secret rule.
 */
export class TranslationWebhookSecretApi implements ICredentialType {
	name = 'translationWebhookSecretApi';

	displayName = 'Translation Webhook Secret API';

	icon: Icon = {
		light: 'file:../nodes/common/webhookSecret.svg',
		dark: 'file:../nodes/common/webhookSecret.dark.svg',
	};

	documentationUrl = 'https://www.npmjs.com/package/n8n-nodes-translation-events#security';

	properties: INodeProperties[] = [
		{
			displayName: `The same secret goes into the vendor's settings (the callback URL's token, a header, or Phrase's security token). At least ${MIN_SECRET_LENGTH} letters, digits, - or _, e.g. from "openssl rand -hex 24".`,
			name: 'notice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'Secret',
			name: 'secret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
	];
}
