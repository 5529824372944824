import {
	NodeOperationError,
	type ICredentialDataDecryptedObject,
	type IPollFunctions,
} from 'n8n-workflow';

import { CATCH_UP_LIMITS, type CatchUpSource } from '../common/catchUp/engine';
import { believableTime } from '../common/delivery/dates';
import { isReady, listTranslatedFiles } from './api';
import { checkedLocale } from './files';
import { deliveredFileKey, translatedFileItemOfStatus } from './output';
import { parseTimestamp } from './delivery';
import type { BeeboxTranslatedFile } from './schemas';
import { beeboxCallFrom, beeboxCredentials, RUN_CONNECT, withBeeboxSession } from './transport';

/**
 * What the Catch-Up Trigger sees (common/catchUp/engine.ts): Beebox never calls a callback URL again, and Wordbee
 * documents no API that lists events, but the translation status (help.wordbee.com/beebox/api-get-translation-
 * status) shows every file and target language with its status and `tfdate`, the date of the deliverable. A
 * file that is ready (status 1, `uptodate`) with a date not seen before is a delivery: the CreatedTranslatedFiles
 * callback that announced it may have been missed. Its item and eventKey are those of the webhook's per-file item
 * (output.ts, deliveredFileKey: both read the key from this record).
 *
 * Each poll is one session (log in, the pages, log out) within CATCH_UP_LIMITS: 100 records a page, so at most
 * about 9,700 records a poll; a longer list is read in part (logged). Only the CATCH_UP_LIMITS.maxEntries most
 * recent ready files are followed, so the remembered state stays bounded: more files than that delivered between
 * two polls would be missed.
 */
export const beeboxCatchUpSource: CatchUpSource = async (ctx, budget) => {
	const credentials = beeboxCredentials(
		await ctx.getCredentials<ICredentialDataDecryptedObject>('beeboxApi'),
	);
	if (!credentials.projectKey)
		throw new NodeOperationError(
			ctx.getNode(),
			'The translation status is per project: set the Project Key in the Wordbee Beebox credential',
		);
	const filter = filterOf(ctx);
	const http = beeboxCallFrom(ctx, { budget });
	const { records, complete } = await withBeeboxSession(
		http,
		credentials,
		RUN_CONNECT,
		async (token) => listTranslatedFiles(http, token, filter, { maxPages: CATCH_UP_LIMITS.calls }),
	);
	if (!complete)
		ctx.logger.warn(
			`Wordbee Beebox Catch-Up Trigger: read ${records.length} records of the translation status, not all of them (${CATCH_UP_LIMITS.calls} calls per poll); narrow it with a Target Locale or a Path Pattern`,
		);
	const receivedAt = new Date();
	return {
		complete,
		observations: mostRecentReady(records).map((record) => ({
			key: `file:${record.locale}:${record.file.replace(/\//g, '\\')}`.toLowerCase(),
			signature: deliveredFileKey(record),
			changedAt: record.tfdate ? parseTimestamp(record.tfdate) : null,
			items: () => [translatedFileItemOfStatus(record, credentials.projectKey, receivedAt)],
		})),
	};
};

function filterOf(ctx: IPollFunctions): { targetLocale?: string; pathPattern?: string } {
	const filters = ctx.getNodeParameter('filters', {}) as {
		targetLocale?: string;
		pathPattern?: string;
	};
	return {
		targetLocale: filters.targetLocale?.trim() ? checkedLocale(filters.targetLocale) : undefined,
		pathPattern: filters.pathPattern || undefined,
	};
}

/** The CATCH_UP_LIMITS.maxEntries most recent ready files, in the order they were delivered (oldest first). */
function mostRecentReady(records: BeeboxTranslatedFile[]): BeeboxTranslatedFile[] {
	// a date later than now (plus clock skew) is no date: it would keep its file in the bound forever
	const now = Date.now();
	const time = (record: BeeboxTranslatedFile) =>
		believableTime(record.tfdate ? parseTimestamp(record.tfdate) : null, now) ?? -Infinity;
	return records
		.filter(isReady)
		.sort((a, b) => time(b) - time(a))
		.slice(0, CATCH_UP_LIMITS.maxEntries)
		.reverse();
}
