import type { ICredentialDataDecryptedObject, IWebhookFunctions } from 'n8n-workflow';

import { DELIVERY_LIMITS, WorkBudget } from '../common/delivery/workBudget';
import { getEventDetails, listTranslatedFiles } from './api';
import { checkedEventId } from './files';
import { deliveredFiles, isRecordOf, type BeeboxEnrichment } from './output';
import type { BeeboxCallback, BeeboxEventDetails } from './schemas';
import {
	beeboxCallFrom,
	beeboxCredentials,
	DELIVERY_CONNECT,
	withBeeboxSession,
	type BeeboxCall,
} from './transport';

/** Status pages read for one delivery's files at most (100 records a page: one per file and target language). */
const STATUS_PAGES_PER_DELIVERY = 10;

/** A regular expression matching exactly these paths, for the status filter's `fpath` (a .NET expression). */
function exactPaths(paths: string[]): string {
	const escaped = [...new Set(paths)].map((path) => path.replace(/[\\^$.|?*+()[\]{}#]/g, '\\$&'));
	return `^(?:${escaped.join('|')})$`;
}

/**
 * The translation status records of the files a CreatedTranslatedFiles event delivered: where their eventKey
 * comes from (output.ts, deliveredFileKey). One filtered listing (help.wordbee.com/beebox/api-get-translation-
 * status: `patterns.fpath`, "a regular expression"), read until every delivered file is found. A failure only
 * loses the keys: the items still come, keyed by `bbid`, with `translationStatusError`.
 */
async function deliverablesOf(
	http: BeeboxCall,
	token: string,
	callback: BeeboxCallback,
	details: BeeboxEventDetails,
): Promise<Pick<BeeboxEnrichment, 'deliverables' | 'deliverablesError'>> {
	const files = deliveredFiles(callback, details);
	if (!files.length) return {};
	const delivered = (record: Parameters<typeof isRecordOf>[0]) =>
		files.some((file) => isRecordOf(record, file));
	try {
		const { records } = await listTranslatedFiles(
			http,
			token,
			{ pathPattern: exactPaths(files.map((file) => file.file)) },
			{
				maxPages: STATUS_PAGES_PER_DELIVERY,
				enough: (read) => files.every((file) => read.some((record) => isRecordOf(record, file))),
			},
		);
		return { deliverables: records.filter(delivered) };
	} catch (error) {
		return { deliverablesError: `no translation status: ${(error as Error).message}` };
	}
}

/**
 * "Fetch Event Details": the event's full details by `bbid`, in one Beebox session (log in, one lookup, log out)
 * within the delivery's work budget (common/delivery/workBudget.ts: a POST and a GET login when the server predates POST,
 * one more login after BUSY, the lookup; the logout comes on top, with its own 10 s). With `deliverables` (the
 * per-file output) and a CreatedTranslatedFiles event, the same session also reads the translation status of the
 * delivered files (deliverablesOf, at most 10 pages). A failure does not lose the event (Beebox does not retry
 * callbacks): the workflow still starts and the item says why the details are missing in `detailsError`.
 *
 * No session is opened for a callback the credential cannot be asked about: another project's (`bbproject`
 * differs from the credential's project key), or a `bbid` that is no Beebox event id.
 */
export async function fetchBeeboxEventDetails(
	ctx: IWebhookFunctions,
	callback: BeeboxCallback,
	budget = new WorkBudget(DELIVERY_LIMITS),
	options: { deliverables?: boolean } = {},
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
		return await withBeeboxSession(http, credentials, DELIVERY_CONNECT, async (token) => {
			const details = await getEventDetails(http, token, credentials, eventId);
			if (!options.deliverables) return { details };
			return { details, ...(await deliverablesOf(http, token, callback, details)) };
		});
	} catch (error) {
		const message = (error as Error).message;
		ctx.logger.warn(`Beebox Trigger: no details for event ${eventId.slice(0, 100)}: ${message}`);
		return { detailsError: message };
	}
}
