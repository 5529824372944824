import type { IWebhookFunctions } from 'n8n-workflow';

import { orRetryLater } from '../common/delivery';
import { lookUpAll } from './api';
import type { SmartcatEvent } from './events';
import type { SmartcatEntity } from './schemas';

/** "Only Statuses": comma-separated, compared without case. */
export function parseStatuses(text: string): string[] {
	return text
		.split(',')
		.map((s) => s.trim().toLowerCase())
		.filter(Boolean);
}

/**
 * "Fetch Details": each id of a delivery looked up (the callback carries only ids), then "Only Statuses" applied.
 * A failed lookup makes the whole delivery 503 (Smartcat retries it) rather than dropping an id.
 */
export async function lookUpDelivery(
	ctx: IWebhookFunctions,
	event: SmartcatEvent,
	ids: string[],
): Promise<{ ids: string[]; details: SmartcatEntity[] }> {
	let details = await orRetryLater(
		ctx,
		lookUpAll(ctx, event.idKind, ids),
		`Smartcat Trigger: looking up ${event.idKind}s failed`,
		`could not look the ${event.idKind}s up in Smartcat; retry later`,
	);
	const statuses = parseStatuses(ctx.getNodeParameter('statuses', '') as string);
	if (!statuses.length) return { ids, details };
	const keep = details.map((d) => statuses.includes((d.status ?? '').toLowerCase()));
	details = details.filter((_, i) => keep[i]);
	return { ids: ids.filter((_, i) => keep[i]), details };
}
