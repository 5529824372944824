/**
 * Job status names differ between Phrase's REST API and its webhooks: the API's job statuses are NEW, ACCEPTED,
 * DECLINED, REJECTED, DELIVERED, EMAILED, COMPLETED, CANCELLED (developers.phrase.com/en/api/tms/latest/job/
 * list-jobs, `status`), while webhooks carry ASSIGNED, COMPLETED_BY_LINGUIST, DECLINED_BY_LINGUIST, and a
 * COMPLETED that is the API's DELIVERED (real deliveries; the pairing is the one Blackbird's open-source Phrase app
 * labels: ASSIGNED "Accepted by provider", COMPLETED "Delivered"...). "Completed" thus means a different code in
 * each. This is the one place that maps them; a webhook name not listed passes through unchanged.
 */
export const STATUS_PAIRS = [
	{ api: 'NEW', webhook: 'NEW', label: 'New' },
	{ api: 'EMAILED', webhook: 'EMAILED', label: 'Emailed' },
	{ api: 'ACCEPTED', webhook: 'ASSIGNED', label: 'Accepted' },
	{ api: 'DECLINED', webhook: 'DECLINED_BY_LINGUIST', label: 'Declined' },
	{ api: 'REJECTED', webhook: 'REJECTED_BY_LINGUIST', label: 'Rejected' },
	{ api: 'COMPLETED', webhook: 'COMPLETED_BY_LINGUIST', label: 'Completed' },
	{ api: 'DELIVERED', webhook: 'COMPLETED', label: 'Delivered' },
	{ api: 'CANCELLED', webhook: 'CANCELLED', label: 'Cancelled' },
] as const;

const WEBHOOK_TO_API_STATUS: Record<string, string> = Object.fromEntries(
	STATUS_PAIRS.map(({ webhook, api }) => [webhook, api]),
);

/** A webhook status in the API's terms (unknown names pass through). */
export function apiStatusOf(webhookStatus: string): string {
	return WEBHOOK_TO_API_STATUS[webhookStatus] ?? webhookStatus;
}

/**
 * The status filter's options: the name Phrase's UI shows, the value `api:<API name>`; the description gives both
 * codes. A saved value stays the same whatever the option is called.
 */
export const STATUS_FILTER_OPTIONS = STATUS_PAIRS.map(({ api, webhook, label }) => ({
	name: label,
	value: `api:${api}`,
	description: `API: ${api}; webhook: ${webhook}`,
})).sort((a, b) => a.name.localeCompare(b.name));

/** The job statuses an API call filters by, as options (the action node's Get Many). */
export const API_STATUS_OPTIONS = STATUS_PAIRS.map(({ api, label }) => ({
	name: label,
	value: api,
	description: `API name ${api}`,
})).sort((a, b) => a.name.localeCompare(b.name));

/** Whether a job's webhook status matches one of the filter's values (in API terms). */
export function statusMatches(webhookStatus: string, filter: readonly string[]): boolean {
	const api = apiStatusOf(webhookStatus);
	return filter.some((value) => value.replace(/^api:/, '') === api);
}
