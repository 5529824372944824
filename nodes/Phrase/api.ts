import type { IDataObject, IHookFunctions, IWebhookFunctions } from 'n8n-workflow';

import { mapWithConcurrency } from '../common/concurrency';
import { phraseJobPageSchema, phraseWebhookSchema } from './schemas';
import { PhraseApiError, phraseRequest } from './transport';

type Ctx = IHookFunctions | IWebhookFunctions;

/**
 * The Phrase TMS endpoints the trigger uses (developers.phrase.com/en/api/tms/latest; Blackbird's open-source
 * Phrase app uses the same): webhooks v2, a job, a project's jobs.
 */
export async function createWebhook(
	ctx: Ctx,
	webhook: { name: string; url: string; events: string[]; secretToken: string },
): Promise<{ uid: string }> {
	const { body } = await phraseRequest(ctx, 'POST', '/api2/v2/webhooks', {
		body: { ...webhook, secretTokenType: 'X_MEMSOURCE_TOKEN', status: 'ENABLED' },
	});
	const parsed = phraseWebhookSchema.safeParse(body);
	if (!parsed.success)
		throw new PhraseApiError('Phrase TMS created the webhook but answered no uid', 200);
	return { uid: parsed.data.uid };
}

/** The webhook, or null when Phrase no longer has it. */
export async function getWebhook(
	ctx: Ctx,
	uid: string,
): Promise<{ uid: string; url?: string | null; events?: string[] | null } | null> {
	const { status, body } = await phraseRequest(
		ctx,
		'GET',
		`/api2/v2/webhooks/${encodeURIComponent(uid)}`,
		{ accept: [404] },
	);
	if (status === 404) return null;
	const parsed = phraseWebhookSchema.safeParse(body);
	return parsed.success ? parsed.data : null;
}

/** The webhooks Phrase has for a URL (`GET /api2/v2/webhooks?url=`, a page with `content`). */
export async function findWebhooksByUrl(
	ctx: Ctx,
	url: string,
): Promise<Array<{ uid: string; url?: string | null }>> {
	const { body } = await phraseRequest(ctx, 'GET', '/api2/v2/webhooks', {
		qs: { url, pageSize: 50 },
	});
	const content = (body as { content?: unknown[] } | undefined)?.content ?? [];
	return content.flatMap((entry) => {
		const parsed = phraseWebhookSchema.safeParse(entry);
		return parsed.success && parsed.data.url === url ? [parsed.data] : [];
	});
}

export async function deleteWebhook(ctx: Ctx, uid: string): Promise<void> {
	await phraseRequest(ctx, 'DELETE', `/api2/v2/webhooks/${encodeURIComponent(uid)}`, {
		accept: [404],
	});
}

export async function getJob(ctx: Ctx, projectUid: string, jobUid: string): Promise<IDataObject> {
	const { body } = await phraseRequest(
		ctx,
		'GET',
		`/api2/v1/projects/${encodeURIComponent(projectUid)}/jobs/${encodeURIComponent(jobUid)}`,
	);
	return (body ?? {}) as IDataObject;
}

/** Jobs of many parts, four at a time; the first failure fails the lot. */
export async function getJobs(
	ctx: Ctx,
	parts: Array<{ projectUid: string; jobUid: string }>,
): Promise<IDataObject[]> {
	return await mapWithConcurrency(parts, 4, ({ projectUid, jobUid }) =>
		getJob(ctx, projectUid, jobUid),
	);
}

/** Every job of a project (all pages), with their statuses in the API's naming. */
export async function listProjectJobs(
	ctx: Ctx,
	projectUid: string,
): Promise<Array<{ uid: string; status?: string | null } & IDataObject>> {
	const jobs: Array<{ uid: string; status?: string | null } & IDataObject> = [];
	for (let page = 0; page < 200; page++) {
		const { body } = await phraseRequest(
			ctx,
			'GET',
			`/api2/v2/projects/${encodeURIComponent(projectUid)}/jobs`,
			{ qs: { pageNumber: page, pageSize: 50 } },
		);
		const parsed = phraseJobPageSchema.parse(body);
		jobs.push(...(parsed.content as Array<{ uid: string; status?: string | null } & IDataObject>));
		if (parsed.content.length === 0 || page + 1 >= (parsed.totalPages ?? 1)) break;
	}
	return jobs;
}
