import type { IDataObject, IHookFunctions } from 'n8n-workflow';

import { forgetStored, readStored } from '../common/registration';
import { generateSecret } from '../common/secretPolicy';
import { assertParameterSecret, manualSecret } from '../common/webhookSecret';
import { createWebhook, deleteWebhook, findWebhooksByUrl, getWebhook } from './api';
import { ALL_EVENTS, parseEventCodes, PHRASE_EVENT_CODES } from './events';

/**
 * With credentials the trigger creates its own Phrase webhook on activation (chosen events, this workflow's URL,
 * a generated secret token sent back in `X-Memsource-Token`) and deletes it on deactivation. Without, the user
 * pastes the URL and the token into Phrase's Settings → Webhooks page.
 */
export interface PhraseRegistration extends IDataObject {
	webhookUid: string;
	secretToken: string;
	url: string;
}

const REGISTRATION_KEYS = ['webhookUid', 'secretToken', 'url'] as const;

export function storedRegistration(staticData: IDataObject): PhraseRegistration | undefined {
	return readStored(staticData, REGISTRATION_KEYS);
}

/** The event codes to subscribe to: the chosen ones (All Events: every known code) plus "Other Event Codes". */
export function subscribedEvents(ctx: IHookFunctions): string[] {
	const chosen = ctx.getNodeParameter('events', [ALL_EVENTS]) as string[];
	const other = parseEventCodes(ctx.getNodeParameter('otherEvents', '') as string);
	const base = chosen.includes(ALL_EVENTS) ? PHRASE_EVENT_CODES : chosen;
	return [...new Set([...base, ...other])].sort();
}

export async function registrationExists(ctx: IHookFunctions): Promise<boolean> {
	const stored = storedRegistration(ctx.getWorkflowStaticData('node'));
	if (!stored) return false;
	const webhook = await getWebhook(ctx, stored.webhookUid);
	const wanted = subscribedEvents(ctx);
	return (
		!!webhook &&
		webhook.url === ctx.getNodeWebhookUrl('default') &&
		JSON.stringify([...(webhook.events ?? [])].sort()) === JSON.stringify(wanted)
	);
}

export async function register(ctx: IHookFunctions): Promise<void> {
	const staticData = ctx.getWorkflowStaticData('node');
	const url = ctx.getNodeWebhookUrl('default') ?? '';
	// Our URL is unique to this node (it carries the node's webhook id): any webhook Phrase has for it is ours,
	// from an earlier activation or from n8n activating the workflow twice. Replace them, so exactly one webhook,
	// with the token we keep, calls this URL.
	const previous = storedRegistration(staticData);
	const ours = new Set([
		...(previous ? [previous.webhookUid] : []),
		...(await findWebhooksByUrl(ctx, url)).map((w) => w.uid),
	]);
	for (const uid of ours) await deleteWebhook(ctx, uid);
	const secretToken = generateSecret();
	const { uid } = await createWebhook(ctx, {
		name: `n8n: ${ctx.getWorkflow().name ?? ctx.getWorkflow().id}`.slice(0, 255),
		url,
		events: subscribedEvents(ctx),
		secretToken,
	});
	Object.assign(staticData, { webhookUid: uid, secretToken, url } satisfies PhraseRegistration);
}

export async function unregister(ctx: IHookFunctions): Promise<void> {
	const staticData = ctx.getWorkflowStaticData('node');
	const stored = storedRegistration(staticData);
	if (stored) await deleteWebhook(ctx, stored.webhookUid);
	forgetStored(staticData, REGISTRATION_KEYS);
}

/**
 * Manual registration: the token the user pastes into Phrase must meet the secret rule (version 1: the node's
 * Secret Token parameter; version 2: the credential, unless "No Secret" is chosen).
 */
export async function checkManualSetup(ctx: IHookFunctions): Promise<void> {
	if (ctx.getNode().typeVersion < 2) {
		assertParameterSecret(ctx, ctx.getNodeParameter('manualToken', ''), 'The secret token');
		return;
	}
	const token = await manualSecret(ctx, 'manualToken', 'refused');
	if (token !== undefined) assertParameterSecret(ctx, token, 'The secret token');
}
