import { createHash } from 'crypto';

import type { IDataObject } from 'n8n-workflow';

import { optionalDate } from '../common/delivery/dates';
import { buildEnvelope } from '../common/delivery/envelope';
import { redactUrlToken } from '../common/secrets/urlToken';
import { canonicalStatus, COMMENT_EVENT } from './events';
import type { GengoComment, GengoJob } from './schemas';

/** The Gengo Trigger's webhook path: what a callback_url carrying our token has before it (see redaction below). */
export const GENGO_WEBHOOK_PATH = 'gengo';

/** Gengo's `ctime` is Unix seconds (https://developers.gengo.com/v2/api_methods/job/); read by common/delivery/dates.ts. */
const isoFromUnix = (seconds: unknown): string | null =>
	optionalDate(seconds, 'ctime', ['epoch'])?.toISOString() ?? null;

const shortHash = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16);

/**
 * `custom_data` is documented as a string ("up to 1K", https://developers.gengo.com/v2/api_methods/payloads/): it
 * stays one, so a long numeric id keeps every digit. Only a JSON object or array (what most integrations put
 * there, e.g. `{"cms_id": ...}`) is parsed; anything else, including text that merely looks like JSON
 * (`{internal_id: 2311}` in Gengo's docs), is the string as sent. Empty or absent: null.
 */
export function parseCustomData(customData: unknown): IDataObject[string] {
	if (customData === undefined || customData === null || customData === '') return null;
	const text = String(customData);
	if (!/^\s*[[{]/.test(text)) return text;
	try {
		const parsed = JSON.parse(text) as unknown;
		return parsed !== null && typeof parsed === 'object' ? (parsed as IDataObject) : text;
	} catch {
		return text;
	}
}

/**
 * The job as the item shows it: as Gengo sent it (typed by the schema), `callback_url` without our secret token
 * (Gengo echoes each job's callback_url back, token included), plus `ctimeIso` and `etaIso` (`eta` counts seconds
 * from now: Gengo's estimate; none when it is negative or absent).
 */
export function presentJob(job: GengoJob, receivedAt: Date): IDataObject {
	const eta = job.eta;
	return {
		...job,
		...(typeof job.callback_url === 'string'
			? { callback_url: redactUrlToken(job.callback_url, GENGO_WEBHOOK_PATH) }
			: {}),
		ctimeIso: isoFromUnix(job.ctime),
		etaIso:
			typeof eta === 'number' && Number.isFinite(eta) && eta >= 0
				? new Date(receivedAt.getTime() + eta * 1000).toISOString()
				: null,
	};
}

/**
 * The eventKey of a job event (the Gengo Trigger's and the Gengo Catch-Up Trigger's alike):
 * `gengo:job:<job_id>:<status>`, the status in the job-status page's spelling (`cancelled` → `canceled`), and for
 * `reviewable` a hash of the translation (`body_tgt`) when the job has one: a job that comes back for review after
 * `revising` carries a new translation, so its second `reviewable` is a new event, while Gengo's retries of one
 * callback (and the same job read from the API) keep the key. Everything in it is in the callback and in the API's
 * job alike, so the catch-up trigger rebuilds the same key.
 */
export function gengoJobEventKey(job: GengoJob): string {
	const status = canonicalStatus(job.status);
	const text = typeof job.body_tgt === 'string' && job.body_tgt ? job.body_tgt : undefined;
	return `gengo:job:${job.job_id}:${status}${status === 'reviewable' && text ? `:${shortHash(text)}` : ''}`;
}

/**
 * The eventKey of a comment: per job, the comment's time (Unix seconds) and a hash of its text. Gengo's comment
 * callback and its comment thread (https://developers.gengo.com/v2/api_methods/job/, Comments GET) carry no
 * comment id, and ctime counts whole seconds, so two comments on one job in one second differ only by their text;
 * a retried callback and the thread's entry have the same time and text, so the same key.
 */
export function gengoCommentEventKey(
	jobId: string,
	ctime: number | undefined,
	body: string,
): string {
	return `gengo:comment:${jobId}:${ctime === undefined ? '' : `${ctime}:`}${shortHash(body)}`;
}

export interface GengoItemOptions {
	/** whether the job is the API's (Fetch Full Job, the catch-up trigger) rather than the callback's */
	fromApi: boolean;
	/**
	 * the callback's `file_url_tgt` parameter beside `job` (see GengoCallback): the item's fileUrl when the job
	 * itself has none; never used for a job from the API (everything in such an item is the API's)
	 */
	callbackFileUrl?: string;
}

/** The item's `fileUrl`: the first non-empty link. */
function fileUrlField(...links: unknown[]): { fileUrl?: string } {
	const link = links.find((l): l is string => typeof l === 'string' && l !== '');
	return link === undefined ? {} : { fileUrl: link };
}

/**
 * A job event as one item: the envelope (event = the job's status in the job-status page's spelling; `status` as
 * sent), then the job.
 */
export function buildGengoJobItem(
	job: GengoJob,
	receivedAt: Date,
	options: GengoItemOptions,
): IDataObject {
	return buildEnvelope(
		{
			vendor: 'gengo',
			event: canonicalStatus(job.status),
			eventKey: gengoJobEventKey(job),
			occurredAt: null,
			receivedAt,
			jobId: job.job_id,
			status: job.status,
		},
		{
			orderId: job.order_id ?? null,
			job: presentJob(job, receivedAt),
			customData: parseCustomData(job.custom_data),
			...fileUrlField(job.file_url_tgt, options.fromApi ? undefined : options.callbackFileUrl),
			fullJobFetched: options.fromApi,
		},
	);
}

/**
 * A comment event as one item. `fromApi`: the comment as the job's thread at the API has it and the job from the
 * API (Fetch Full Job), so nothing in the item comes from the callback; otherwise the callback's comment, and
 * `callbackFileUrl` (the callback's `file_url_tgt` parameter beside `comment`) when the comment has no link.
 */
export function buildGengoCommentItem(
	comment: GengoComment,
	receivedAt: Date,
	fromApi?: { job: GengoJob; comment: { body: string; author?: string; ctime?: number } },
	callbackFileUrl?: string,
): IDataObject {
	const shown = fromApi ? { job_id: fromApi.job.job_id, ...fromApi.comment } : comment;
	const fileUrl = fromApi
		? fileUrlField(fromApi.job.file_url_tgt)
		: fileUrlField(comment.file_url_tgt, callbackFileUrl);
	return buildEnvelope(
		{
			vendor: 'gengo',
			event: COMMENT_EVENT,
			eventKey: gengoCommentEventKey(shown.job_id, shown.ctime, shown.body),
			occurredAt: optionalDate(shown.ctime, 'ctime', ['epoch']),
			receivedAt,
			jobId: shown.job_id,
		},
		{
			orderId: fromApi?.job.order_id ?? null,
			comment: { ...shown, ctimeIso: isoFromUnix(shown.ctime) },
			customData: parseCustomData(fromApi ? fromApi.job.custom_data : comment.custom_data),
			...fileUrl,
			...(fromApi ? { job: presentJob(fromApi.job, receivedAt) } : {}),
			fullJobFetched: fromApi !== undefined,
		},
	);
}
