import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import type { CatchUpSource, Observation } from '../common/catchUp';
import { ALL_EVENTS } from '../common/eventFilter';
import { listWebhookCalls } from './api';
import { wantedParts, type PhraseJobFilters } from './filters';
import { buildPhraseJobItem, buildPhraseOtherItem } from './output';
import { jobPartsOf, phraseDeliverySchema, type PhraseWebhookCall } from './schemas';

/**
 * What the Phrase TMS Catch-Up Trigger recovers: the webhook calls Phrase keeps for 14 days (`GET
 * /api2/v1/webhooksCalls`, Phrase's OpenAPI "Lists webhook calls"; the "History" of support.phrase.com/hc/en-us/
 * articles/5709693398812) that FAILED, i.e. that no webhook receiver answered 2xx: n8n was down or unreachable, the
 * workflow was inactive (a manually set-up webhook), or the trigger refused the call. Each event (its `eventUid`,
 * else the first call's uid) becomes, once, the items the Phrase TMS Trigger (version 2) makes of the same body:
 * same envelope, same eventKey. Calls are read 50 a page within the poll's budget (common/catchUp.ts).
 */
export const phraseCatchUpSource: CatchUpSource = async (ctx, budget) => {
	const events = ctx.getNodeParameter('events', [ALL_EVENTS]) as string[];
	const webhookUrl = String(ctx.getNodeParameter('webhookUrl', '') ?? '').trim();
	const byEvent = new Map<string, { calls: PhraseWebhookCall[]; first: PhraseWebhookCall }>();
	let complete = false;
	for (let pageNumber = 0; budget.take(); pageNumber++) {
		const { calls, totalPages, unreadable } = await listWebhookCalls(ctx, {
			pageNumber,
			status: 'FAIL',
			events: events.includes(ALL_EVENTS) ? undefined : events,
		});
		if (unreadable)
			ctx.logger.warn(`Phrase TMS Catch-Up Trigger: ${unreadable} webhook calls were unreadable`);
		for (const call of calls) {
			if (!call.body || (webhookUrl && call.url !== webhookUrl)) continue;
			const key = call.eventUid || call.parentUid || call.uid;
			const entry = byEvent.get(key);
			if (!entry) byEvent.set(key, { calls: [call], first: call });
			else {
				entry.calls.push(call);
				if ((call.createdAt ?? '') < (entry.first.createdAt ?? '')) entry.first = call;
			}
		}
		if (calls.length === 0 || pageNumber + 1 >= totalPages) {
			complete = true;
			break;
		}
	}
	const observations: Observation[] = [...byEvent].map(([key, { first }]) => ({
		key: `event:${key}`,
		signature: 'failed',
		changedAt: first.createdAt ? new Date(first.createdAt) : null,
		items: () => itemsOfCall(ctx, first),
	}));
	return { observations, complete };
};

/** The items the Phrase TMS Trigger (version 2, one item per job part) makes of the body a call carried. */
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
	if (jobPartsOf(body).length === 0) return [buildPhraseOtherItem(body, receivedAt, 'eventUid')];
	const parts = wantedParts(body, {
		...(ctx.getNodeParameter('filters', {}) as PhraseJobFilters),
		statuses: ctx.getNodeParameter('statuses', []) as string[],
	});
	return parts.map((part) => buildPhraseJobItem(body, part, receivedAt, { keyRule: 'eventUid' }));
}
