import type { IWebhookFunctions } from 'n8n-workflow';

import { unauthorized, unavailable } from '../common/delivery';
import { gengoJobSchema, type GengoJob } from './schemas';
import { GengoApiError, gengoGet } from './transport';

/**
 * "Fetch Full Job": the job as the Gengo API has it. It covers texts too large for a callback (Gengo does not
 * send callbacks over 60 KB) and proves the callback genuine: a job this account's API does not know → 401.
 * When the API cannot answer (down, or our credential refused: asked with a second, account-level call), the
 * delivery gets 503 so Gengo retries it later instead of the workflow running unconfirmed or the event being lost.
 */
export async function fetchConfirmedJob(ctx: IWebhookFunctions, jobId: string): Promise<GengoJob> {
	const answer = await gengoGet(ctx, `/translate/job/${encodeURIComponent(jobId)}`).then(
		(response) => ({ response: response as { job?: unknown } | undefined }),
		(error: unknown) => ({ error }),
	);
	if ('response' in answer) {
		const parsed = gengoJobSchema.safeParse(answer.response?.job);
		if (parsed.success && parsed.data.job_id === jobId) return parsed.data;
	} else if (!(answer.error instanceof GengoApiError)) {
		throw answer.error;
	} else if (answer.error.isUnavailable) {
		ctx.logger.warn(`Gengo Trigger: could not confirm job ${jobId}: ${answer.error.message}`);
		throw unavailable('the Gengo API is unavailable to confirm this job; retry later');
	}
	await assertCredentialAccepted(ctx);
	throw unauthorized(`job ${jobId} is not known to this Gengo account`);
}

/** Tells "the job is not ours" from "Gengo refuses our keys": the latter is the user's to fix, not a forgery. */
async function assertCredentialAccepted(ctx: IWebhookFunctions): Promise<void> {
	const failure = await gengoGet(ctx, '/account/balance').then(
		() => undefined,
		(error: unknown) => (error instanceof Error ? error.message : String(error)),
	);
	if (failure === undefined) return;
	ctx.logger.error(
		`Gengo Trigger: the Gengo credential does not work (${failure}); callbacks are answered 503 until it is fixed`,
	);
	throw unavailable('the trigger cannot confirm callbacks with Gengo right now; retry later');
}
