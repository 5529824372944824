import type { IWebhookFunctions } from 'n8n-workflow';

import { mapWithConcurrency } from '../common/http/concurrency';
import { orRetryLater } from '../common/delivery/answers';
import { WorkBudget } from '../common/delivery/workBudget';
import { getDocument, getProject } from './api';
import type { SmartcatEvent } from './events';
import { selectedStatuses } from './properties';
import type { SmartcatEntity } from './schemas';
import { SMARTCAT_REQUESTS_PER_SECOND, SmartcatOutOfTime } from './transport';

export interface LookedUp {
	ids: string[];
	/** per id: the project or document, or undefined when the delivery's budget did not reach it */
	details: Array<SmartcatEntity | undefined>;
	/** why some ids have no details (the budget), or undefined when all have */
	skipped?: string;
}

/**
 * "Fetch Details": each id of a delivery looked up (the callback carries only ids), then "Only Statuses"
 * applied. The work is bounded (README "Bounded work per delivery"): at most `budget.limits.calls` lookups
 * and `budget.limits.ms` of waiting, paced to Smartcat's 4 requests per second; ids beyond that stay in the
 * output without details (`skipped` says why), so no event is lost and the delivery is answered in time. A
 * lookup that fails makes the whole delivery 503 (Smartcat retries it) rather than dropping an id.
 */
export async function lookUpDelivery(
	ctx: IWebhookFunctions,
	event: SmartcatEvent,
	ids: string[],
	budget = new WorkBudget(),
): Promise<LookedUp> {
	const started = Date.now();
	const deadline = started + budget.limits.ms;
	const lookUp = async (id: string): Promise<SmartcatEntity | undefined> => {
		if (!budget.take()) return undefined;
		const options = {
			deadline,
			// a 429 is Smartcat's to retry: the delivery answers 503 (orRetryLater)
			rateLimitWaitMs: 0,
			timeoutMs: Math.max(1000, budget.remainingMs()),
		};
		const lookup =
			event.idKind === 'project' ? getProject(ctx, id, options) : getDocument(ctx, id, options);
		// no rate-limit slot left before the deadline: this id goes out without details
		return await lookup.catch(async (error: unknown) =>
			error instanceof SmartcatOutOfTime ? undefined : await Promise.reject(error),
		);
	};
	let details = await orRetryLater(
		ctx,
		mapWithConcurrency(ids, SMARTCAT_REQUESTS_PER_SECOND, lookUp),
		`Smartcat Trigger: looking up ${event.idKind}s failed`,
		`could not look the ${event.idKind}s up in Smartcat; retry later`,
	);
	const missing = details.filter((d) => d === undefined).length;
	const skipped = missing
		? `${missing} of ${ids.length} ${event.idKind}s were not looked up: one delivery makes at most ${budget.limits.calls} API calls in ${budget.limits.ms / 1000} s (Smartcat allows ${SMARTCAT_REQUESTS_PER_SECOND} per second)`
		: undefined;
	if (missing)
		ctx.logger.warn(`Smartcat Trigger: ${skipped}; they are in the output without details`);

	const statuses = selectedStatuses(ctx);
	if (!statuses.length) return { ids, details, skipped };
	// an id without details cannot be filtered: it is kept, so that no event is lost
	const keep = details.map((d) => !d || statuses.includes((d.status ?? '').toLowerCase()));
	details = details.filter((_, i) => keep[i]);
	return { ids: ids.filter((_, i) => keep[i]), details, skipped };
}
