import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { downloadLink, waitForVendorJob, type DownloadLimits } from '../common/http/binaryDownload';
import { userDateParameter } from '../common/delivery/dates';
import { checkedId, pathSegment, type ApiContext } from '../common/http/httpClient';
import { canonicalStatus } from './events';
import { presentJob } from './output';
import { gengoApiJobSchema, type GengoJob } from './schemas';
import { GENGO_API, GengoApiError, gengoGet } from './transport';

/**
 * The Gengo API endpoints this package calls (https://developers.gengo.com/v2/api_methods/job/, .../jobs/,
 * .../order/, .../account/): what each operation of the Gengo node, the trigger's Fetch Full Job and the catch-up
 * trigger ask, and how the answers become items. Every id passes Gengo's format before it goes into a path.
 */

/** A Gengo job or order id: digits (https://developers.gengo.com/v2/api_methods/job/). */
export const GENGO_ID = /^\d{1,20}$/;
/** A revision id (`rev_id`, digits in Gengo's examples; letters allowed, nothing that changes the path). */
export const GENGO_REVISION_ID = /^[A-Za-z0-9_-]{1,40}$/;

/** `/translate/job/{id}` for a checked job id. */
export const jobPath = (jobId: string) =>
	`/translate/job/${pathSegment(jobId, GENGO_ID, 'Gengo job ID')}`;

/** A job of an API answer, typed leniently (see gengoApiJobSchema), or undefined when it is no job. */
export function parseApiJob(job: unknown): GengoJob | undefined {
	const parsed = gengoApiJobSchema.safeParse(job);
	return parsed.success ? parsed.data : undefined;
}

/** The job of a Job GET answer (`{job: {...}}`), or undefined. */
export function readJobAnswer(response: unknown): GengoJob | undefined {
	return parseApiJob((response as { job?: unknown } | undefined)?.job);
}

/** A job as the Gengo node outputs it: typed like the trigger's, callback_url without our token. */
function shown(job: GengoJob | undefined, raw: unknown): IDataObject {
	if (job) {
		const { ctimeIso, etaIso, ...rest } = presentJob(job, new Date());
		void ctimeIso;
		void etaIso;
		return rest;
	}
	return (raw && typeof raw === 'object' ? raw : {}) as IDataObject;
}

/** `123, 456 789` → ['123', '456', '789']; refuses what is not a job id. */
export function parseJobIds(text: string): string[] {
	const ids = text.split(/[\s,;]+/).filter(Boolean);
	const bad = ids.find((id) => !GENGO_ID.test(id));
	if (bad !== undefined)
		throw new GengoApiError(
			`"${bad.slice(0, 80)}" is not a Gengo job ID (job IDs are numbers)`,
			400,
			{ hint: "Check the Job ID: it is usually taken from the trigger's item with an expression." },
		);
	return [...new Set(ids)];
}

/** The one job id of a parameter (refused when it is empty or not an id). */
export function oneJobId(text: unknown): string {
	return checkedId(String(text ?? ''), GENGO_ID, 'Gengo job ID');
}

export async function getJob(ctx: ApiContext, jobId: string): Promise<IDataObject> {
	const response = await gengoGet(ctx, jobPath(jobId));
	return shown(readJobAnswer(response), (response as { job?: unknown } | undefined)?.job);
}

/** Job ids per `GET /translate/jobs/{ids}` call: keeps URLs short (the API documents no maximum). */
export const JOBS_PER_CALL = 50;

/** The job_id of an entry of an API answer, as a string ('' when it has none). */
const rawJobId = (raw: unknown): string =>
	String((raw as { job_id?: unknown } | null | undefined)?.job_id ?? '').trim();

/**
 * Jobs by id, through `GET /translate/jobs/{id,id,...}`, JOBS_PER_CALL at a time; the API's jobs, typed. Only
 * the jobs asked for, each once: an answer is untrusted, and a job listed that was not asked for (a proxy's or a
 * cache's mix-up) is dropped with a warning in n8n's log, so that it never becomes another job's item or event.
 */
export async function fetchJobsByIds(
	ctx: ApiContext,
	ids: string[],
): Promise<Array<{ job: GengoJob | undefined; raw: unknown }>> {
	const out: Array<{ job: GengoJob | undefined; raw: unknown }> = [];
	for (let i = 0; i < ids.length; i += JOBS_PER_CALL) {
		const chunk = ids
			.slice(i, i + JOBS_PER_CALL)
			.map((id) => pathSegment(id, GENGO_ID, 'Gengo job ID'));
		const response = (await gengoGet(ctx, `/translate/jobs/${chunk.join(',')}`)) as
			| { jobs?: unknown }
			| undefined;
		const jobs: unknown[] = Array.isArray(response?.jobs) ? response.jobs : [];
		const pending = new Set(chunk);
		const unasked: string[] = [];
		for (const raw of jobs) {
			const id = rawJobId(raw);
			if (!pending.delete(id)) {
				unasked.push(id.slice(0, 40) || '(none)');
				continue;
			}
			out.push({ job: parseApiJob(raw), raw });
		}
		if (unasked.length)
			ctx.logger.warn(
				`Gengo: the answer for jobs ${chunk.join(',')} also listed ${unasked.length} job(s) not asked for, or twice (${unasked.slice(0, 10).join(', ')}); they were ignored`,
			);
	}
	return out;
}

export async function getJobsByIds(ctx: IExecuteFunctions, ids: string[]): Promise<IDataObject[]> {
	return (await fetchJobsByIds(ctx, ids)).map(({ job, raw }) => shown(job, raw));
}

/**
 * The values the `status` filter of `GET /translate/jobs` takes (https://developers.gengo.com/v2/api_methods/jobs/):
 * "available", "pending", "reviewable", "approved", "rejected", or "canceled".
 */
export const JOB_LIST_STATUSES = [
	'available',
	'pending',
	'reviewable',
	'approved',
	'rejected',
	'canceled',
] as const;

/** The most jobs one `GET /translate/jobs` answers ("count ... Maximum 200"). */
export const MAX_LISTED_JOBS = 200;

export interface ListedJob {
	job_id: string;
	/** submission time, Unix seconds */
	ctime: number | undefined;
}

/**
 * `GET /translate/jobs`: `[{job_id, ctime}]` (no status), jobs submitted after `timestamp_after` (the job's ctime
 * is its submission time), at most `count` (≤ 200; without count but with timestamp_after, "all jobs submitted
 * since"). Entries whose job_id is not an id are dropped.
 */
export async function listJobs(
	ctx: ApiContext,
	query: { status?: string; timestampAfter?: number; count?: number },
): Promise<ListedJob[]> {
	const qs: IDataObject = {};
	if (query.status) qs.status = canonicalStatus(query.status);
	if (query.timestampAfter !== undefined) qs.timestamp_after = Math.floor(query.timestampAfter);
	if (query.count !== undefined) qs.count = Math.min(MAX_LISTED_JOBS, Math.max(1, query.count));
	const listed = await gengoGet(ctx, '/translate/jobs', qs);
	return (Array.isArray(listed) ? listed : []).flatMap((entry: unknown) => {
		const { job_id, ctime } = (entry ?? {}) as { job_id?: unknown; ctime?: unknown };
		const jobId = String(job_id ?? '').trim();
		if (!GENGO_ID.test(jobId)) return [];
		const seconds = Number(ctime);
		return [{ job_id: jobId, ctime: Number.isFinite(seconds) ? seconds : undefined }];
	});
}

/** The recent-jobs listing as the Gengo node outputs it: `[{job_id, ctime}]`, or the full jobs. */
export async function listRecentJobs(
	ctx: IExecuteFunctions,
	filters: { status?: string; createdAfter?: string; limit?: number },
	fullJobs: boolean,
): Promise<IDataObject[]> {
	// UTC unless the time gives its zone (common/delivery/dates.ts); no date: the node fails naming the filter
	const createdAfter = userDateParameter(ctx, filters.createdAfter, 'Created After') ?? Number.NaN;
	const listed = await listJobs(ctx, {
		status: filters.status,
		timestampAfter: Number.isNaN(createdAfter) ? undefined : createdAfter / 1000,
		count: filters.limit,
	});
	if (!fullJobs) return listed.map((entry) => ({ ...entry }));
	return await getJobsByIds(
		ctx,
		listed.map((entry) => entry.job_id),
	);
}

export async function getJobComments(ctx: ApiContext, jobId: string): Promise<IDataObject[]> {
	const response = (await gengoGet(ctx, `${jobPath(jobId)}/comments`)) as
		| { thread?: unknown }
		| undefined;
	const thread = Array.isArray(response?.thread) ? (response.thread as IDataObject[]) : [];
	return thread.map((comment) => ({ job_id: jobId, ...comment }));
}

export async function getJobRevisions(
	ctx: IExecuteFunctions,
	jobId: string,
): Promise<IDataObject[]> {
	const response = (await gengoGet(ctx, `${jobPath(jobId)}/revisions`)) as
		| { revisions?: unknown }
		| undefined;
	const revisions = Array.isArray(response?.revisions) ? (response.revisions as IDataObject[]) : [];
	return revisions.map((revision) => ({ job_id: jobId, ...revision }));
}

/**
 * One revision: `GET /translate/job/{id}/revision/{rev_id}`, singular (Gengo's API method list; gengo-python's
 * mock database, https://github.com/gengo/gengo-python, fixed its own client's plural path to this), answered
 * `{revision: {ctime, body_tgt}}`.
 */
export async function getJobRevision(
	ctx: IExecuteFunctions,
	jobId: string,
	revisionId: string,
): Promise<IDataObject> {
	const revision = pathSegment(revisionId, GENGO_REVISION_ID, 'Gengo revision ID');
	const response = (await gengoGet(ctx, `${jobPath(jobId)}/revision/${revision}`)) as
		| { revision?: IDataObject }
		| undefined;
	return { job_id: jobId, rev_id: revisionId.trim(), ...(response?.revision ?? {}) };
}

export async function getJobFeedback(ctx: IExecuteFunctions, jobId: string): Promise<IDataObject> {
	const response = (await gengoGet(ctx, `${jobPath(jobId)}/feedback`)) as
		| { feedback?: IDataObject }
		| undefined;
	return { job_id: jobId, ...(response?.feedback ?? {}) };
}

/** Statuses in which a job has its translation ("available in the reviewable and approved status"). */
const TRANSLATED = new Set(['reviewable', 'approved']);

/**
 * The translated file of a file job. Job GET gives `file_url_tgt` ("If the job is a file job, the response will
 * include file_url_src and file_url_tgt") and `file_download_ready`; while the job is reviewable or approved but
 * the file is not ready, Job GET is asked again (1 s, 2 s, 4 s ... 10 s apart) until `timeoutMs`. Gengo's callback
 * page (https://developers.gengo.com/v2/callback_urls/) says otherwise: the callback's `file_url_tgt` "is different
 * from the url you get from a GET on file jobs in Job(GET), which is src_file_link". So when a translated job's
 * Job GET has no `file_url_tgt`, `fallbackUrl` (the trigger item's `fileUrl`, from the callback) is fetched
 * instead. The file itself is fetched without our keys (downloadLink, streamed into n8n's binary store).
 */
export async function downloadTargetFile(
	ctx: IExecuteFunctions,
	jobId: string,
	binaryProperty: string,
	itemIndex: number,
	timeoutMs: number,
	fallbackUrl = '',
	limits?: DownloadLimits,
): Promise<INodeExecutionData> {
	const { job, link } = await waitForVendorJob<{ job: IDataObject; link: string }>(
		`The translated file of Gengo job ${jobId}`,
		async () => {
			const current = await getJob(ctx, jobId);
			const own = typeof current.file_url_tgt === 'string' ? current.file_url_tgt : '';
			const status = canonicalStatus(String(current.status ?? ''));
			if (own && current.file_download_ready !== false)
				return { done: true, value: { job: current, link: own } };
			if (!TRANSLATED.has(status))
				throw new GengoApiError(
					`Job ${jobId} has no translated file yet (status ${status || 'unknown'}): Gengo has it once the job is reviewable or approved`,
					409,
				);
			if (current.file_download_ready === false) return { done: false };
			if (fallbackUrl) return { done: true, value: { job: current, link: fallbackUrl } };
			throw new GengoApiError(
				`Job ${jobId} has no translated file: it is not a file job (its translation is body_tgt, see Get Job), or Gengo's Job GET gave no file_url_tgt and no File URL was given`,
				404,
			);
		},
		{ timeoutMs },
	);
	const binary = await downloadLink(ctx, link, `gengo-job-${jobId}`, {
		what: `The translated file of Gengo job ${jobId}`,
		// the link policy trusts the credential's own origin (a sandbox, a local simulator)
		api: GENGO_API,
		limits,
	});
	return {
		json: job,
		binary: { [binaryProperty]: binary },
		pairedItem: { item: itemIndex },
	};
}

export async function getOrder(ctx: IExecuteFunctions, orderId: string): Promise<IDataObject> {
	const response = (await gengoGet(
		ctx,
		`/translate/order/${pathSegment(orderId, GENGO_ID, 'Gengo order ID')}`,
	)) as { order?: IDataObject } | undefined;
	return response?.order ?? {};
}

export async function getAccount(
	ctx: IExecuteFunctions,
	what: 'balance' | 'stats',
): Promise<IDataObject> {
	return ((await gengoGet(ctx, `/account/${what}`)) ?? {}) as IDataObject;
}
