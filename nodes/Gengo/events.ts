import { isEventWanted } from '../common/delivery/events';

/**
 * The events a Gengo callback can carry: the job's status when a `job` is posted, `comment` when a `comment`
 * is. Gengo's callback page (https://developers.gengo.com/v2/callback_urls/) lists when Gengo calls: a job made
 * available to translators (`available`), started by one (`pending`), ready for review (`reviewable`), approved
 * automatically or by hand in the dashboard (both `approved`), and a translator's comment. The values are the
 * spellings of Gengo's job-status page (https://developers.gengo.com/v2/job_statuses/): `queued`, `available`,
 * `pending`, `reviewable`, `approved`, `revising`, `rejected`, `canceled`, `hold`. Codes Gengo may add later
 * pass when "All Events" is chosen.
 */
export const GENGO_EVENTS: ReadonlyArray<
	readonly [code: string, name: string, description: string]
> = [
	['queued', 'Job Queued', 'Gengo is processing the job; translators cannot see it yet'],
	['available', 'Job Available', 'The job was made available to translators'],
	['pending', 'Job Started (Pending)', 'A translator started the job'],
	['reviewable', 'Job Reviewable', 'The translation is ready for your review'],
	['approved', 'Job Approved', 'Approved automatically or by hand in the Gengo dashboard'],
	['revising', 'Job Revising', 'Sent back to the translator for revisions'],
	['rejected', 'Job Rejected', 'The translation was rejected'],
	['canceled', 'Job Canceled', 'The job was canceled'],
	['hold', 'Job On Hold', 'Gengo support put the job on hold for review'],
	['comment', 'Comment', 'A translator commented on the job'],
];

export const COMMENT_EVENT = 'comment';

/**
 * Other spellings of a status in Gengo's own documents: the Payloads page
 * (https://developers.gengo.com/v2/api_methods/payloads/) says `cancelled`, Order GET
 * (https://developers.gengo.com/v2/api_methods/order/) has `jobs_cancelled` and `jobs_held`; the job-status page
 * and the `GET /translate/jobs` filter say `canceled` and `hold`. Either spelling may come in a callback or be
 * typed into a filter (an expression), so both are compared in the job-status page's spelling.
 */
const STATUS_ALIASES: Readonly<Record<string, string>> = { cancelled: 'canceled', held: 'hold' };

/** A status in the job-status page's spelling (`cancelled` → `canceled`, `held` → `hold`); others unchanged. */
export function canonicalStatus(status: string): string {
	return STATUS_ALIASES[status] ?? status;
}

/** Whether a filter (event codes, possibly old spellings or ALL_EVENTS) wants this event, in either spelling. */
export function isGengoEventWanted(event: string, selected: readonly string[]): boolean {
	return isEventWanted(canonicalStatus(event), selected.map(canonicalStatus));
}

/** Statuses after which a job changes no more (https://developers.gengo.com/v2/job_statuses/). */
export const FINAL_STATUSES: ReadonlySet<string> = new Set(['approved', 'rejected', 'canceled']);
