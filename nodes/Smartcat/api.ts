import type { IDataObject } from 'n8n-workflow';

import { mapWithConcurrency } from '../common/concurrency';
import {
	smartcatCallbackSettingsSchema,
	smartcatEntitySchema,
	smartcatLastErrorSchema,
	type SmartcatCallbackSettings,
	type SmartcatEntity,
} from './schemas';
import { checkedId, pathSegment, type ApiContext } from '../common/httpClient';
import { SmartcatApiError, smartcatRequest } from './transport';

type Ctx = ApiContext;

/**
 * A Smartcat project id (a GUID) and a document id (`<document>_<target language>`, e.g. `189_25`), checked
 * loosely (letters, digits, `-`, `_`): what matters is that no `/`, `.` or `?` reaches the API path.
 */
export const SMARTCAT_PROJECT_ID = /^[A-Za-z0-9_-]{1,64}$/;
export const SMARTCAT_DOCUMENT_ID = /^[A-Za-z0-9_-]{1,64}_\d{1,9}$/;

/**
 * The Smartcat endpoints this package uses (help.smartcat.ai/hc/en-us/articles/360000048572 for the callback API; help.smartcat.ai and Smartcat's API
 * reference for projects and documents).
 */

/** The account's callback setting, or null when none is set (Smartcat answers 404). */
export async function getCallbackSettings(ctx: Ctx): Promise<SmartcatCallbackSettings | null> {
	const { status, body } = await smartcatRequest(ctx, 'GET', '/callback', { accept: [404] });
	if (status === 404) return null;
	const parsed = smartcatCallbackSettingsSchema.safeParse(body);
	if (!parsed.success)
		throw new SmartcatApiError(
			'Smartcat answered the callback setting in an unknown shape',
			status,
		);
	return parsed.data;
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

/** The last failed deliveries, `FailResponse` flattened into readable fields. */
export async function getLastErrors(ctx: Ctx, limit: number): Promise<IDataObject[]> {
	const { body } = await smartcatRequest(ctx, 'GET', '/callback/lastErrors', { qs: { limit } });
	const list = Array.isArray(body) ? body : [];
	return list.map((entry) => {
		const parsed = smartcatLastErrorSchema.safeParse(entry);
		const e = parsed.success ? parsed.data : {};
		return {
			id: e.Id ?? null,
			created: e.Created ?? null,
			expired: e.Expired ?? null,
			applicationId: e.ApplicationId ?? null,
			url: e.Url ?? null,
			reason: e.FailResponse?.Reason ?? null,
			responseCode: e.FailResponse?.Code ?? null,
			responseContent: e.FailResponse?.Content ?? null,
		};
	});
}

export async function getProject(ctx: Ctx, projectId: string): Promise<SmartcatEntity> {
	const { body } = await smartcatRequest(
		ctx,
		'GET',
		`/project/${pathSegment(projectId, SMARTCAT_PROJECT_ID, 'Smartcat project ID')}`,
	);
	return smartcatEntitySchema.parse(body);
}

export async function getDocument(ctx: Ctx, documentId: string): Promise<SmartcatEntity> {
	const { body } = await smartcatRequest(ctx, 'GET', '/document', {
		qs: { documentId: checkedId(documentId, SMARTCAT_DOCUMENT_ID, 'Smartcat document ID') },
	});
	return smartcatEntitySchema.parse(body);
}

/** Lookups of many ids, at most four at a time; the first failure fails the lot (no id silently dropped). */
export async function lookUpAll(
	ctx: Ctx,
	kind: 'project' | 'document',
	ids: string[],
): Promise<SmartcatEntity[]> {
	return await mapWithConcurrency(ids, 4, (id) =>
		kind === 'project' ? getProject(ctx, id) : getDocument(ctx, id),
	);
}
