import { NodeOperationError, type IDataObject, type IPollFunctions } from 'n8n-workflow';

import type { CatchUpSource, Observation } from '../common/catchUp/engine';
import { optionalDate } from '../common/delivery/dates';
import { ALL_EVENTS, selectedEvents } from '../common/delivery/events';
import type { WorkBudget } from '../common/delivery/workBudget';
import { listWebhookCalls, listWebhooks } from './api';
import { wantedParts, type PhraseJobFilters } from './filters';
import { buildPhraseJobItem, buildPhraseOtherItem } from './output';
import { jobPartsOf, phraseDeliverySchema, type PhraseWebhookCall } from './schemas';
import { normalizedUrl, workflowTriggerWebhooks } from './workflowWebhooks';

/**
 * What the Phrase TMS Catch-Up Trigger recovers: the webhook calls Phrase keeps for 14 days (`GET
 * /api2/v1/webhooksCalls`, Phrase's OpenAPI "Lists webhook calls"; the "History" of support.phrase.com/hc/en-us/
 * articles/5709693398812) that FAILED, i.e. that no webhook receiver answered 2xx: n8n was down or unreachable, the
 * workflow was inactive (a manually set-up webhook), or the trigger refused the call. Each event (its `eventUid`,
 * else the first call's uid) becomes, once, the items the Phrase TMS Trigger makes of the same body:
 * same envelope, same eventKey. Calls are read 50 a page within the poll's budget (common/catchUp/engine.ts).
 *
 * Whose calls (parameter "Webhooks"): by default those of this workflow's Phrase TMS Trigger(s) (workflowWebhooks.ts),
 * or of a given URL, or, chosen explicitly, of every webhook of the account. Phrase keeps failing calls of every
 * webhook, including other integrations' and long-dead ones (it disables a webhook only after 3,000 failures), so
 * the account's whole history is never the default.
 */
export type WebhookScope =
	| { kind: 'account' }
	| { kind: 'urls'; urls: string[]; webhookUids: string[] };

export const SCOPE_ADVICE =
	'Activate (publish) this workflow with its Phrase TMS Trigger, or set Webhooks to "A Given Webhook URL" (the Production URL of the Phrase TMS Trigger whose calls to recover) or to "All Webhooks of the Account".';

/** The webhooks whose calls to read, as "Webhooks" says. */
export function webhookScope(ctx: IPollFunctions): WebhookScope {
	const mode = ctx.getNodeParameter('webhooks', 'workflow') as string;
	if (mode === 'account') return { kind: 'account' };
	if (mode === 'url') {
		const webhookUrl = String(ctx.getNodeParameter('webhookUrl', '') ?? '').trim();
		if (!webhookUrl)
			throw new NodeOperationError(ctx.getNode(), 'Webhook URL is empty', {
				description:
					"Enter the Production URL of the Phrase TMS Trigger whose failed calls to recover (Phrase TMS: Settings → Webhooks shows each webhook's URL).",
			});
		return { kind: 'urls', urls: [webhookUrl], webhookUids: [] };
	}
	const recorded = workflowTriggerWebhooks(ctx);
	if (recorded.length === 0)
		throw new NodeOperationError(
			ctx.getNode(),
			'Found no Phrase TMS Trigger of this workflow whose webhook calls to recover',
			{
				description: `The catch-up reads the calls of the webhook of the Phrase TMS Trigger in the same workflow, which the trigger names when the workflow is activated. ${SCOPE_ADVICE}`,
			},
		);
	return {
		kind: 'urls',
		urls: recorded.map((w) => w.url),
		webhookUids: recorded.flatMap((w) => (w.webhookUid ? [w.webhookUid] : [])),
	};
}

/**
 * One pass over the failed calls: all of them, or those of one webhook (the API's `webhookUid` filter, checked
 * again here), or all of them kept by URL (the webhooks Phrase no longer has, whose calls it still keeps).
 */
type Pass = { webhookUid?: string; urls?: Set<string> };

async function passesFor(scope: WebhookScope, budget: WorkBudget, ctx: IPollFunctions) {
	if (scope.kind === 'account') return [{}] as Pass[];
	const wanted = new Set(scope.urls.map(normalizedUrl));
	const uids = new Set(scope.webhookUids);
	const listed = await listWebhooks(ctx, () => budget.take());
	const resolved = new Set<string>();
	for (const webhook of listed.webhooks) {
		const url = normalizedUrl(webhook.url);
		if (!wanted.has(url)) continue;
		uids.add(webhook.uid);
		resolved.add(url);
	}
	const unresolved = new Set([...wanted].filter((url) => !listed.complete || !resolved.has(url)));
	const passes: Pass[] = [...uids].sort().map((webhookUid) => ({ webhookUid, urls: wanted }));
	if (unresolved.size) passes.push({ urls: unresolved });
	return passes;
}

function keeps(pass: Pass, call: PhraseWebhookCall): boolean {
	const callWebhook = call.webhookSettings?.uid;
	if (pass.webhookUid && callWebhook) return callWebhook === pass.webhookUid;
	if (!pass.urls) return true;
	return !!call.url && pass.urls.has(normalizedUrl(call.url));
}

/** When Phrase made a call (`2023-11-10T18:13:51+0000`), compared as a time, not as text; undated: last. */
const callTime = (call: PhraseWebhookCall) =>
	optionalDate(call.createdAt, 'createdAt', ['iso'])?.getTime() ?? Infinity;

export const phraseCatchUpSource: CatchUpSource = async (ctx, budget) => {
	const scope = webhookScope(ctx);
	const events = selectedEvents(ctx);
	const byEvent = new Map<string, { calls: PhraseWebhookCall[]; first: PhraseWebhookCall }>();
	const seenCalls = new Set<string>();
	let unreadableCalls = 0;
	let complete = true;
	const passes = await passesFor(scope, budget, ctx);
	for (const pass of passes) {
		let passComplete = false;
		for (let pageNumber = 0; budget.take(); pageNumber++) {
			const { calls, totalPages, unreadable } = await listWebhookCalls(ctx, {
				pageNumber,
				status: 'FAIL',
				events: events.includes(ALL_EVENTS) ? undefined : events,
				webhookUid: pass.webhookUid,
			});
			unreadableCalls += unreadable;
			for (const call of calls) {
				if (!call.body || seenCalls.has(call.uid) || !keeps(pass, call)) continue;
				seenCalls.add(call.uid);
				const key = call.eventUid || call.parentUid || call.uid;
				const entry = byEvent.get(key);
				if (!entry) byEvent.set(key, { calls: [call], first: call });
				else {
					entry.calls.push(call);
					if (callTime(call) < callTime(entry.first)) entry.first = call;
				}
			}
			if (calls.length === 0 || pageNumber + 1 >= totalPages) {
				passComplete = true;
				break;
			}
		}
		if (!passComplete) {
			complete = false;
			break;
		}
	}
	if (unreadableCalls)
		ctx.logger.warn(
			`Phrase TMS Catch-Up Trigger: ${unreadableCalls} webhook calls were unreadable`,
		);
	const observations: Observation[] = [...byEvent].map(([key, { first }]) => ({
		key: `event:${key}`,
		signature: 'failed',
		changedAt: optionalDate(first.createdAt, 'createdAt', ['iso']),
		items: () => itemsOfCall(ctx, first),
	}));
	return { observations, complete };
};

/** The items the Phrase TMS Trigger (one item per job part) makes of the body a call carried. */
export function itemsOfCall(ctx: IPollFunctions, call: PhraseWebhookCall): IDataObject[] {
	let json: unknown;
	try {
		json = JSON.parse(call.body ?? '');
	} catch {
		json = undefined;
	}
	const parsed = phraseDeliverySchema.safeParse(json);
	if (!parsed.success) {
		ctx.logger.warn(
			`Phrase TMS Catch-Up Trigger: webhook call ${call.uid} carries no Phrase webhook the trigger would accept; skipped`,
		);
		return [];
	}
	const body = parsed.data;
	const receivedAt = new Date();
	if (jobPartsOf(body).length === 0) return [buildPhraseOtherItem(body, receivedAt)];
	const parts = wantedParts(body, {
		...(ctx.getNodeParameter('filters', {}) as PhraseJobFilters),
		statuses: ctx.getNodeParameter('statuses', []) as string[],
	});
	return parts.map((part) => buildPhraseJobItem(body, part, receivedAt));
}
