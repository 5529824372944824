export { ALL_EVENTS, isEventWanted } from '../common/eventFilter';

/**
 * The events a Gengo callback can carry: the job's status when a `job` is posted, `comment` when a `comment`
 * is. Gengo's callback page (developers.gengo.com/v2/callback_urls) lists when Gengo calls: a job made available to translators (`available`), started by one
 * (`pending`), ready for review (`reviewable`), approved automatically or by hand in the dashboard (both
 * `approved`), and a translator's comment. The payloads page also documents `revising` and `cancelled`; order and
 * job actions add `held` and `rejected`. Codes Gengo may add later pass when "All Events" is chosen.
 */
export const GENGO_EVENTS: ReadonlyArray<
	readonly [code: string, name: string, description: string]
> = [
	['available', 'Job Available', 'The job was made available to translators'],
	['pending', 'Job Started (Pending)', 'A translator started the job'],
	['reviewable', 'Job Reviewable', 'The translation is ready for your review'],
	['approved', 'Job Approved', 'Approved automatically or by hand in the Gengo dashboard'],
	['revising', 'Job Revising', 'Sent back to the translator for revisions'],
	['rejected', 'Job Rejected', 'The translation was rejected'],
	['cancelled', 'Job Cancelled', 'The job was cancelled'],
	['held', 'Job Held', 'Gengo put the job on hold'],
	['comment', 'Comment', 'A translator commented on the job'],
];

export const COMMENT_EVENT = 'comment';
