import type { IDataObject } from 'n8n-workflow';

import { buildEnvelope } from '../common/envelope';
import { canonicalEventCode, eventGroup } from './events';
import { relativeTargetPath } from './files';
import { parseTimestamp } from './parameters';
import type { BeeboxCallback, BeeboxEventDetails, BeeboxTranslatedFile } from './schemas';

/** What "Fetch Event Details" adds: the API's answer, or why there is none. */
export interface BeeboxEnrichment {
	details?: BeeboxEventDetails;
	detailsError?: string;
}

type EventFile = NonNullable<NonNullable<BeeboxEventDetails['details']>['files']>[number];

/** The event whose details list the files a connector picks up (help.wordbee.com/beebox/callbacks-configure). */
const TRANSLATED_FILES_EVENT = 'CreatedTranslatedFiles';

/**
 * THE eventKey of one delivered translated file, the same from both Beebox triggers: `beebox:file:<locale>:
 * <path>:<date>`, the locale and the path relative to the project lower-cased (Beebox runs on Windows, whose
 * paths ignore case) with `\` separators, the date in UTC to the second (`2023-06-20T07:29:15Z`). The webhook
 * reads the date of the file in the event's details, the catch-up the `tfdate` of the translation status; Wordbee
 * documents neither's precision, so the second is what both can be expected to share. The same file delivered
 * again later has a new date, hence a new key. A date that is not ISO 8601 is kept as sent; no date: `undated`.
 */
export function translatedFileKey(
	locale: string,
	file: string,
	date: string | null | undefined,
): string {
	const path = file.replace(/\//g, '\\').toLowerCase();
	const parsed = date ? parseTimestamp(date) : null;
	const when = parsed ? `${parsed.toISOString().slice(0, 19)}Z` : date ? date.trim() : 'undated';
	return `beebox:file:${locale.toLowerCase()}:${path}:${when}`;
}

function isoOrNull(date: string | null | undefined): Date | null {
	return date ? parseTimestamp(date) : null;
}

/** The files of an event's details in readable terms (`type` S/T becomes source/target). */
export function filesOf(details: BeeboxEventDetails, version: number): IDataObject[] {
	return (details.details?.files ?? []).map((file) => {
		const entry: IDataObject = {
			type: file.type === 'T' ? 'target' : file.type === 'S' ? 'source' : (file.type ?? null),
			locale: file.locale ?? null,
			sourcePath: file.spath ?? null,
			targetPath: file.tpath ?? null,
			date: file.date ?? null,
			error: file.err ?? null,
		};
		if (version >= 2)
			entry.file = file.tpath && file.locale ? relativeTargetPath(file.tpath, file.locale) : null;
		return entry;
	});
}

/** The callback's own parameters, as Beebox sent them (users copy `bbproject` and friends from Wordbee's pages). */
function callbackFields(callback: BeeboxCallback): IDataObject {
	return {
		bbid: callback.bbid,
		bbevent: callback.bbevent,
		bbsender: callback.bbsender,
		bbproject: callback.bbproject,
		bbdate: callback.bbdate.raw,
		bbok: callback.bbok.raw,
		bberror: callback.bberror,
	};
}

/**
 * One item per callback: the envelope of docs/design.md, then Beebox's own parameters as sent, then the details
 * when they were fetched (node version 1; version 2 the same, its files with their relative `file` path).
 */
function buildBeeboxItem(
	callback: BeeboxCallback,
	receivedAt: Date,
	enrichment?: BeeboxEnrichment,
	version = 1,
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
			...callbackFields(callback),
		},
	);
	if (enrichment?.details) {
		item.files = filesOf(enrichment.details, version);
		item.details = enrichment.details as IDataObject;
	}
	if (enrichment?.detailsError) item.detailsError = enrichment.detailsError;
	return item;
}

/** One delivered translated file of a callback's details, as an item (see buildBeeboxItems). */
function translatedFileItemOfCallback(
	callback: BeeboxCallback,
	file: EventFile & { locale: string; tpath: string },
	receivedAt: Date,
): IDataObject {
	const relative = relativeTargetPath(file.tpath, file.locale);
	return buildEnvelope(
		{
			vendor: 'beebox',
			event: TRANSLATED_FILES_EVENT,
			eventKey: translatedFileKey(file.locale, relative ?? file.tpath, file.date),
			occurredAt: isoOrNull(file.date) ?? callback.bbdate.date,
			receivedAt,
			projectId: callback.bbproject,
		},
		{
			eventGroup: 'File',
			ok: callback.bbok.ok,
			error: file.err ?? callback.bberror,
			sender: callback.bbsender ?? null,
			locale: file.locale,
			file: relative,
			fileDate: file.date ?? null,
			sourcePath: file.spath ?? null,
			targetPath: file.tpath,
			...callbackFields(callback),
		},
	);
}

/**
 * The items of one callback. Version 1: one (buildBeeboxItem). Version 2 with the details of a
 * CreatedTranslatedFiles event and "One Item Each": one item per delivered target file, each with the file's own
 * eventKey (translatedFileKey), so the Catch-Up Trigger recovers a missed file under the same key. Any other
 * case (other events, no details, a details answer without target files, "One Item per Delivery"): one item, key
 * `beebox:<bbid>`.
 */
export function buildBeeboxItems(
	callback: BeeboxCallback,
	receivedAt: Date,
	enrichment: BeeboxEnrichment | undefined,
	options: { version: number; perFile: boolean },
): IDataObject[] {
	const single = () => [buildBeeboxItem(callback, receivedAt, enrichment, options.version)];
	if (options.version < 2 || !options.perFile || !enrichment?.details) return single();
	if (canonicalEventCode(callback.bbevent) !== TRANSLATED_FILES_EVENT) return single();
	const targets = (enrichment.details.details?.files ?? []).filter(
		(file): file is EventFile & { locale: string; tpath: string } =>
			file.type === 'T' && !!file.locale && !!file.tpath,
	);
	if (!targets.length) return single();
	return targets.map((file) => translatedFileItemOfCallback(callback, file, receivedAt));
}

/**
 * The item the Catch-Up Trigger emits for a file the translation status shows ready: the shape and eventKey of the
 * webhook's per-file item (translatedFileItemOfCallback) as far as the API tells. It has no callback, so no
 * `bbid`... parameters, sender or paths on the server; `translationStatus` is Beebox's record.
 */
export function translatedFileItemOfStatus(
	record: BeeboxTranslatedFile,
	projectId: string | undefined,
	receivedAt: Date,
): IDataObject {
	return buildEnvelope(
		{
			vendor: 'beebox',
			event: TRANSLATED_FILES_EVENT,
			eventKey: translatedFileKey(record.locale, record.file, record.tfdate),
			occurredAt: isoOrNull(record.tfdate),
			receivedAt,
			projectId,
		},
		{
			eventGroup: 'File',
			ok: true,
			sender: null,
			locale: record.locale,
			file: record.file,
			fileDate: record.tfdate ?? null,
			translationStatus: record as IDataObject,
		},
	);
}

/** What the action node's Event → Get Details returns: the event's files (as the trigger lists them) and details. */
export function eventDetailsJson(details: BeeboxEventDetails): IDataObject {
	return {
		eventId: String(details.id),
		event: details.actioncode ?? null,
		files: filesOf(details, 2),
		details: details as IDataObject,
	};
}
