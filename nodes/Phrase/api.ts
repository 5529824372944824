import type { IDataObject } from 'n8n-workflow';

import { checkedId, pathSegment, type ApiContext } from '../common/http/httpClient';
import type { UploadFile } from '../common/http/upload';
import {
	PHRASE_ID,
	phraseAsyncRequestSchema,
	phraseJobListSchema,
	phraseLanguageListSchema,
	phraseProjectSchema,
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

/** One page of `GET /api2/v1/projectTemplates` (Phrase's "List project templates"; `name` filters by name). */
export async function listTemplatesPage(
	ctx: ApiContext,
	query: { pageNumber: number; name?: string },
): Promise<Page> {
	const { body } = await phraseRequest(
		ctx,
		'GET',
		withQuery('/api2/v1/projectTemplates', {
			pageNumber: query.pageNumber,
			pageSize: 50,
			name: query.name,
		}),
	);
	return page(body, 'Listing project templates');
}

/** `GET /api2/v1/projectTemplates/{uid}` (Phrase's "Get project template"). */
export async function getTemplate(ctx: ApiContext, templateUid: string): Promise<IDataObject> {
	const { body } = await phraseRequest(
		ctx,
		'GET',
		`/api2/v1/projectTemplates/${uid(templateUid, 'Phrase project template UID')}`,
	);
	return (body ?? {}) as IDataObject;
}

// ---- languages (developers.phrase.com/en/api/tms/latest/supported-languages/list-supported-languages) ----

export interface PhraseLanguage {
	/** Phrase's code: lower case, an underscore before the region (`pt_br`) */
	code: string;
	name: string;
	/** the BCP 47 form (`pt-BR`) */
	rfc?: string;
}

const languagesByContext = new WeakMap<object, Promise<PhraseLanguage[]>>();

/**
 * Every language Phrase TMS supports (`GET /api2/v1/languages` without `active`: "all languages supported by the
 * platform"), read once per n8n context (one execution, one list in the editor).
 */
export function listLanguages(ctx: ApiContext): Promise<PhraseLanguage[]> {
	let languages = languagesByContext.get(ctx);
	if (!languages) {
		languages = (async () => {
			const { body } = await phraseRequest(ctx, 'GET', '/api2/v1/languages');
			const parsed = phraseLanguageListSchema.safeParse(body);
			if (!parsed.success)
				throw new PhraseApiError('Listing languages: Phrase TMS answered no language list', 502);
			return parsed.data.languages.map((l) => ({
				code: l.code,
				name: l.name ?? l.code,
				rfc: l.rfc ?? undefined,
			}));
		})();
		languagesByContext.set(ctx, languages);
		languages.catch(() => languagesByContext.delete(ctx));
	}
	return languages;
}

// ---- sending work: every request below creates or changes something and is never sent twice ----

/**
 * A created project, as Phrase answers it, with its uid checked. An unreadable answer comes after Phrase created
 * the project: the error says so, with where to look, so that nobody sends it again.
 */
function createdProject(body: unknown, checkHint: string): IDataObject {
	const parsed = phraseProjectSchema.safeParse(body);
	if (!parsed.success)
		throw new PhraseApiError(
			'Phrase TMS created the project but its answer has no readable project uid',
			502,
			{ hint: checkHint },
		);
	return parsed.data as IDataObject;
}

/** The fields of a new project both ways of creating one take (`CreateProjectV3Dto`, `CreateProjectFromTemplateV2Dto`). */
export interface NewProject {
	name: string;
	sourceLang?: string;
	targetLangs?: string[];
	dateDue?: string;
	note?: string;
}

/** `POST /api2/v3/projects` (Phrase's "Create project"): a project with these languages. */
export async function createProject(
	ctx: ApiContext,
	project: NewProject,
	checkHint: string,
): Promise<IDataObject> {
	const { body } = await phraseRequest(ctx, 'POST', '/api2/v3/projects', {
		body: { ...project } as IDataObject,
		createsWork: { checkHint },
	});
	return createdProject(body, checkHint);
}

/**
 * `POST /api2/v2/projects/applyTemplate/{templateUid}` (Phrase's "Create project from template"): the template's
 * settings, its languages unless given.
 */
export async function createProjectFromTemplate(
	ctx: ApiContext,
	templateUid: string,
	project: NewProject,
	checkHint: string,
): Promise<IDataObject> {
	const { body } = await phraseRequest(
		ctx,
		'POST',
		`/api2/v2/projects/applyTemplate/${uid(templateUid, 'Phrase project template UID')}`,
		{ body: { ...project } as IDataObject, createsWork: { checkHint } },
	);
	return createdProject(body, checkHint);
}

/**
 * The `Memsource` header: the job metadata as JSON. A header carries ISO-8859-1 at most, so every character
 * beyond ASCII is written as a JSON `\uXXXX` escape (the same JSON once parsed), as Blackbird's Phrase app does.
 */
export function memsourceHeader(metadata: IDataObject): string {
	return JSON.stringify(metadata).replace(
		/[\u007f-\uffff]/g,
		(c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
	);
}

/**
 * The file name as Phrase's `Content-Disposition` pattern takes it (`filename*=UTF-8''(.+)`): RFC 5987
 * percent-encoding of its UTF-8, so any name travels in a header unchanged.
 */
export function contentDisposition(fileName: string): string {
	const encoded = encodeURIComponent(fileName).replace(
		/['()*!]/g,
		(c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
	);
	return `filename*=UTF-8''${encoded}`;
}

/** What creating jobs or updating a source answered: the jobs, files Phrase did not import, the import's id. */
export interface JobsAnswer {
	jobs: IDataObject[];
	unsupportedFiles: string[];
	asyncRequestId: string | null;
}

/** The jobs of an answer to a file Phrase took; an unreadable answer is an error saying Phrase has the file. */
function jobsAnswer(body: unknown, checkHint: string): JobsAnswer {
	const parsed = phraseJobListSchema.safeParse(body);
	if (!parsed.success)
		throw new PhraseApiError(
			'Phrase TMS took the file but its answer lists no readable jobs',
			502,
			{ hint: checkHint },
		);
	return {
		jobs: (parsed.data.jobs ?? []) as IDataObject[],
		unsupportedFiles: parsed.data.unsupportedFiles ?? [],
		asyncRequestId: parsed.data.asyncRequest?.id ?? null,
	};
}

/** A file sent as the raw body, with the metadata and file name in headers (Phrase's "Create job", "Update source"). */
function fileUpload(file: UploadFile, metadata: IDataObject) {
	return {
		headers: {
			Memsource: memsourceHeader(metadata),
			'Content-Disposition': contentDisposition(file.fileName),
		},
		upload: {
			open: file.open,
			size: file.size,
			headers: { 'content-type': 'application/octet-stream' },
		},
	};
}

/**
 * `POST /api2/v1/projects/{projectUid}/jobs` (Phrase's "Create job"): the file streamed as the body, the job
 * metadata (`targetLangs` required, `due`, `path`, `preTranslate`, import settings...) in the `Memsource` header.
 * Phrase creates one job per target language and workflow step and imports the file asynchronously.
 */
export async function createJobs(
	ctx: ApiContext,
	projectUid: string,
	file: UploadFile,
	metadata: IDataObject,
	checkHint: string,
	limits: CallLimits = {},
): Promise<JobsAnswer> {
	const { body } = await phraseRequest(ctx, 'POST', `${projectPath(projectUid)}/jobs`, {
		...fileUpload(file, metadata),
		...limits,
		createsWork: { checkHint },
	});
	return jobsAnswer(body, checkHint);
}

/**
 * `POST /api2/v1/projects/{projectUid}/jobs/source` (Phrase's "Update source"): a new version of the source file of
 * the jobs in the `Memsource` header's `jobs` (first workflow step, at most 100).
 */
export async function updateJobSource(
	ctx: ApiContext,
	projectUid: string,
	file: UploadFile,
	metadata: IDataObject,
	checkHint: string,
): Promise<JobsAnswer> {
	const { body } = await phraseRequest(ctx, 'POST', `${projectPath(projectUid)}/jobs/source`, {
		...fileUpload(file, metadata),
		createsWork: { checkHint },
	});
	return jobsAnswer(body, checkHint);
}

/** `POST /api2/v1/projects/{p}/jobs/{j}/setStatus` (Phrase's "Edit job status", `JobStatusChangeActionDto`): 204. */
export async function setJobStatus(
	ctx: ApiContext,
	projectUid: string,
	jobUid: string,
	change: { requestedStatus: string; notifyOwner?: boolean; propagateStatus?: boolean },
	checkHint: string,
): Promise<void> {
	await phraseRequest(ctx, 'POST', `${jobPath(projectUid, jobUid)}/setStatus`, {
		body: change,
		createsWork: { checkHint },
	});
}
