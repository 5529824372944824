import { NodeOperationError, type IHookFunctions, type IWebhookFunctions } from 'n8n-workflow';

import { headerValue } from '../common/delivery/request';
import { SECRET_ADVICE, secretProblem } from '../common/secrets/secretPolicy';
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
 * set up by hand. Version 1 in manual
 * mode let a delivery through when no value was set; version 2 needs a secret unless "No Secret" is chosen.
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
		v1Parameter: 'manualSecret',
		v1EmptyMeans: 'unchecked',
		what: 'secret header',
	});
}

/**
 * Activation in manual mode (version 2; version 1 as before): a secret that is required must meet the rule, and
 * Fetch Details needs the Smartcat API credential (manual registration needs none otherwise).
 */
export async function checkManualSetup(ctx: IHookFunctions): Promise<void> {
	if (ctx.getNode().typeVersion < 2) return;
	if (ctx.getNodeParameter('fetchDetails', false))
		await requireSmartcatCredential(ctx, 'Fetch Details (it looks projects and documents up)');
	const secret = await manualSecret(ctx, 'manualSecret', 'unchecked');
	if (secret === undefined) return;
	const problem = secretProblem(secret);
	if (problem)
		throw new NodeOperationError(
			ctx.getNode(),
			`The secret header value cannot be used: ${problem}`,
			{
				description: SECRET_ADVICE,
			},
		);
}
