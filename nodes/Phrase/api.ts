import type { IDataObject } from 'n8n-workflow';

import { checkedId, pathSegment, type ApiContext } from '../common/http/httpClient';
import {
	PHRASE_ID,
	phraseAsyncRequestSchema,
	phraseAsyncStatusSchema,
	phrasePageSchema,
	phraseWebhookCallSchema,
	phraseWebhookSchema,
	type PhraseWebhookCall,
} from './schemas';
import { PhraseApiError, phraseRequest } from './transport';

/**
 * The Phrase TMS endpoints this package calls (developers.phrase.com/en/api/tms/latest): webhooks v2, webhook
 * calls, jobs, projects, asynchronous requests. Every id goes through PHRASE_ID before it is put into a path.
 */

/** What a trigger's lookup may spend on one call: its delivery's remaining time, no waiting out a 429. */
export interface CallLimits {
	timeoutMs?: number;
	rateLimitWaitMs?: number;
}

const uid = (value: unknown, what: string) => pathSegment(String(value ?? ''), PHRASE_ID, what);
const projectPath = (projectUid: string) =>
	`/api2/v1/projects/${uid(projectUid, 'Phrase project UID')}`;
const jobPath = (projectUid: string, jobUid: string) =>
	`${projectPath(projectUid)}/jobs/${uid(jobUid, 'Phrase job UID')}`;

/**
 * A path with a query string written out here: Phrase repeats a parameter for a list (`status=NEW&status=ASSIGNED`,
 * developers.phrase.com "List projects"), which n8n's `qs` would write as `status[0]=...`.
 */
function withQuery(path: string, query: Record<string, string | number | string[] | undefined>) {
	const params = new URLSearchParams();
	for (const [key, value] of Object.entries(query)) {
		if (value === undefined || value === '') continue;
		for (const v of Array.isArray(value) ? value : [value]) params.append(key, String(v));
	}
	const text = params.toString();
	return text ? `${path}?${text}` : path;
}

/** A page of a Phrase list: its items and how many there are in all. */
export interface Page {
	content: IDataObject[];
	totalElements: number;
	totalPages: number;
}

function page(body: unknown, what: string): Page {
	const parsed = phrasePageSchema.safeParse(body);
	if (!parsed.success) throw new PhraseApiError(`${what}: Phrase TMS answered no page`, 502);
	const content = (parsed.data.content ?? []) as IDataObject[];
	return {
		content,
		totalElements: parsed.data.totalElements ?? content.length,
		totalPages: parsed.data.totalPages ?? 1,
	};
}

// ---- webhooks (developers.phrase.com/en/api/tms/latest/webhook/...) ----

/**
 * Creates a webhook with the fields Phrase's "Create webhook" documents (`CreateWebHookDto`: name, url, events,
 * secretToken, status); Phrase sends the token back in X-Memsource-Token.
 */
export async function createWebhook(
	ctx: ApiContext,
	webhook: { name: string; url: string; events: string[]; secretToken: string },
): Promise<{ uid: string }> {
	const { body } = await phraseRequest(ctx, 'POST', '/api2/v2/webhooks', {
		body: { ...webhook, status: 'ENABLED' },
	});
	const parsed = phraseWebhookSchema.safeParse(body);
	if (!parsed.success)
		throw new PhraseApiError('Phrase TMS created the webhook but answered no uid', 502);
	return { uid: parsed.data.uid };
}

/** The webhook, or null when Phrase no longer has it. */
export async function getWebhook(
	ctx: ApiContext,
	webhookUid: string,
): Promise<{ uid: string; url?: string | null; events?: string[] | null } | null> {
	const { status, body } = await phraseRequest(
		ctx,
		'GET',
		`/api2/v2/webhooks/${uid(webhookUid, 'Phrase webhook UID')}`,
		{ accept: [404] },
	);
	if (status === 404) return null;
	const parsed = phraseWebhookSchema.safeParse(body);
	return parsed.success ? parsed.data : null;
}

/** At most this many pages of webhooks are read when looking for the ones calling a URL (2,500 webhooks). */
const MAX_WEBHOOK_PAGES = 50;

/** The webhooks Phrase has for exactly this URL (`GET /api2/v2/webhooks?url=`, every page). */
export async function findWebhooksByUrl(
	ctx: ApiContext,
	url: string,
): Promise<Array<{ uid: string; url?: string | null }>> {
	const found: Array<{ uid: string; url?: string | null }> = [];
	for (let pageNumber = 0; pageNumber < MAX_WEBHOOK_PAGES; pageNumber++) {
		const { body } = await phraseRequest(ctx, 'GET', '/api2/v2/webhooks', {
			qs: { url, pageNumber, pageSize: 50 },
		});
		const { content, totalPages } = page(body, 'Listing webhooks');
		for (const entry of content) {
			const parsed = phraseWebhookSchema.safeParse(entry);
			if (parsed.success && parsed.data.url === url) found.push(parsed.data);
		}
		if (content.length === 0 || pageNumber + 1 >= totalPages) break;
	}
	return found;
}

/**
 * Every webhook of the account (`GET /api2/v2/webhooks`, "Lists webhooks", 50 a page, at most MAX_WEBHOOK_PAGES
 * pages): uid and URL. `take` is asked before each page and stops the listing when it says no; `complete` says
 * whether the last page was read.
 */
export async function listWebhooks(
	ctx: ApiContext,
	take: () => boolean = () => true,
): Promise<{ webhooks: Array<{ uid: string; url: string }>; complete: boolean }> {
	const webhooks: Array<{ uid: string; url: string }> = [];
	for (let pageNumber = 0; pageNumber < MAX_WEBHOOK_PAGES; pageNumber++) {
		if (!take()) return { webhooks, complete: false };
		const { body } = await phraseRequest(ctx, 'GET', '/api2/v2/webhooks', {
			qs: { pageNumber, pageSize: 50 },
		});
		const { content, totalPages } = page(body, 'Listing webhooks');
		for (const entry of content) {
			const parsed = phraseWebhookSchema.safeParse(entry);
			if (parsed.success && parsed.data.url)
				webhooks.push({ uid: parsed.data.uid, url: parsed.data.url });
		}
		if (content.length === 0 || pageNumber + 1 >= totalPages) return { webhooks, complete: true };
	}
	return { webhooks, complete: false };
}

export async function deleteWebhook(ctx: ApiContext, webhookUid: string): Promise<void> {
	await phraseRequest(ctx, 'DELETE', `/api2/v2/webhooks/${uid(webhookUid, 'Phrase webhook UID')}`, {
		accept: [404],
	});
}

/**
 * One page of the webhook calls Phrase keeps (the last 14 days; `GET /api2/v1/webhooksCalls`, Phrase's OpenAPI
 * "Lists webhook calls"), filtered by status (SUCCESS or FAIL), events and webhook ("UID of Webhook to filter by").
 */
export async function listWebhookCalls(
	ctx: ApiContext,
	query: {
		pageNumber: number;
		status?: 'SUCCESS' | 'FAIL';
		events?: string[];
		webhookUid?: string;
	},
): Promise<{ calls: PhraseWebhookCall[]; totalPages: number; unreadable: number }> {
	const { body } = await phraseRequest(
		ctx,
		'GET',
		withQuery('/api2/v1/webhooksCalls', {
			pageNumber: query.pageNumber,
			pageSize: 50,
			status: query.status,
			events: query.events,
			webhookUid:
				query.webhookUid === undefined ? undefined : uid(query.webhookUid, 'Phrase webhook UID'),
		}),
	);
	const { content, totalPages } = page(body, 'Listing webhook calls');
	const calls: PhraseWebhookCall[] = [];
	let unreadable = 0;
	for (const entry of content) {
		const parsed = phraseWebhookCallSchema.safeParse(entry);
		if (parsed.success) calls.push(parsed.data);
		else unreadable++;
	}
	return { calls, totalPages, unreadable };
}

// ---- jobs (developers.phrase.com/en/api/tms/latest/job/...) ----

/** `GET /api2/v1/projects/{projectUid}/jobs/{jobUid}`: the job (JobPartExtendedDto). */
export async function getJob(
	ctx: ApiContext,
	projectUid: string,
	jobUid: string,
	limits: CallLimits = {},
): Promise<IDataObject> {
	const { body } = await phraseRequest(ctx, 'GET', jobPath(projectUid, jobUid), limits);
	return (body ?? {}) as IDataObject;
}

export interface JobListQuery {
	pageNumber?: number;
	pageSize?: number;
	/** Phrase lists workflow step 1 when this is left out ("If left unspecified, its value is set to 1") */
	workflowLevel?: number;
	/** API names (NEW, ACCEPTED, COMPLETED...) */
	status?: string[];
	targetLang?: string;
}

/** One page of `GET /api2/v2/projects/{projectUid}/jobs` (0-based pages of at most 50). */
export async function listJobsPage(
	ctx: ApiContext,
	projectUid: string,
	query: JobListQuery,
	limits: CallLimits = {},
): Promise<Page> {
	const { body } = await phraseRequest(
		ctx,
		'GET',
		withQuery(`/api2/v2/projects/${uid(projectUid, 'Phrase project UID')}/jobs`, {
			pageNumber: query.pageNumber ?? 0,
			pageSize: query.pageSize ?? 50,
			workflowLevel: query.workflowLevel,
			status: query.status,
			targetLang: query.targetLang,
		}),
		limits,
	);
	return page(body, "Listing a project's jobs");
}

/**
 * Starts the export of a job's target file (`PUT /api2/v3/projects/{p}/jobs/{j}/targetFile`, Phrase's
 * "Download target file (async)"): the asynchronous request's id.
 */
export async function startTargetFileExport(
	ctx: ApiContext,
	projectUid: string,
	jobUid: string,
): Promise<string> {
	const path = `/api2/v3/projects/${uid(projectUid, 'Phrase project UID')}/jobs/${uid(jobUid, 'Phrase job UID')}/targetFile`;
	const { body } = await phraseRequest(ctx, 'PUT', path);
	const parsed = phraseAsyncRequestSchema.safeParse(body);
	if (!parsed.success)
		throw new PhraseApiError(
			'Phrase TMS accepted the target file export but answered no asyncRequest.id',
			502,
		);
	return parsed.data.asyncRequest.id;
}

/**
 * `GET /api2/v1/async/{id}`: null while the request runs (`asyncResponse` null), else its outcome. Phrase puts
 * errors into `asyncResponse.errorCode` / `errorDesc`.
 */
export async function getAsyncRequest(
	ctx: ApiContext,
	asyncRequestId: string,
): Promise<{ errorCode?: string | null; errorDesc?: string | null } | null> {
	const { body } = await phraseRequest(
		ctx,
		'GET',
		`/api2/v1/async/${uid(asyncRequestId, 'Phrase asynchronous request ID')}`,
	);
	const parsed = phraseAsyncStatusSchema.safeParse(body);
	if (!parsed.success)
		throw new PhraseApiError('Phrase TMS answered an unreadable asynchronous request', 502);
	return parsed.data.asyncResponse ?? null;
}

/** The download of a finished target file export (use once: "The asyncRequestId can be used only once"). */
export const targetFileDownloadPath = (
	projectUid: string,
	jobUid: string,
	asyncRequestId: string,
) =>
	`/api2/v2/projects/${uid(projectUid, 'Phrase project UID')}/jobs/${uid(jobUid, 'Phrase job UID')}/downloadTargetFile/${uid(asyncRequestId, 'Phrase asynchronous request ID')}?format=ORIGINAL`;

/** `GET /api2/v1/projects/{p}/jobs/{j}/original`: the source file as imported. */
export const originalFilePath = (projectUid: string, jobUid: string) =>
	`${jobPath(projectUid, jobUid)}/original`;

/** `POST /api2/v1/projects/{p}/jobs/bilingualFile?format=MXLF` with `{jobs: [{uid}]}`. */
export const bilingualFileRequest = (projectUid: string, jobUid: string) => ({
	path: `${projectPath(projectUid)}/jobs/bilingualFile?format=MXLF`,
	body: { jobs: [{ uid: checkedId(jobUid, PHRASE_ID, 'Phrase job UID') }] },
});

// ---- projects (developers.phrase.com/en/api/tms/latest/project/...) ----

export async function getProject(ctx: ApiContext, projectUid: string): Promise<IDataObject> {
	const { body } = await phraseRequest(ctx, 'GET', projectPath(projectUid));
	return (body ?? {}) as IDataObject;
}

/** One page of `GET /api2/v1/projects` (`name` is a substring filter, `statuses` repeated). */
export async function listProjectsPage(
	ctx: ApiContext,
	query: { pageNumber: number; pageSize?: number; name?: string; statuses?: string[] },
): Promise<Page> {
	const { body } = await phraseRequest(
		ctx,
		'GET',
		withQuery('/api2/v1/projects', {
			pageNumber: query.pageNumber,
			pageSize: query.pageSize ?? 50,
			name: query.name,
			statuses: query.statuses,
		}),
	);
	return page(body, 'Listing projects');
}
