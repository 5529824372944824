import type { IWebhookFunctions } from 'n8n-workflow';

import { headerValue } from '../common/delivery/request';
import { checkDeliverySecret } from '../common/secrets/webhookSecret';
import { PHRASE_WEBHOOK_TOKEN } from './registration';

/**
 * Phrase sends a webhook's security token in X-Memsource-Token (support.phrase.com/hc/en-us/articles/5709693398812;
 * one version of that page names it X-Phrase-Token): both are read.
 */
const TOKEN_HEADERS = ['x-memsource-token', 'x-phrase-token'];

/**
 * What a Phrase delivery must prove: the token derived at registration (from the Phrase credential, never
 * stored), or the one set up by hand.
 */
export async function checkPhraseToken(
	ctx: IWebhookFunctions,
	headers: Record<string, unknown>,
): Promise<void> {
	const received = TOKEN_HEADERS.map((name) => headerValue(headers, name)).find(
		(value) => value !== undefined,
	);
	await checkDeliverySecret(ctx, received, {
		automatic: PHRASE_WEBHOOK_TOKEN,
		what: 'X-Memsource-Token',
	});
}
