import type { ICredentialDataDecryptedObject, IWebhookFunctions } from 'n8n-workflow';

import { DELIVERY_LIMITS, WorkBudget } from '../common/workBudget';
import { getEventDetails } from './api';
import { checkedEventId } from './files';
import type { BeeboxEnrichment } from './output';
import type { BeeboxCallback } from './schemas';
import {
	beeboxCallFrom,
	beeboxCredentials,
	DELIVERY_CONNECT,
	withBeeboxSession,
} from './transport';

/**
 * "Fetch Event Details": the event's full details by `bbid`, in one Beebox session (log in, one lookup, log out)
 * within the delivery's work budget (common/workBudget.ts: at most 5 of its calls are ever used, a POST and a GET
 * login when the server predates POST, one more login after BUSY, the lookup; the logout comes on top, with its
 * own 10 s). A failure does not lose the event (Beebox does not retry callbacks): the workflow still starts and
 * the item says why the details are missing in `detailsError`.
 *
 * No session is opened for a callback the credential cannot be asked about: another project's (`bbproject`
 * differs from the credential's project key), or a `bbid` that is no Beebox event id.
 */
export async function fetchBeeboxEventDetails(
	ctx: IWebhookFunctions,
	callback: BeeboxCallback,
	budget = new WorkBudget(DELIVERY_LIMITS),
): Promise<BeeboxEnrichment> {
	const eventId = callback.bbid;
	try {
		checkedEventId(eventId);
		const credentials = beeboxCredentials(
			await ctx.getCredentials<ICredentialDataDecryptedObject>('beeboxApi'),
		);
		if (
			callback.bbproject &&
			credentials.projectKey &&
			callback.bbproject.toLowerCase() !== credentials.projectKey.toLowerCase()
		) {
			return {
				detailsError: `the callback is for project ${callback.bbproject}, the Beebox credential for project ${credentials.projectKey}`,
			};
		}
		const http = beeboxCallFrom(ctx, { budget, rateLimitWaitMs: 0 });
		const details = await withBeeboxSession(http, credentials, DELIVERY_CONNECT, async (token) =>
			getEventDetails(http, token, credentials, eventId),
		);
		return { details };
	} catch (error) {
		const message = (error as Error).message;
		ctx.logger.warn(`Beebox Trigger: no details for event ${eventId.slice(0, 100)}: ${message}`);
		return { detailsError: message };
	}
}
