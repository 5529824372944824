import type {
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	INodeCredentialTestResult,
	IWebhookFunctions,
} from 'n8n-workflow';

import type { BeeboxEnrichment } from './output';
import {
	BeeboxApiError,
	beeboxCallForTest,
	beeboxCallFrom,
	beeboxCredentials,
	getBeeboxEventDetails,
	withBeeboxSession,
} from './transport';

/**
 * "Fetch Event Details": the event's full details by `bbid`. A failure does not lose the event (Beebox does not
 * retry callbacks): the workflow still starts, and the item says why the details are missing in `detailsError`.
 */
export async function fetchBeeboxEventDetails(
	ctx: IWebhookFunctions,
	eventId: string,
): Promise<BeeboxEnrichment> {
	const credentials = beeboxCredentials(
		await ctx.getCredentials<ICredentialDataDecryptedObject>('beeboxApi'),
	);
	try {
		return { details: await getBeeboxEventDetails(beeboxCallFrom(ctx), credentials, eventId) };
	} catch (error) {
		const message =
			error instanceof BeeboxApiError
				? error.message
				: `Beebox API unreachable: ${(error as Error).message}`;
		ctx.logger.warn(`Beebox Trigger: no details for event ${eventId}: ${message}`);
		return { detailsError: message };
	}
}

/** The credential's Test button: log in and out again (a session left open would pause Beebox automation). */
export async function testBeeboxCredentials(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const credentials = beeboxCredentials(credential.data);
	try {
		await withBeeboxSession(
			beeboxCallForTest(this, credentials),
			credentials,
			async () => undefined,
		);
		return { status: 'OK', message: 'Connected to the Beebox' };
	} catch (error) {
		return { status: 'Error', message: (error as Error).message };
	}
}
