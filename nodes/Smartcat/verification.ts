import type { IHookFunctions, IWebhookFunctions } from 'n8n-workflow';

import { headerValue } from '../common/delivery/request';
import { checkDeliverySecret, manualSecret } from '../common/secrets/webhookSecret';
import {
	DEFAULT_SECRET_HEADER,
	SMARTCAT_CALLBACK_SECRET,
	storedRegistration,
} from './registration';
import { requireSmartcatCredential } from './transport';

/** The header name the node is set to (the additionalHeaders entry Smartcat sends with every callback). */
export function secretHeaderName(ctx: IHookFunctions | IWebhookFunctions): string {
	return (
		(ctx.getNodeParameter('headerName', DEFAULT_SECRET_HEADER) as string).trim() ||
		DEFAULT_SECRET_HEADER
	);
}

/**
 * What a Smartcat delivery must prove (Smartcat cannot sign callbacks; it sends the account's additionalHeaders
 * with each one): the secret header value derived at registration (from the API key, never stored), or the one
 * set up by hand, which is required unless "No Secret" is chosen.
 */
export async function checkSmartcatSecret(
	ctx: IWebhookFunctions,
	headers: Record<string, unknown>,
): Promise<void> {
	const stored = storedRegistration(ctx.getWorkflowStaticData('node'));
	const manual = ctx.getNodeParameter('registration', 'automatic') === 'manual';
	const name = manual ? secretHeaderName(ctx) : (stored?.headerName ?? secretHeaderName(ctx));
	await checkDeliverySecret(ctx, headerValue(headers, name), {
		automatic: SMARTCAT_CALLBACK_SECRET,
		what: 'secret header',
	});
}

/**
 * Activation in manual mode: a secret that is required must be in the credential and meet the rule (manualSecret
 * refuses otherwise), and Fetch Details needs the Smartcat API credential (manual registration needs none
 * otherwise).
 */
export async function checkManualSetup(ctx: IHookFunctions): Promise<void> {
	if (ctx.getNodeParameter('fetchDetails', true))
		await requireSmartcatCredential(
			ctx,
			'Fetch Details (it looks each project or document up in Smartcat)',
			'turn Fetch Details off',
		);
	await manualSecret(ctx);
}
