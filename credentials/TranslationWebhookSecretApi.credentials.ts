import type { ICredentialType, Icon, INodeProperties } from 'n8n-workflow';

import { ONE_SECRET_PER_VENDOR, SECRET_RULE } from '../nodes/common/secrets/secretPolicy';

/**
 * The secret a trigger checks on every delivery when you set the vendor up by hand: the token in a Beebox or
 * Gengo callback URL, the header value Smartcat sends (Registration: Manual), the token Phrase TMS sends in
 * X-Memsource-Token (Registration: Manual). Kept as a credential so n8n stores it encrypted and it never travels
 * with a downloaded, copied or versioned workflow. The Test button checks it against the package's secret rule.
 * n8n runs no code when a credential is opened, so it cannot fill in a random value: the notice gives the one-line
 * command that makes one. With a Gengo Trigger it also keeps the trigger's URL, which the Gengo node's Order → Create
 * needs to point Gengo's callbacks at the trigger (see the Callback URL field).
 */
export class TranslationWebhookSecretApi implements ICredentialType {
	name = 'translationWebhookSecretApi';

	displayName = 'Translation Webhook Secret API';

	icon: Icon = {
		light: 'file:../nodes/common/secrets/webhookSecret.svg',
		dark: 'file:../nodes/common/secrets/webhookSecret.dark.svg',
	};

	documentationUrl = 'https://www.npmjs.com/package/n8n-nodes-translation-events#security';

	properties: INodeProperties[] = [
		{
			displayName: `The same secret goes into the vendor's settings (the callback URL's token, a header, or Phrase's security token). Make a random one with <code>openssl rand -hex 32</code> (or a password manager's generator) and paste it below. The rule: ${SECRET_RULE}. ${ONE_SECRET_PER_VENDOR}.`,
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
			placeholder: 'the output of: openssl rand -hex 32',
			hint: 'The Test button checks it against the rule',
		},
		{
			// Read by the Gengo node's Order → Create (nodes/Gengo/callbackTarget.ts): ordering from n8n then points
			// Gengo at the trigger without the secret being copied anywhere else.
			displayName: 'Callback URL (for Ordering From n8n)',
			name: 'callbackUrl',
			type: 'string',
			default: '',
			placeholder: 'https://n8n.example.com/webhook/…/gengo',
			description:
				"Optional. The Production URL of the Gengo Trigger that checks this secret, without ?token=. The Gengo node's Order → Create sends it as each job's callback_url with ?token=<this secret> appended, so Gengo's callbacks reach the trigger and no workflow contains the secret.",
		},
	];
}
