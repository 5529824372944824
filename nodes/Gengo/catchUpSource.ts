import { createHash } from 'crypto';

import type { IPollFunctions } from 'n8n-workflow';

import type { CatchUpSource, Observation } from '../common/catchUp/engine';
import { optionalDate } from '../common/delivery/dates';
import { selectedEvents } from '../common/delivery/events';
import { fetchJobsByIds, JOBS_PER_CALL, jobPath, listJobs } from './api';
import { canonicalStatus, COMMENT_EVENT, FINAL_STATUSES, isGengoEventWanted } from './events';
import { buildGengoCommentItem, buildGengoJobItem, gengoJobEventKey } from './output';
import { gengoThreadEntrySchema, type GengoJob } from './schemas';
import { gengoGet } from './transport';

/**
 * What the Gengo Catch-Up Trigger reads on each poll. Gengo's API cannot list "what changed since": its job list
 * (`GET /translate/jobs`, https://developers.gengo.com/v2/api_methods/jobs/) filters on submission time
 * (`timestamp_after`, a job's ctime) and answers `{job_id, ctime}` without a status, and no job carries a change
 * time. So each poll takes a snapshot:
 * 1. the jobs submitted in the look-back window (one list call, without `count`: "If you only use
 *    timestamp_after, you'll get all jobs submitted since"), the `jobs` most recently submitted of them;
 * 2. those jobs in full, JOBS_PER_CALL per `GET /translate/jobs/{ids}` call (status, translation, custom_data);
 * 3. when comments are wanted, the comment threads (`GET /translate/job/{id}/comments`) of the `commentThreads`
 *    most recently submitted jobs that are not finished (approved, rejected, canceled).
 * common/catchUp/engine.ts compares the snapshot with the last one and emits what differs, with the items and eventKeys
 * the Gengo Trigger gives the same events.
 *
 * Bounds: at most 1 + jobs / JOBS_PER_CALL + commentThreads calls per poll (61 with the defaults, under
 * CATCH_UP_LIMITS.calls and Gengo's 150 requests a minute); a job submitted before the window, or beyond the
 * `jobs` most recent, is not watched (the poll says so in n8n's log).
 */
export const GENGO_CATCH_UP_LIMITS = {
	/** the look-back window, days: default and the most a user may set */
	defaultLookBackDays: 30,
	maxLookBackDays: 90,
	/** jobs watched per poll (the most recently submitted in the window) */
	jobs: 1000,
	/** comment threads read per poll */
	commentThreads: 40,
} as const;

const DAY_SECONDS = 24 * 60 * 60;

/** Comments a callback is sent for: Gengo calls back for a translator's comment, not for your own. */
const isOwnComment = (author: string | undefined) => author === 'customer';

function jobObservation(job: GengoJob, polledAt: Date): Observation {
	return {
		key: `job:${job.job_id}`,
		// what can change about a job for our events: its status, and for a reviewable job its translation
		signature: gengoJobEventKey(job),
		// Gengo gives no change time; a job's every status came after its submission (used with "Start From")
		changedAt: optionalDate(job.ctime, 'ctime', ['epoch']),
		items: () => [buildGengoJobItem(job, polledAt, { fromApi: true })],
	};
}

async function commentObservations(
	ctx: IPollFunctions,
	job: GengoJob,
	polledAt: Date,
): Promise<Observation[]> {
	const response = (await gengoGet(ctx, `${jobPath(job.job_id)}/comments`)) as
		| { thread?: unknown }
		| undefined;
	const thread = Array.isArray(response?.thread) ? response.thread : [];
	return thread.flatMap((entry: unknown) => {
		const parsed = gengoThreadEntrySchema.safeParse(entry);
		if (!parsed.success || isOwnComment(parsed.data.author)) return [];
		const comment = {
			body: parsed.data.body,
			author: parsed.data.author,
			ctime: parsed.data.ctime,
		};
		const bodyHash = createHash('sha256').update(comment.body).digest('base64url').slice(0, 10);
		return [
			{
				key: `comment:${job.job_id}:${comment.ctime ?? ''}:${bodyHash}`,
				signature: 'seen',
				changedAt: optionalDate(comment.ctime, 'ctime', ['epoch']),
				items: () => [
					buildGengoCommentItem({ job_id: job.job_id, body: comment.body }, polledAt, {
						job,
						comment,
					}),
				],
			},
		];
	});
}

/** The Gengo Catch-Up Trigger's CatchUpSource (see the module comment). */
export const gengoCatchUpSource: CatchUpSource = async (ctx, budget) => {
	const polledAt = new Date();
	const days = Math.min(
		GENGO_CATCH_UP_LIMITS.maxLookBackDays,
		Math.max(
			1,
			Number(ctx.getNodeParameter('lookBackDays', GENGO_CATCH_UP_LIMITS.defaultLookBackDays)) ||
				GENGO_CATCH_UP_LIMITS.defaultLookBackDays,
		),
	);
	const selected = selectedEvents(ctx);
	const observations: Observation[] = [];
	let complete = true;

	budget.take();
	const listed = await listJobs(ctx, {
		timestampAfter: Math.floor(polledAt.getTime() / 1000) - days * DAY_SECONDS,
	});
	const watched = [...listed]
		.sort((a, b) => (b.ctime ?? 0) - (a.ctime ?? 0) || Number(b.job_id) - Number(a.job_id))
		.slice(0, GENGO_CATCH_UP_LIMITS.jobs);
	if (watched.length < listed.length) {
		complete = false;
		ctx.logger.warn(
			`Gengo Catch-Up Trigger: ${listed.length} jobs were submitted in the last ${days} days; only the ${watched.length} most recent are watched`,
		);
	}

	const jobs: GengoJob[] = [];
	for (let i = 0; i < watched.length; i += JOBS_PER_CALL) {
		if (!budget.take()) {
			complete = false;
			ctx.logger.warn(
				`Gengo Catch-Up Trigger: the poll's budget (${budget.limits.calls} calls, ${budget.limits.ms / 1000} s) ran out after ${jobs.length} of ${watched.length} jobs`,
			);
			break;
		}
		const chunk = watched.slice(i, i + JOBS_PER_CALL).map((entry) => entry.job_id);
		for (const { job } of await fetchJobsByIds(ctx, chunk)) if (job) jobs.push(job);
	}
	for (const job of jobs) observations.push(jobObservation(job, polledAt));

	if (isGengoEventWanted(COMMENT_EVENT, selected)) {
		const open = jobs
			.filter((job) => !FINAL_STATUSES.has(canonicalStatus(job.status)))
			.sort((a, b) => Number(b.ctime ?? 0) - Number(a.ctime ?? 0))
			.slice(0, GENGO_CATCH_UP_LIMITS.commentThreads);
		for (const job of open) {
			if (!budget.take()) {
				complete = false;
				break;
			}
			observations.push(...(await commentObservations(ctx, job, polledAt)));
		}
	}
	return { observations, complete };
};
