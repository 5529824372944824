import type { IDataObject, IHookFunctions, IPollFunctions } from 'n8n-workflow';

/**
 * What ties the Phrase TMS Catch-Up Trigger to the Phrase TMS Trigger of the same workflow: n8n gives a polling
 * node neither the other nodes' webhook ids nor their URLs, so each Phrase TMS Trigger writes its Production URL
 * (and, with automatic registration, the uid of the webhook it created in Phrase) into the workflow's global
 * static data when the workflow is activated, and removes it when it is deactivated. n8n saves static data with
 * the workflow after activation, so the record survives restarts.
 */
const KEY = 'phraseTmsTriggerWebhooks';

export interface TriggerWebhook {
	url: string;
	webhookUid?: string;
}

function readAll(global: IDataObject): Record<string, TriggerWebhook> {
	const stored = global[KEY];
	if (!stored || typeof stored !== 'object' || Array.isArray(stored)) return {};
	const all: Record<string, TriggerWebhook> = {};
	for (const [name, entry] of Object.entries(stored as Record<string, unknown>)) {
		if (!entry || typeof entry !== 'object') continue;
		const { url, webhookUid } = entry as Record<string, unknown>;
		if (typeof url !== 'string' || !url) continue;
		all[name] = typeof webhookUid === 'string' && webhookUid ? { url, webhookUid } : { url };
	}
	return all;
}

/**
 * Records this trigger's webhook, on activation only: listening for a test event registers the Test URL, which
 * stops answering when the editor stops listening, so it is not this workflow's webhook.
 */
export function recordTriggerWebhook(ctx: IHookFunctions, webhook: TriggerWebhook): void {
	if (ctx.getMode() === 'manual' || !webhook.url) return;
	const global = ctx.getWorkflowStaticData('global');
	const all = readAll(global);
	const entry: TriggerWebhook = webhook.webhookUid
		? { url: webhook.url, webhookUid: webhook.webhookUid }
		: { url: webhook.url };
	const name = ctx.getNode().name;
	// unchanged: leave the static data untouched, so n8n has nothing to save
	if (JSON.stringify(all[name]) === JSON.stringify(entry)) return;
	global[KEY] = { ...all, [name]: entry };
}

export function forgetTriggerWebhook(ctx: IHookFunctions): void {
	if (ctx.getMode() === 'manual') return;
	const global = ctx.getWorkflowStaticData('global');
	const all = readAll(global);
	const name = ctx.getNode().name;
	if (!(name in all)) return;
	delete all[name];
	if (Object.keys(all).length) global[KEY] = all;
	else delete global[KEY];
}

/** The webhooks of the workflow's active Phrase TMS Triggers. */
export function workflowTriggerWebhooks(ctx: IPollFunctions): TriggerWebhook[] {
	return Object.values(readAll(ctx.getWorkflowStaticData('global')));
}

/**
 * A URL as compared with the ones Phrase keeps: scheme and host in lower case, no default port, no trailing slash
 * (`HTTPS://N8N.example.com:443/webhook/x/phrase/` is `https://n8n.example.com/webhook/x/phrase`). The path and
 * query keep their case: n8n's webhook ids and paths are case-sensitive. Text that is no URL is only trimmed.
 */
export function normalizedUrl(text: string): string {
	const trimmed = text.trim();
	let url: URL;
	try {
		url = new URL(trimmed);
	} catch {
		return trimmed;
	}
	const path = url.pathname.replace(/\/+$/, '');
	return `${url.protocol}//${url.host}${path}${url.search}`;
}
