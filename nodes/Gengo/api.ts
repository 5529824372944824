import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { pathSegment } from '../common/httpClient';

import { gengoJobSchema } from './schemas';
import { GengoApiError, gengoGet } from './transport';

/**
 * The Gengo API endpoints this package calls: what each operation of the Gengo node (and the trigger's Fetch Full
 * Job) asks the API (developers.gengo.com/v2/api_methods/{job,jobs,order,
 * account}) and how the answer becomes items. Each returns the JSON of its output items.
 */

/** Gengo answers numbers as strings in places: a job goes through the same typing as the trigger's. */
function typed(job: unknown): IDataObject {
	const parsed = gengoJobSchema.safeParse(job);
	return (parsed.success ? parsed.data : job) as IDataObject;
}

/** A Gengo job or order id: digits (developers.gengo.com/v2/api_methods/job). */
export const GENGO_ID = /^\d{1,20}$/;

const jobPath = (jobId: string) => `/translate/job/${pathSegment(jobId, GENGO_ID, 'Gengo job ID')}`;

/** `123, 456 789` → ['123', '456', '789']; refuses what is not a job id. */
export function parseJobIds(text: string): string[] {
	const ids = text.split(/[\s,;]+/).filter(Boolean);
	const bad = ids.find((id) => !/^\d{1,20}$/.test(id));
	if (bad !== undefined)
		throw new GengoApiError(`"${bad}" is not a Gengo job id (job ids are numbers)`, 400);
	return [...new Set(ids)];
}

export async function getJob(ctx: IExecuteFunctions, jobId: string): Promise<IDataObject> {
	const response = (await gengoGet(ctx, jobPath(jobId))) as { job?: unknown };
	return typed(response?.job);
}

/** Jobs by id, through the batch endpoint `/translate/jobs/{id,id,...}`, in chunks to keep URLs short. */
export async function getJobsByIds(ctx: IExecuteFunctions, ids: string[]): Promise<IDataObject[]> {
	const out: IDataObject[] = [];
	for (let i = 0; i < ids.length; i += 50) {
		const chunk = ids.slice(i, i + 50);
		const response = (await gengoGet(ctx, `/translate/jobs/${chunk.join(',')}`)) as {
			jobs?: unknown[];
		};
		out.push(...(response?.jobs ?? []).map(typed));
	}
	return out;
}

/** The recent-jobs listing (`GET /translate/jobs`): `[{job_id, ctime}]`, newest first, optionally the full jobs. */
export async function listRecentJobs(
	ctx: IExecuteFunctions,
	filters: { status?: string; createdAfter?: string; limit?: number },
	fullJobs: boolean,
): Promise<IDataObject[]> {
	const qs: Record<string, string | number> = {};
	if (filters.status) qs.status = filters.status;
	if (filters.createdAfter)
		qs.timestamp_after = Math.floor(new Date(filters.createdAfter).getTime() / 1000);
	if (filters.limit) qs.count = filters.limit;
	const listed = ((await gengoGet(ctx, '/translate/jobs', qs)) ?? []) as Array<{
		job_id?: unknown;
		ctime?: unknown;
	}>;
	if (!fullJobs) return listed.map((entry) => typed(entry));
	return await getJobsByIds(
		ctx,
		listed.map((entry) => String(entry.job_id)),
	);
}

export async function getJobComments(
	ctx: IExecuteFunctions,
	jobId: string,
): Promise<IDataObject[]> {
	const response = (await gengoGet(ctx, `${jobPath(jobId)}/comments`)) as {
		thread?: IDataObject[];
	};
	return (response?.thread ?? []).map((comment) => ({ job_id: jobId, ...comment }));
}

export async function getJobRevisions(
	ctx: IExecuteFunctions,
	jobId: string,
): Promise<IDataObject[]> {
	const response = (await gengoGet(ctx, `${jobPath(jobId)}/revisions`)) as {
		revisions?: IDataObject[];
	};
	return (response?.revisions ?? []).map((revision) => ({ job_id: jobId, ...revision }));
}

/** One revision; the path is the one Gengo's own gengo-python client uses (`/revisions/{rev_id}`). */
export async function getJobRevision(
	ctx: IExecuteFunctions,
	jobId: string,
	revisionId: string,
): Promise<IDataObject> {
	const response = (await gengoGet(
		ctx,
		`${jobPath(jobId)}/revisions/${pathSegment(revisionId, /^[A-Za-z0-9_-]{1,40}$/, 'Gengo revision ID')}`,
	)) as {
		revision?: IDataObject;
	};
	return { job_id: jobId, rev_id: revisionId, ...(response?.revision ?? {}) };
}

export async function getJobFeedback(ctx: IExecuteFunctions, jobId: string): Promise<IDataObject> {
	const response = (await gengoGet(ctx, `${jobPath(jobId)}/feedback`)) as {
		feedback?: IDataObject;
	};
	return { job_id: jobId, ...(response?.feedback ?? {}) };
}

/**
 * The translated file of a file job: Job GET gives `file_url_tgt` once the translation exists; the file itself is
 * fetched from that link without our credential (it is a download link, often on another host).
 */
export async function downloadTargetFile(
	ctx: IExecuteFunctions,
	jobId: string,
	binaryProperty: string,
	itemIndex: number,
): Promise<INodeExecutionData> {
	const job = await getJob(ctx, jobId);
	const url = typeof job.file_url_tgt === 'string' ? job.file_url_tgt : undefined;
	if (!url) {
		throw new GengoApiError(
			`Job ${jobId} has no translated file${job.status ? ` (status ${String(job.status)})` : ''}: only file jobs have one, once translated`,
			404,
		);
	}
	const response = (await ctx.helpers.httpRequest({
		method: 'GET',
		url,
		encoding: 'arraybuffer',
		returnFullResponse: true,
		timeout: 120_000,
	})) as { body: ArrayBuffer | Uint8Array; headers: Record<string, string | undefined> };
	const data = Buffer.from(response.body as ArrayBuffer);
	const fileName = decodeURIComponent(
		new URL(url).pathname.split('/').filter(Boolean).pop() ?? `gengo-job-${jobId}`,
	);
	const mimeType = response.headers['content-type']?.split(';')[0];
	return {
		json: job,
		binary: { [binaryProperty]: await ctx.helpers.prepareBinaryData(data, fileName, mimeType) },
		pairedItem: { item: itemIndex },
	};
}

export async function getOrder(ctx: IExecuteFunctions, orderId: string): Promise<IDataObject> {
	const response = (await gengoGet(
		ctx,
		`/translate/order/${pathSegment(orderId, GENGO_ID, 'Gengo order ID')}`,
	)) as {
		order?: IDataObject;
	};
	return response?.order ?? {};
}

export async function getAccount(
	ctx: IExecuteFunctions,
	what: 'balance' | 'stats',
): Promise<IDataObject> {
	return ((await gengoGet(ctx, `/account/${what}`)) ?? {}) as IDataObject;
}
