import type { IDataObject } from 'n8n-workflow';

import { buildEnvelope } from '../common/envelope';
import { canonicalEventCode, eventGroup } from './events';
import type { BeeboxCallback, BeeboxEventDetails } from './schemas';

/** What "Fetch Event Details" adds: the API's answer, or why there is none. */
export interface BeeboxEnrichment {
	details?: BeeboxEventDetails;
	detailsError?: string;
}

/** The files of an event's details in readable terms (`type` S/T becomes source/target). */
function filesOf(details: BeeboxEventDetails): IDataObject[] {
	return (details.details?.files ?? []).map((file) => ({
		type: file.type === 'T' ? 'target' : file.type === 'S' ? 'source' : (file.type ?? null),
		locale: file.locale ?? null,
		sourcePath: file.spath ?? null,
		targetPath: file.tpath ?? null,
		date: file.date ?? null,
		error: file.err ?? null,
	}));
}

/**
 * One item per callback: the envelope of docs/design.md, then Beebox's own parameters as sent (users copy
 * `bbproject` and friends from Wordbee's pages), then the details when they were fetched.
 */
export function buildBeeboxItem(
	callback: BeeboxCallback,
	receivedAt: Date,
	enrichment?: BeeboxEnrichment,
): IDataObject {
	const event = canonicalEventCode(callback.bbevent);
	const item = buildEnvelope(
		{
			vendor: 'beebox',
			event,
			eventKey: `beebox:${callback.bbid}`,
			occurredAt: callback.bbdate.date,
			receivedAt,
			projectId: callback.bbproject,
		},
		{
			eventGroup: eventGroup(event),
			ok: callback.bbok.ok,
			error: callback.bberror,
			sender: callback.bbsender ?? null,
			bbid: callback.bbid,
			bbevent: callback.bbevent,
			bbsender: callback.bbsender,
			bbproject: callback.bbproject,
			bbdate: callback.bbdate.raw,
			bbok: callback.bbok.raw,
			bberror: callback.bberror,
		},
	);
	if (enrichment?.details) {
		item.files = filesOf(enrichment.details);
		item.details = enrichment.details as IDataObject;
	}
	if (enrichment?.detailsError) item.detailsError = enrichment.detailsError;
	return item;
}
