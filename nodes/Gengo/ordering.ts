import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { pathSegment } from '../common/http/httpClient';
import type { UploadFile } from '../common/http/upload';
import { GENGO_ID, jobPath, parseApiJob } from './api';
import { presentJob } from './output';
import { GengoApiError, gengoSend } from './transport';

/**
 * What the Gengo node sends that costs money or work (https://developers.gengo.com/v2/api_methods/): quotes
 * (`POST /translate/service/quote`, text jobs form-encoded, file jobs as a multipart upload that answers an
 * `identifier` per file), orders (`POST /translate/jobs`, a file job by that identifier), cancelling an order's
 * available jobs (`DELETE /translate/order/{id}`) and a reviewable job's approval, revision request or rejection
 * (`PUT /translate/job/{id}`) and comments (`POST /translate/job/{id}/comment`).
 *
 * Orders, job actions, comments and cancellations are sent once (`createsWork`): once a request may have reached
 * Gengo (no answer, a 5xx) it is not repeated, and the error says how to check what Gengo did. Gengo's own
 * duplicate detection ("lazy loading", https://developers.gengo.com/v2/api_methods/jobs/: a job whose content
 * was ordered and translated before comes back as the existing job instead of a new order) stays on: the node
 * sends `force` only when the user asks for a fresh translation.
 */

/** The one job of each request: Gengo keys a call's jobs by names of the caller's choosing. */
const JOB_KEY = 'job_1';
const FILE_KEY = `file_${JOB_KEY}`;

/** Gengo: "Request should be no larger than 100MB" (https://developers.gengo.com/v2/api_methods/job/). */
export const GENGO_MAX_UPLOAD_BYTES = 100 * 1024 * 1024;
export const GENGO_UPLOAD_LIMIT_TEXT =
	'Gengo accepts requests of up to 100 MB ("Request should be no larger than 100MB", developers.gengo.com/v2/api_methods/job).';

/** Gengo: comments "should not exceed more than 25,000 characters". */
export const MAX_COMMENT_CHARACTERS = 25_000;
/** Gengo: custom_data is "up to 1K of client-specific data". */
export const MAX_CUSTOM_DATA_BYTES = 1024;

/** The identifier a file quote answers (a hash in Gengo's examples): it goes back into an order as it is. */
const IDENTIFIER = /^[A-Za-z0-9_-]{1,256}$/;

export type JobContent = { kind: 'text'; text: string } | { kind: 'file'; file: UploadFile };

export interface JobOrderSettings {
	lcSrc: string;
	lcTgt: string;
	tier: string;
	slug: string;
	comment?: string;
	autoApprove?: boolean;
	customData?: string;
	/** with the secret token, when the callback is the Gengo Trigger */
	callbackUrl?: string;
	force?: boolean;
	usePreferred?: boolean;
}

const text = (value: unknown): string =>
	typeof value === 'string' || typeof value === 'number' ? String(value) : '';

/** Gengo's `jobs` of an answer, keyed (`{job_1: {...}}`) or, in its older examples, a list of one-key objects. */
function answeredJobs(response: unknown): Record<string, unknown> {
	const jobs = (response as { jobs?: unknown } | undefined)?.jobs;
	if (Array.isArray(jobs))
		return Object.assign(
			{},
			...jobs.filter((entry) => entry && typeof entry === 'object' && !Array.isArray(entry)),
		) as Record<string, unknown>;
	return jobs && typeof jobs === 'object' ? (jobs as Record<string, unknown>) : {};
}

/** A per-job error inside an answer that is "ok" as a whole: `{"err": {"code": 1802, "filename": ...}}`. */
function jobError(entry: unknown, what: string): GengoApiError | undefined {
	const err = (entry as { err?: unknown } | undefined)?.err;
	if (!err || typeof err !== 'object') return undefined;
	const { code, msg, filename } = err as { code?: unknown; msg?: unknown; filename?: unknown };
	const detail = [text(msg), filename !== undefined ? `file "${text(filename)}"` : '']
		.filter(Boolean)
		.join(', ');
	return new GengoApiError(
		`Gengo refused ${what}${detail ? `: ${detail}` : ''}${code !== undefined ? ` (code ${text(code)})` : ''}`,
		400,
		{ vendorCode: code as number | string | undefined },
	);
}

/** The payload of the job to quote or order (https://developers.gengo.com/v2/api_methods/payloads/). */
function jobPayload(content: JobContent, settings: JobOrderSettings): IDataObject {
	const job: IDataObject = {
		type: content.kind,
		slug: settings.slug,
		lc_src: settings.lcSrc,
		lc_tgt: settings.lcTgt,
		tier: settings.tier,
	};
	if (content.kind === 'text') job.body_src = content.text;
	else job.file_key = FILE_KEY;
	return job;
}

export interface GengoQuote extends IDataObject {
	type: string;
	lc_src: string;
	lc_tgt: string;
	tier: string;
	/** file jobs: what the order refers to */
	identifier?: string;
}

/**
 * A quote: credits, eta (seconds), unit count, currency (and for a file, Gengo's identifier of the uploaded file).
 * Free of charge and creates nothing to pay for, so it is an ordinary request.
 */
export async function quoteJob(
	ctx: IExecuteFunctions,
	content: JobContent,
	settings: JobOrderSettings,
): Promise<GengoQuote> {
	const response = await gengoSend(ctx, 'POST', '/translate/service/quote', {
		data: { jobs: { [JOB_KEY]: jobPayload(content, settings) } },
		files: content.kind === 'file' ? [{ name: FILE_KEY, file: content.file }] : undefined,
		// an upload of up to 100 MB: more than the default 30 s of silence may pass while Gengo reads it
		timeoutMs: content.kind === 'file' ? 300_000 : undefined,
	});
	const entry = answeredJobs(response)[JOB_KEY];
	const what = content.kind === 'file' ? `the file "${content.file.fileName}"` : 'the text';
	const refused = jobError(entry, what);
	if (refused) throw refused;
	if (!entry || typeof entry !== 'object')
		throw new GengoApiError(`Gengo's quote has no entry for ${what}`, 502);
	const quote = entry as IDataObject;
	const identifier = text(quote.identifier);
	if (content.kind === 'file' && !IDENTIFIER.test(identifier))
		throw new GengoApiError(
			`Gengo's quote for ${what} has no usable identifier, so the file cannot be ordered`,
			502,
		);
	const eta = Number(quote.eta);
	return {
		...quote,
		type: content.kind,
		lc_src: settings.lcSrc,
		lc_tgt: settings.lcTgt,
		tier: settings.tier,
		...(Number.isFinite(eta) && eta > 0
			? { etaIso: new Date(Date.now() + eta * 1000).toISOString() }
			: {}),
		...(content.kind === 'file'
			? { identifier, fileName: content.file.fileName, fileSize: content.file.size }
			: {}),
	};
}

/** What an order answers, as the node outputs it. */
export interface GengoOrderResult extends IDataObject {
	/** the new order's id; null when Gengo ordered nothing new (the job was ordered and translated before) */
	orderId: string | null;
	/** true when Gengo answered with existing jobs for this content instead of a new order (no `force`) */
	alreadyOrdered: boolean;
	/** ids of the existing jobs Gengo answered with (duplicate detection), else empty */
	jobIds: string[];
}

/**
 * The check a user makes before ordering again after an order that may or may not have reached Gengo. Job →
 * Get Many lists jobs by submission time; the dashboard lists orders.
 */
const ORDER_CHECK_HINT =
	"Before running it again, check whether Gengo placed the order: Gengo's dashboard (Orders), or this node's Job → Get Many with Source: Recent Jobs and Created After a few minutes ago. The order's jobs carry this item's custom data.";

/**
 * Orders one job: text as it is; a file after a quote that uploads it (Gengo's identifier then stands for the
 * file). The order request is sent once (ORDER_CHECK_HINT).
 */
export async function orderJob(
	ctx: IExecuteFunctions,
	content: JobContent,
	settings: JobOrderSettings,
	secrets: readonly string[] = [],
): Promise<GengoOrderResult> {
	const job = jobPayload(content, settings);
	let quote: GengoQuote | undefined;
	if (content.kind === 'file') {
		quote = await quoteJob(ctx, content, settings);
		delete job.file_key;
		job.identifier = quote.identifier;
	}
	job.auto_approve = settings.autoApprove ? 1 : 0;
	if (settings.comment) job.comment = settings.comment;
	if (settings.customData) job.custom_data = settings.customData;
	if (settings.callbackUrl) job.callback_url = settings.callbackUrl;
	// only when asked: without it Gengo's duplicate detection answers the existing job instead of charging again
	if (settings.force) job.force = 1;
	if (settings.usePreferred) job.use_preferred = 1;

	const response = (await gengoSend(ctx, 'POST', '/translate/jobs', {
		data: { jobs: { [JOB_KEY]: job } },
		createsWork: { checkHint: ORDER_CHECK_HINT },
		secrets,
	})) as IDataObject | undefined;
	const answer = response && typeof response === 'object' ? response : {};
	const jobs = answeredJobs(answer);
	const refused = jobError(jobs[JOB_KEY], 'the job');
	if (refused) throw refused;
	// duplicate detection: the job's entry is the list of jobs Gengo already has for this content
	const existing = (Array.isArray(jobs[JOB_KEY]) ? (jobs[JOB_KEY] as unknown[]) : []).map((raw) => {
		const parsed = parseApiJob(raw);
		return parsed ? shownJob(parsed) : ((raw ?? {}) as IDataObject);
	});
	const orderId = text(answer.order_id).trim();
	const { jobs: _jobs, ...rest } = answer;
	void _jobs;
	return {
		...rest,
		orderId: GENGO_ID.test(orderId) ? orderId : null,
		alreadyOrdered: existing.length > 0 && !GENGO_ID.test(orderId),
		jobIds: existing.map((j) => text(j.job_id)).filter((id) => GENGO_ID.test(id)),
		...(existing.length ? { jobs: existing } : {}),
		type: content.kind,
		lc_src: settings.lcSrc,
		lc_tgt: settings.lcTgt,
		tier: settings.tier,
		slug: settings.slug,
		...(settings.customData ? { custom_data: settings.customData } : {}),
		...(quote ? { quote: { ...quote } } : {}),
	};
}

/** A job of an answer as items show jobs: typed, callback_url without its token. */
function shownJob(job: NonNullable<ReturnType<typeof parseApiJob>>): IDataObject {
	const { ctimeIso, etaIso, ...rest } = presentJob(job, new Date());
	void ctimeIso;
	void etaIso;
	return rest;
}

/** Cancels an order's available jobs (Gengo leaves jobs a translator has started alone). Sent once. */
export async function cancelOrder(ctx: IExecuteFunctions, orderId: string): Promise<IDataObject> {
	const id = pathSegment(orderId, GENGO_ID, 'Gengo order ID');
	const response = (await gengoSend(ctx, 'DELETE', `/translate/order/${id}`, {
		createsWork: {
			checkHint: `Order → Get for order ${id} shows which of its jobs are cancelled before you run it again.`,
		},
	})) as { order?: IDataObject } | undefined;
	return { orderId: id, ...(response?.order ?? {}) };
}

export type JobAction =
	| {
			action: 'approve';
			rating?: number;
			for_translator?: string;
			for_mygengo?: string;
			public?: 0 | 1;
	  }
	| { action: 'revise'; comment: string }
	| {
			action: 'reject';
			reason: 'quality' | 'incomplete' | 'other';
			comment: string;
			follow_up: 'requeue' | 'cancel';
	  };

/** Approves, returns for revision or rejects a reviewable job (`PUT /translate/job/{id}`). Sent once. */
export async function updateJob(
	ctx: IExecuteFunctions,
	jobId: string,
	update: JobAction,
): Promise<IDataObject> {
	const response = await gengoSend(ctx, 'PUT', jobPath(jobId), {
		data: update as unknown as IDataObject,
		createsWork: {
			checkHint: `Job → Get for job ${jobId} shows its status (approved, revising or rejected once Gengo took the request) before you run it again.`,
		},
	});
	return { jobId, ...update, ...((response as IDataObject | undefined) ?? {}) };
}

/** Posts a comment to a job's thread (`POST /translate/job/{id}/comment`). Sent once. */
export async function commentOnJob(
	ctx: IExecuteFunctions,
	jobId: string,
	body: string,
): Promise<IDataObject> {
	const response = await gengoSend(ctx, 'POST', `${jobPath(jobId)}/comment`, {
		data: { body },
		createsWork: {
			checkHint: `Job → Get Comments for job ${jobId} shows whether the comment arrived before you run it again.`,
		},
	});
	return { jobId, body, ...((response as IDataObject | undefined) ?? {}) };
}
