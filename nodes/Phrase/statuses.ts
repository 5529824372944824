/**
 * Job status names differ between Phrase's REST API and its webhooks (support.phrase.com/hc/en-us/articles/5709693398812, "Job status names"):
 * the API's ACCEPTED is the webhook's ASSIGNED, COMPLETED is COMPLETED_BY_LINGUIST, DELIVERED is COMPLETED...
 * so "completed" means a different code in each. This is the one place that maps them.
 */
export const WEBHOOK_TO_API_STATUS: Record<string, string> = {
	NEW: 'NEW',
	ASSIGNED: 'ACCEPTED',
	DECLINED_BY_LINGUIST: 'DECLINED',
	REJECTED_BY_LINGUIST: 'REJECTED',
	COMPLETED: 'DELIVERED',
	EMAILED: 'EMAILED',
	COMPLETED_BY_LINGUIST: 'COMPLETED',
	CANCELLED: 'CANCELLED',
};

const API_TO_WEBHOOK_STATUS: Record<string, string> = Object.fromEntries(
	Object.entries(WEBHOOK_TO_API_STATUS).map(([w, a]) => [a, w]),
);

/** A webhook status in the API's terms (unknown names pass through). */
export function apiStatusOf(webhookStatus: string): string {
	return WEBHOOK_TO_API_STATUS[webhookStatus] ?? webhookStatus;
}

/** An API status in the webhook's terms (unknown names pass through). */
export function webhookStatusOf(apiStatus: string): string {
	return API_TO_WEBHOOK_STATUS[apiStatus] ?? apiStatus;
}

/**
 * The status filter's options: value `api:<API name>` or `webhook:<webhook name>`, so a user can pick in
 * either naming and "COMPLETED" in API terms matches a webhook's COMPLETED_BY_LINGUIST.
 */
export const STATUS_FILTER_OPTIONS = [
	...Object.entries(WEBHOOK_TO_API_STATUS).map(([webhook, api]) => ({
		name: `${api} (API name; webhook: ${webhook})`,
		value: `api:${api}`,
	})),
].sort((a, b) => a.name.localeCompare(b.name));

/** Whether a job's webhook status matches one of the filter's values (in API terms). */
export function statusMatches(webhookStatus: string, filter: readonly string[]): boolean {
	const api = apiStatusOf(webhookStatus);
	return filter.some((value) => value.replace(/^api:/, '') === api);
}
