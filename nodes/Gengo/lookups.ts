import type { IWebhookFunctions } from 'n8n-workflow';

import { unauthorized, unavailable } from '../common/delivery/answers';
import { DELIVERY_LIMITS, WorkBudget } from '../common/delivery/workBudget';
import { jobPath, readJobAnswer } from './api';
import type { GengoCallback } from './delivery';
import { canonicalStatus } from './events';
import { gengoThreadEntrySchema, type GengoJob, type GengoThreadEntry } from './schemas';
import { GengoApiError, gengoGet } from './transport';

/**
 * "Fetch Full Job": the callback is taken as a hint only; what the workflow gets comes from the Gengo API, asked
 * with the user's credential (Job GET and the job's comment thread,
 * https://developers.gengo.com/v2/api_methods/job/). What that proves:
 * - the job exists in this account (job ids are sequential, so knowing one proves little by itself): otherwise 401;
 * - a job callback's status is the job's status at the API now: otherwise the callback is stale (a late retry of
 *   an earlier status) or forged, and nothing starts (200, a warning in n8n's log);
 * - a comment callback's comment is in the job's thread (same body and, when the callback has one, same ctime):
 *   otherwise likewise nothing starts;
 * - every field of the item (status, texts, custom_data, file link, the comment) is the API's.
 * It also covers texts too large for a callback (Gengo sends none over 60 KB).
 *
 * Bounded work: at most FULL_JOB_LIMITS.calls API calls per delivery (the job; the comments of a comment's job;
 * the account balance when the job is unknown, to tell "not this account's job" from "Gengo refuses our keys"),
 * within DELIVERY_LIMITS' time, none waiting out a 429. When the API cannot answer, the delivery gets 503 so
 * Gengo retries it (every 15 minutes for 12 hours) instead of the workflow running unconfirmed.
 */
export const FULL_JOB_LIMITS = { ...DELIVERY_LIMITS, calls: 3 } as const;

export type Confirmation =
	| { confirmed: true; job: GengoJob; comment?: GengoThreadEntry }
	/** `reason` is for n8n's log: ids and statuses, never a secret */
	| { confirmed: false; reason: string };

async function budgetedGet(
	ctx: IWebhookFunctions,
	budget: WorkBudget,
	path: string,
): Promise<unknown> {
	if (!budget.take())
		throw unavailable('the Gengo API did not answer in time to confirm this callback; retry later');
	return await gengoGet(ctx, path, {}, { rateLimitWaitMs: 0, timeoutMs: budget.remainingMs() });
}

/**
 * The job as the Gengo API has it. A job the account's API does not know → DeliveryRejected(401); the API down,
 * or refusing our credential (asked with a second, account-level call) → DeliveryRejected(503).
 */
export async function fetchConfirmedJob(
	ctx: IWebhookFunctions,
	jobId: string,
	budget = new WorkBudget(FULL_JOB_LIMITS),
): Promise<GengoJob> {
	const path = jobPath(jobId);
	const answer = await budgetedGet(ctx, budget, path).then(
		(response) => ({ response }),
		(error: unknown) => ({ error }),
	);
	if ('response' in answer) {
		const job = readJobAnswer(answer.response);
		if (job?.job_id === jobId) return job;
	} else if (!(answer.error instanceof GengoApiError)) {
		throw answer.error;
	} else if (answer.error.isUnavailable) {
		ctx.logger.warn(`Gengo Trigger: could not confirm job ${jobId}: ${answer.error.message}`);
		throw unavailable('the Gengo API is unavailable to confirm this job; retry later');
	}
	await assertCredentialAccepted(ctx, budget);
	throw unauthorized(`job ${jobId} is not known to this Gengo account`);
}

/** Tells "the job is not ours" from "Gengo refuses our keys": the latter is the user's to fix, not a forgery. */
async function assertCredentialAccepted(ctx: IWebhookFunctions, budget: WorkBudget): Promise<void> {
	const failure = await budgetedGet(ctx, budget, '/account/balance').then(
		() => undefined,
		(error: unknown) => (error instanceof Error ? error.message : String(error)),
	);
	if (failure === undefined) return;
	ctx.logger.error(
		`Gengo Trigger: the Gengo credential does not work (${failure}); callbacks are answered 503 until it is fixed`,
	);
	throw unavailable('the trigger cannot confirm callbacks with Gengo right now; retry later');
}

/** The job's comment thread at the API (`GET /translate/job/{id}/comments`): entries that parse. */
async function fetchThread(
	ctx: IWebhookFunctions,
	jobId: string,
	budget: WorkBudget,
): Promise<GengoThreadEntry[]> {
	const response = await budgetedGet(ctx, budget, `${jobPath(jobId)}/comments`).catch(
		(error: Error) => {
			if (!(error instanceof GengoApiError)) throw error;
			ctx.logger.warn(
				`Gengo Trigger: could not read the comments of job ${jobId}: ${error.message}`,
			);
			throw unavailable('the Gengo API is unavailable to confirm this comment; retry later');
		},
	);
	const thread = (response as { thread?: unknown } | undefined)?.thread;
	return (Array.isArray(thread) ? thread : []).flatMap((entry) => {
		const parsed = gengoThreadEntrySchema.safeParse(entry);
		return parsed.success ? [parsed.data] : [];
	});
}

/** Checks a callback against the Gengo API (see the module comment); throws DeliveryRejected for 401 and 503. */
export async function confirmCallback(
	ctx: IWebhookFunctions,
	callback: GengoCallback,
): Promise<Confirmation> {
	const budget = new WorkBudget(FULL_JOB_LIMITS);
	const jobId = callback.kind === 'job' ? callback.job.job_id : callback.comment.job_id;
	const job = await fetchConfirmedJob(ctx, jobId, budget);
	if (callback.kind === 'job') {
		const said = canonicalStatus(callback.job.status);
		const is = canonicalStatus(job.status);
		return said === is
			? { confirmed: true, job }
			: {
					confirmed: false,
					reason: `callback for job ${jobId} says "${callback.job.status}" but the Gengo API has "${job.status}"`,
				};
	}
	const { body, ctime } = callback.comment;
	const comment = (await fetchThread(ctx, jobId, budget)).find(
		(entry) => entry.body === body && (ctime === undefined || entry.ctime === ctime),
	);
	return comment
		? { confirmed: true, job, comment }
		: {
				confirmed: false,
				reason: `comment callback for job ${jobId}${ctime !== undefined ? ` (ctime ${ctime})` : ''} is not in the job's comments at the Gengo API`,
			};
}
