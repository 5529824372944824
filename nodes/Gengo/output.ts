import { createHash } from 'crypto';

import type { IDataObject } from 'n8n-workflow';

import { buildEnvelope } from '../common/envelope';
import { COMMENT_EVENT } from './events';
import type { GengoComment, GengoJob } from './schemas';

const isoFromUnix = (seconds: number | undefined): string | null =>
	seconds === undefined || !Number.isFinite(seconds) || seconds <= 0
		? null
		: new Date(seconds * 1000).toISOString();

/** `custom_data` as JSON when it is JSON (most integrations put an object there), else the string as sent. */
export function parseCustomData(customData: string | null | undefined): IDataObject[string] {
	if (customData === undefined || customData === null || customData === '') return null;
	const text = customData.trim();
	if (!/^[[{"]|^-?\d|^(true|false|null)$/.test(text)) return customData;
	try {
		return JSON.parse(text) as IDataObject[string];
	} catch {
		return customData;
	}
}

/** The job with `ctime` and `eta` also as ISO times (`eta` counts seconds from now, Gengo's estimate). */
export function typedJob(job: GengoJob, receivedAt: Date): IDataObject {
	return {
		...job,
		ctimeIso: isoFromUnix(job.ctime),
		etaIso:
			job.eta === undefined || job.eta < 0
				? null
				: new Date(receivedAt.getTime() + job.eta * 1000).toISOString(),
	};
}

/**
 * A job callback as one item: the envelope (event = the job's status; eventKey per job and status, so Gengo's
 * retries every 15 minutes carry the same key), then the job, typed.
 * `apiJob` is the job as the API answered it ("Fetch Full Job"); the event stays the callback's status.
 */
export function buildGengoJobItem(job: GengoJob, receivedAt: Date, apiJob?: GengoJob): IDataObject {
	const shown = apiJob ?? job;
	const fileUrl = shown.file_url_tgt ?? job.file_url_tgt;
	return buildEnvelope(
		{
			vendor: 'gengo',
			event: job.status,
			eventKey: `gengo:job:${job.job_id}:${job.status}`,
			occurredAt: null,
			receivedAt,
			jobId: job.job_id,
			status: job.status,
		},
		{
			orderId: shown.order_id ?? job.order_id ?? null,
			job: typedJob(shown, receivedAt),
			customData: parseCustomData(shown.custom_data ?? job.custom_data),
			...(fileUrl ? { fileUrl } : {}),
			fullJobFetched: apiJob !== undefined,
		},
	);
}

/** A comment callback as one item; eventKey per job and the comment's time (or its text, without a time). */
export function buildGengoCommentItem(
	comment: GengoComment,
	receivedAt: Date,
	apiJob?: GengoJob,
): IDataObject {
	return buildEnvelope(
		{
			vendor: 'gengo',
			event: COMMENT_EVENT,
			eventKey: `gengo:comment:${comment.job_id}:${comment.ctime ?? createHash('sha256').update(comment.body).digest('hex').slice(0, 16)}`,
			occurredAt: comment.ctime ? new Date(comment.ctime * 1000) : null,
			receivedAt,
			jobId: comment.job_id,
		},
		{
			orderId: apiJob?.order_id ?? null,
			comment: { ...comment, ctimeIso: isoFromUnix(comment.ctime) },
			customData: parseCustomData(comment.custom_data),
			...(comment.file_url_tgt ? { fileUrl: comment.file_url_tgt } : {}),
			...(apiJob ? { job: typedJob(apiJob, receivedAt) } : {}),
			fullJobFetched: apiJob !== undefined,
		},
	);
}
