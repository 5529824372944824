import type {
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	INodeCredentialTestResult,
	IWebhookFunctions,
} from 'n8n-workflow';

import { httpCallFrom, httpCallFromLegacy } from '../common/http';
import type { BeeboxEnrichment } from './output';
import {
	BeeboxApiError,
	getBeeboxEventDetails,
	withBeeboxSession,
	type BeeboxCredentials,
} from './transport';

function toCredentials(data: ICredentialDataDecryptedObject | undefined): BeeboxCredentials {
	return {
		serverUrl: String(data?.serverUrl ?? ''),
		projectKey: data?.projectKey ? String(data.projectKey) : undefined,
		login: String(data?.login ?? ''),
		password: String(data?.password ?? ''),
	};
}

/**
 * "Fetch Event Details": the event's full details by `bbid`. A failure does not lose the event (Beebox does not
 * retry callbacks): the workflow still starts, and the item says why the details are missing in `detailsError`.
 */
export async function fetchBeeboxEventDetails(
	ctx: IWebhookFunctions,
	eventId: string,
): Promise<BeeboxEnrichment> {
	const credentials = toCredentials(
		await ctx.getCredentials<ICredentialDataDecryptedObject>('beeboxApi'),
	);
	try {
		return {
			details: await getBeeboxEventDetails(httpCallFrom(ctx.helpers), credentials, eventId),
		};
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
	try {
		await withBeeboxSession(
			httpCallFromLegacy(this.helpers),
			toCredentials(credential.data),
			async () => undefined,
		);
		return { status: 'OK', message: 'Connected to the Beebox' };
	} catch (error) {
		return { status: 'Error', message: (error as Error).message };
	}
}
