import { NodeOperationError, type IDataObject, type IHookFunctions } from 'n8n-workflow';

import {
	forgetStored,
	readStored,
	UNREACHABLE_URL_ADVICE,
	webhookUrlProblem,
} from '../common/delivery/registration';
import { secretMatches } from '../common/secrets/secretPolicy';
import {
	manualSecret,
	secretFromCredential,
	type DerivedSecretSource,
} from '../common/secrets/webhookSecret';
import { createWebhook, deleteWebhook, findWebhooksByUrl, getWebhook } from './api';
import { ALL_EVENTS, parseEventCodes, PHRASE_EVENT_CODES } from './events';
import { refusedEventError } from './refusedEvents';
import { forgetTriggerWebhook, recordTriggerWebhook } from './workflowWebhooks';
import { selectedEvents } from '../common/delivery/events';

/**
 * With credentials the trigger creates its own Phrase webhook on activation (chosen events, this node's URL, a
 * secret token Phrase sends back in X-Memsource-Token) and deletes it on deactivation; "Listen for test event"
 * does the same with the Test URL, for as long as n8n listens. Without, the user pastes the URL and the token
 * into Phrase's Settings → Webhooks page. The static data keeps the webhook's uid and URL, never the token.
 */
export interface PhraseRegistration extends IDataObject {
	webhookUid: string;
	url: string;
}

const REGISTRATION_KEYS = ['webhookUid', 'url'] as const;

/**
 * The webhook's secret token: derived from the Phrase credential's own secret (the Platform API token, the
 * password, or the legacy TMS token, whichever it authenticates with) and this node, never stored (anyone who
 * can read the workflow can read its static data). A new token or password gives a new value: the next
 * activation creates the webhook again with it.
 */
export const PHRASE_WEBHOOK_TOKEN: DerivedSecretSource = {
	credentialType: 'phraseApi',
	purpose: 'phrase-webhook-secret-token',
	keyOf: (credentials) =>
		credentials.authType === 'platformToken'
			? credentials.platformToken
			: credentials.authType === 'token'
				? credentials.apiToken
				: credentials.password,
	keyName: "the Phrase TMS credential's token or password",
};

export function storedRegistration(staticData: IDataObject): PhraseRegistration | undefined {
	return readStored(staticData, REGISTRATION_KEYS);
}

/** The event codes to subscribe to: the chosen ones (All Events: every code the node names) plus "Other Event Codes". */
export function subscribedEvents(ctx: IHookFunctions): string[] {
	const chosen = selectedEvents(ctx);
	const other = parseEventCodes(ctx.getNodeParameter('otherEvents', '') as string);
	const base = chosen.includes(ALL_EVENTS) ? PHRASE_EVENT_CODES : chosen;
	return [...new Set([...base, ...other])].sort();
}

/**
 * Whether Phrase's webhook is exactly ours: this URL, the chosen events and the token derived from the current
 * credential. Phrase answers a webhook with its secretToken (WebHookDtoV2, "Get webhook",
 * developers.phrase.com/en/api/tms/latest/webhook/get-webhook-1); one without it, or with another token (the
 * credential changed), is not: activation creates it again.
 */
export async function registrationExists(ctx: IHookFunctions): Promise<boolean> {
	const stored = storedRegistration(ctx.getWorkflowStaticData('node'));
	if (!stored) return false;
	const webhook = await getWebhook(ctx, stored.webhookUid);
	const wanted = subscribedEvents(ctx);
	if (
		!webhook ||
		webhook.url !== ctx.getNodeWebhookUrl('default') ||
		JSON.stringify([...(webhook.events ?? [])].sort()) !== JSON.stringify(wanted)
	)
		return false;
	const token = await secretFromCredential(ctx, PHRASE_WEBHOOK_TOKEN);
	const exists = secretMatches((webhook as { secretToken?: unknown }).secretToken, token);
	// n8n re-activates a workflow whose webhook exists without calling create: record it for the catch-up here too
	if (exists) recordTriggerWebhook(ctx, { url: stored.url, webhookUid: stored.webhookUid });
	return exists;
}

/**
 * Phrase must be able to reach the URL it is given; a URL on this machine or a private network would be
 * registered and never called. "Allow Private Webhook URL" (Options) is for a Phrase that can reach it anyway (a
 * tunnel, our local tests).
 */
function assertReachable(ctx: IHookFunctions, url: string | undefined): void {
	const options = ctx.getNodeParameter('options', {}) as { allowPrivateWebhookUrl?: boolean };
	if (options.allowPrivateWebhookUrl) return;
	const problem = webhookUrlProblem(url);
	if (problem)
		throw new NodeOperationError(
			ctx.getNode(),
			`Phrase TMS cannot deliver to this workflow: ${problem}. ${UNREACHABLE_URL_ADVICE}`,
			{
				description: `${UNREACHABLE_URL_ADVICE} Behind a tunnel or proxy that forwards Phrase's calls: Options → Allow Private Webhook URL.`,
			},
		);
}

/**
 * The webhooks that are this node's: those Phrase has for its URL (the URL carries the node's webhook id, so
 * whatever calls it is ours), and the one it created if that still calls the URL it was created for (one
 * changed in Phrase to call elsewhere is no longer ours).
 */
async function ours(
	ctx: IHookFunctions,
	url: string,
	stored: PhraseRegistration | undefined,
): Promise<Set<string>> {
	const uids = new Set(url ? (await findWebhooksByUrl(ctx, url)).map((w) => w.uid) : []);
	if (stored && !uids.has(stored.webhookUid)) {
		const webhook = await getWebhook(ctx, stored.webhookUid);
		if (webhook && webhook.url === stored.url) uids.add(stored.webhookUid);
	}
	return uids;
}

export async function register(ctx: IHookFunctions): Promise<void> {
	const staticData = ctx.getWorkflowStaticData('node');
	const url = ctx.getNodeWebhookUrl('default');
	assertReachable(ctx, url);
	const secretToken = await secretFromCredential(ctx, PHRASE_WEBHOOK_TOKEN);
	// Replace any webhook for this URL (an earlier activation, n8n activating the workflow twice), so exactly one
	// webhook, with the derived token, calls it.
	for (const uid of await ours(ctx, url ?? '', storedRegistration(staticData)))
		await deleteWebhook(ctx, uid);
	const events = subscribedEvents(ctx);
	const { uid } = await createWebhook(ctx, {
		name: `n8n: ${ctx.getWorkflow().name ?? ctx.getWorkflow().id}`.slice(0, 255),
		url: url ?? '',
		events,
		secretToken,
	}).catch((error: unknown) => {
		throw refusedEventError(ctx, error, events) ?? error;
	});
	Object.assign(staticData, { webhookUid: uid, url: url ?? '' } satisfies PhraseRegistration);
	recordTriggerWebhook(ctx, { url: url ?? '', webhookUid: uid });
}

/** Deletes this node's webhooks (see ours): nobody else's. */
export async function unregister(ctx: IHookFunctions): Promise<void> {
	const staticData = ctx.getWorkflowStaticData('node');
	const stored = storedRegistration(staticData);
	const url = stored?.url || ctx.getNodeWebhookUrl('default') || '';
	for (const uid of await ours(ctx, url, stored)) await deleteWebhook(ctx, uid);
	forgetStored(staticData, REGISTRATION_KEYS);
	forgetTriggerWebhook(ctx);
}

/**
 * Manual registration: the token the user pastes into Phrase, the credential's, must meet the secret rule
 * (manualSecret refuses it otherwise), unless "No Secret" is chosen.
 */
export async function checkManualSetup(ctx: IHookFunctions): Promise<void> {
	await manualSecret(ctx);
	// the webhook set up by hand calls this URL: the catch-up of this workflow recovers its calls
	recordTriggerWebhook(ctx, { url: ctx.getNodeWebhookUrl('default') ?? '' });
}
