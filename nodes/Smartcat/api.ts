import type { IDataObject } from 'n8n-workflow';

import { checkedId, pathSegment, type ApiAnswer, type ApiContext } from '../common/http/httpClient';
import { checkLink, vendorLinkPolicy } from '../common/http/linkPolicy';
import { multipartBody, type UploadFile } from '../common/http/upload';
import {
	smartcatCallbackSettingsSchema,
	smartcatDirectorySchema,
	smartcatDocumentListSchema,
	smartcatEntitySchema,
	smartcatExportTaskSchema,
	smartcatLastErrorSchema,
	smartcatProjectListSchema,
	smartcatProjectSchema,
	type SmartcatCallbackSettings,
	type SmartcatDirectoryEntry,
	type SmartcatEntity,
	type SmartcatExportTask,
	type SmartcatLastError,
	type SmartcatProject,
} from './schemas';
import {
	SMARTCAT_API,
	SmartcatApiError,
	smartcatRequest,
	type SmartcatRequestOptions,
} from './transport';

type Ctx = ApiContext;

/**
 * The Smartcat endpoints this package uses, all under /api/integration/v1 (Smartcat API v1,
 * https://smartcat.com/api/methods/v1/swagger.json; callbacks:
 * https://help.smartcat.ai/hc/en-us/articles/360000048572-Using-notification-callbacks).
 */

/**
 * A Smartcat project id (a GUID), a document id (`<document>_<target language>`, e.g. `189_25` or
 * `a882f5712d0c9d1bb54f2504_9`) and an export task id (a GUID), checked loosely (letters, digits, `-`, `_`):
 * what matters is that no `/`, `.` or `?` reaches the API path.
 */
export const SMARTCAT_PROJECT_ID = /^[A-Za-z0-9_-]{1,64}$/;
export const SMARTCAT_DOCUMENT_ID = /^[A-Za-z0-9_-]{1,64}_\d{1,9}$/;
export const SMARTCAT_TASK_ID = /^[A-Za-z0-9-]{1,64}$/;

/** Smartcat answers at most this many projects per page of `/project/list` and errors per `/lastErrors`. */
export const SMARTCAT_PAGE_LIMIT = 100;

function parsed<T>(
	schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } },
	answer: ApiAnswer,
	what: string,
): T {
	const result = schema.safeParse(answer.body);
	if (!result.success)
		throw new SmartcatApiError(`Smartcat answered ${what} in an unknown shape`, answer.status);
	return result.data;
}

/** The account's callback setting, or null when none is set (Smartcat answers 404). */
export async function getCallbackSettings(ctx: Ctx): Promise<SmartcatCallbackSettings | null> {
	const answer = await smartcatRequest(ctx, 'GET', '/callback', { accept: [404] });
	if (answer.status === 404) return null;
	return parsed(smartcatCallbackSettingsSchema, answer, 'the callback setting');
}

/** Creates or replaces the account's callback setting. */
export async function setCallbackSettings(
	ctx: Ctx,
	url: string,
	additionalHeaders: Array<{ name: string; value: string }>,
): Promise<void> {
	await smartcatRequest(ctx, 'POST', '/callback', { body: { url, additionalHeaders } });
}

export async function deleteCallbackSettings(ctx: Ctx): Promise<void> {
	await smartcatRequest(ctx, 'DELETE', '/callback');
}

/**
 * The last failed deliveries, newest first, in either shape Smartcat answers (schemas.ts). `limit` is at most
 * 100: Smartcat answers 400 "The provided limit exceeds the maximum" above it.
 */
export async function getLastErrors(ctx: Ctx, limit: number): Promise<SmartcatLastError[]> {
	const capped = Math.max(1, Math.min(SMARTCAT_PAGE_LIMIT, Math.floor(limit)));
	const answer = await smartcatRequest(ctx, 'GET', '/callback/lastErrors', {
		qs: { limit: capped },
	});
	if (!Array.isArray(answer.body))
		throw new SmartcatApiError(
			'Smartcat answered the last errors in an unknown shape',
			answer.status,
		);
	return answer.body.map((entry) => {
		const result = smartcatLastErrorSchema.safeParse(entry);
		return result.success ? result.data : {};
	});
}

export async function getProject(
	ctx: Ctx,
	projectId: string,
	options: SmartcatRequestOptions = {},
): Promise<SmartcatProject> {
	const answer = await smartcatRequest(
		ctx,
		'GET',
		`/project/${pathSegment(projectId, SMARTCAT_PROJECT_ID, 'Smartcat project ID')}`,
		options,
	);
	return parsed(smartcatProjectSchema, answer, 'the project');
}

export async function getDocument(
	ctx: Ctx,
	documentId: string,
	options: SmartcatRequestOptions = {},
): Promise<SmartcatEntity> {
	const answer = await smartcatRequest(ctx, 'GET', '/document', {
		...options,
		qs: { documentId: checkedId(documentId, SMARTCAT_DOCUMENT_ID, 'Smartcat document ID') },
	});
	return parsed(smartcatEntitySchema, answer, 'the document');
}

/** The filters of `GET /project/list` (all optional; Smartcat matches names and tags partially). */
export interface ProjectListFilters {
	projectName?: string;
	externalTag?: string;
	createdByUserId?: string;
	assignedToUserId?: string;
	clientIds?: string[];
	projectType?: 'all' | 'softwareLocalization' | 'nonSoftwareLocalization';
	includeDocuments?: boolean;
}

/** One page of `GET /project/list` (at most 100 projects; the API has no date filter and no sort). */
export async function listProjects(
	ctx: Ctx,
	filters: ProjectListFilters,
	offset: number,
	limit: number,
	options: SmartcatRequestOptions = {},
): Promise<SmartcatProject[]> {
	const qs: IDataObject = {
		offset,
		limit: Math.max(1, Math.min(SMARTCAT_PAGE_LIMIT, limit)),
		includeDocuments: filters.includeDocuments ?? true,
	};
	for (const key of ['projectName', 'externalTag', 'projectType'] as const) {
		const value = filters[key]?.trim();
		if (value) qs[key] = value;
	}
	for (const key of ['createdByUserId', 'assignedToUserId'] as const) {
		const value = filters[key]?.trim();
		if (value) qs[key] = checkedId(value, SMARTCAT_PROJECT_ID, 'Smartcat user ID');
	}
	const clients = (filters.clientIds ?? []).map((id) =>
		checkedId(id, SMARTCAT_PROJECT_ID, 'Smartcat client ID'),
	);
	if (clients.length) qs.clientIds = clients.join(',');
	const answer = await smartcatRequest(ctx, 'GET', '/project/list', { ...options, qs });
	return parsed(smartcatProjectListSchema, answer, 'the project list');
}

/** What to export (the OpenAPI's `type`, `mode`, `stageNumber` of `POST /document/export`). */
export interface ExportRequest {
	documentIds: string[];
	type: string;
	mode?: string;
	stageNumber?: number;
}

/**
 * Starts an export. Smartcat takes every parameter in the query string (a JSON body gives "Array documentIds is
 * empty"), the ids repeated: `documentIds=a&documentIds=b`.
 */
export async function requestExport(ctx: Ctx, request: ExportRequest): Promise<SmartcatExportTask> {
	const query = new URLSearchParams();
	for (const id of request.documentIds)
		query.append('documentIds', checkedId(id, SMARTCAT_DOCUMENT_ID, 'Smartcat document ID'));
	query.set('type', request.type);
	if (request.mode) query.set('mode', request.mode);
	if (request.stageNumber !== undefined) query.set('stageNumber', String(request.stageNumber));
	const answer = await smartcatRequest(ctx, 'POST', `/document/export?${query.toString()}`);
	return parsed(smartcatExportTaskSchema, answer, 'the export request');
}

/**
 * Asks for an export's result: 204 while Smartcat prepares it (the answer's body is discarded), 200 with the
 * file as a stream. A download may be redirected to another host: followed without the credential, each hop
 * only after the link policy allowed it (common/http/linkPolicy.ts: https, no user:pass@, a public address).
 */
export async function exportResult(ctx: Ctx, taskId: string): Promise<ApiAnswer> {
	const path = `/document/export/${pathSegment(taskId, SMARTCAT_TASK_ID, 'Smartcat export task ID')}`;
	const policy = await vendorLinkPolicy(ctx, SMARTCAT_API);
	return await smartcatRequest(ctx, 'GET', path, {
		encoding: 'stream',
		timeoutMs: 300_000,
		followRedirectWithoutCredentials: async (url) =>
			await checkLink(ctx, url, policy, "Smartcat's redirect of the export"),
	});
}

/** A directory of the account (languages, vendors): `GET /api/integration/v2/directory?type=`. */
export async function getDirectory(
	ctx: Ctx,
	type: 'language' | 'vendor',
): Promise<SmartcatDirectoryEntry[]> {
	const answer = await smartcatRequest(ctx, 'GET', '/directory', { v2: true, qs: { type } });
	return parsed(smartcatDirectorySchema, answer, `the ${type} directory`);
}

/** The part of `POST /project/create` that carries the project model (Smartcat's SDKs name it so). */
const MODEL_PART = 'model';

/** How long a request that sends files may take: Smartcat answers once it has read them. */
export const SMARTCAT_UPLOAD_TIMEOUT_MS = 300_000;

/**
 * Creates a project with its documents (`POST /project/create`): multipart/form-data with the project model as
 * a JSON part named `model` (Content-Type application/json), then one part per file, as Smartcat's own SDKs send
 * it (github.com/smartcatai/SmartCAT-API ProjectManager.php; the Zapier app, github.com/smartcatai/
 * translation-manager-for-zapier creates/createProject.js). Smartcat has no idempotency key: the request is
 * never sent twice (createsWork), and `checkHint` says how to look for the project when it may exist.
 */
export async function createProject(
	ctx: Ctx,
	model: IDataObject,
	files: UploadFile[],
	options: { checkHint: string; timeoutMs?: number },
): Promise<SmartcatProject> {
	const body = multipartBody([
		{ name: MODEL_PART, value: JSON.stringify(model), contentType: 'application/json' },
		...files.map((file, i) => ({ name: `file_${i + 1}`, file })),
	]);
	const answer = await smartcatRequest(ctx, 'POST', '/project/create', {
		upload: body,
		createsWork: { checkHint: options.checkHint },
		timeoutMs: options.timeoutMs ?? SMARTCAT_UPLOAD_TIMEOUT_MS,
	});
	return parsed(smartcatProjectSchema, answer, 'the created project');
}

/** What Smartcat applies to every document of one `POST /project/document` (its query parameters). */
export interface NewDocumentSettings {
	targetLanguages?: string[];
	externalId?: string;
	metaInfo?: string;
}

/**
 * Adds documents to a project (`POST /project/document?projectId=`): the files as multipart/form-data, the
 * settings for all of them in the query (OpenAPI: targetLanguages comma-separated, externalId, metaInfo). Never
 * sent twice (createsWork). Answers the new documents, one per file and target language.
 */
export async function addDocuments(
	ctx: Ctx,
	projectId: string,
	files: UploadFile[],
	settings: NewDocumentSettings,
	options: { checkHint: string; timeoutMs?: number },
): Promise<SmartcatEntity[]> {
	const qs: IDataObject = {
		projectId: checkedId(projectId, SMARTCAT_PROJECT_ID, 'Smartcat project ID'),
	};
	if (settings.targetLanguages?.length) qs.targetLanguages = settings.targetLanguages.join(',');
	if (settings.externalId) qs.externalId = settings.externalId;
	if (settings.metaInfo) qs.metaInfo = settings.metaInfo;
	const answer = await smartcatRequest(ctx, 'POST', '/project/document', {
		qs,
		upload: multipartBody(files.map((file, i) => ({ name: `file_${i + 1}`, file }))),
		createsWork: { checkHint: options.checkHint },
		timeoutMs: options.timeoutMs ?? SMARTCAT_UPLOAD_TIMEOUT_MS,
	});
	return parsed(smartcatDocumentListSchema, answer, 'the added documents');
}

/**
 * A new version of a document's source file (`PUT /api/integration/v2/document/update?documentId=`; the v1
 * method is obsolete): exactly one file, as Smartcat's SDK sends it (part `uploadedFile`). Smartcat updates the
 * document in every target language and answers those documents. Never sent twice (createsWork).
 */
export async function updateDocument(
	ctx: Ctx,
	documentId: string,
	file: UploadFile,
	options: { checkHint: string; timeoutMs?: number },
): Promise<SmartcatEntity[]> {
	const answer = await smartcatRequest(ctx, 'PUT', '/document/update', {
		v2: true,
		qs: { documentId: checkedId(documentId, SMARTCAT_DOCUMENT_ID, 'Smartcat document ID') },
		upload: multipartBody([{ name: 'uploadedFile', file }]),
		createsWork: { checkHint: options.checkHint },
		timeoutMs: options.timeoutMs ?? SMARTCAT_UPLOAD_TIMEOUT_MS,
	});
	return parsed(smartcatDocumentListSchema, answer, 'the updated document');
}
