import type { IDataObject } from 'n8n-workflow';

import { buildEnvelope } from '../common/delivery/envelope';
import { canonicalEventCode, eventGroup } from './events';
import { relativeTargetPath } from './files';
import { parseTimestamp } from './delivery';
import type { BeeboxCallback, BeeboxEventDetails, BeeboxTranslatedFile } from './schemas';

/** What "Fetch Event Details" adds: the API's answer, or why there is none. */
export interface BeeboxEnrichment {
	details?: BeeboxEventDetails;
	detailsError?: string;
	/** per-file output: the translation status records of the delivered files, where their eventKey comes from */
	deliverables?: BeeboxTranslatedFile[];
	/** why the translation status of the delivered files could not be read */
	deliverablesError?: string;
}

type EventFile = NonNullable<NonNullable<BeeboxEventDetails['details']>['files']>[number];

/** The event whose details list the files a connector picks up (help.wordbee.com/beebox/callbacks-configure). */
const TRANSLATED_FILES_EVENT = 'CreatedTranslatedFiles';

/** A relative path as Beebox compares them: `\` separators, lower case (Beebox runs on Windows). */
const comparablePath = (file: string) => file.replace(/\//g, '\\').toLowerCase();

/**
 * The format of a delivered file's eventKey: `beebox:file:<locale>:<path>:<date>`, the locale and the path
 * relative to the project lower-cased (Beebox runs on Windows, whose paths ignore case) with `\` separators, the
 * date in UTC to the second (`2023-06-20T07:29:15Z`). A date that is not ISO 8601 is kept as sent; no date:
 * `undated`. Both triggers fill it from one record only: see deliveredFileKey.
 */
export function translatedFileKey(
	locale: string,
	file: string,
	date: string | null | undefined,
): string {
	const path = comparablePath(file);
	const parsed = date ? parseTimestamp(date) : null;
	const when = parsed ? `${parsed.toISOString().slice(0, 19)}Z` : date ? date.trim() : 'undated';
	return `beebox:file:${locale.toLowerCase()}:${path}:${when}`;
}

/**
 * THE eventKey of one delivered translated file, the same from both Beebox triggers: its record in the translation
 * status (help.wordbee.com/beebox/api-get-translation-status), `tfdate` being "the date when the deliverable
 * (translated file) was created". The event details' file `date` is the time of the action that logged the
 * delivery (help.wordbee.com/beebox/event-details-created-translated-files), a different clock reading: the
 * webhook looks the file's record up (lookups.ts) rather than key on it. The same file delivered again later has
 * a new `tfdate`, hence a new key.
 */
export function deliveredFileKey(record: BeeboxTranslatedFile): string {
	return translatedFileKey(record.locale, record.file, record.tfdate);
}

/** Whether a translation status record is about this target file (locale and relative path, case ignored). */
export function isRecordOf(
	record: BeeboxTranslatedFile,
	file: { locale: string; file: string },
): boolean {
	return (
		record.locale.toLowerCase() === file.locale.toLowerCase() &&
		comparablePath(record.file) === comparablePath(file.file)
	);
}

function isoOrNull(date: string | null | undefined): Date | null {
	return date ? parseTimestamp(date) : null;
}

/** The files of an event's details in readable terms (`type` S/T becomes source/target). */
export function filesOf(details: BeeboxEventDetails): IDataObject[] {
	return (details.details?.files ?? []).map((file) => ({
		type: file.type === 'T' ? 'target' : file.type === 'S' ? 'source' : (file.type ?? null),
		locale: file.locale ?? null,
		sourcePath: file.spath ?? null,
		targetPath: file.tpath ?? null,
		date: file.date ?? null,
		error: file.err ?? null,
		file: file.tpath && file.locale ? relativeTargetPath(file.tpath, file.locale) : null,
	}));
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
 * when they were fetched (its files with their path relative to the project as `file`).
 */
function buildBeeboxItem(
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
			...callbackFields(callback),
		},
	);
	if (enrichment?.details) {
		item.files = filesOf(enrichment.details);
		item.details = enrichment.details as IDataObject;
	}
	if (enrichment?.detailsError) item.detailsError = enrichment.detailsError;
	return item;
}

type DeliveredFile = EventFile & { locale: string; tpath: string };

/** The target files a CreatedTranslatedFiles event's details list (type `T`, with a locale and a path). */
function deliveredFilesOf(details: BeeboxEventDetails): DeliveredFile[] {
	return (details.details?.files ?? []).filter(
		(file): file is DeliveredFile => file.type === 'T' && !!file.locale && !!file.tpath,
	);
}

/**
 * The delivered files of a callback whose translation status the per-file output needs (lookups.ts): those of a
 * CreatedTranslatedFiles event, by locale and path relative to the project.
 */
export function deliveredFiles(
	callback: BeeboxCallback,
	details: BeeboxEventDetails,
): Array<{ locale: string; file: string }> {
	if (canonicalEventCode(callback.bbevent) !== TRANSLATED_FILES_EVENT) return [];
	return deliveredFilesOf(details).flatMap((file) => {
		const relative = relativeTargetPath(file.tpath, file.locale);
		return relative ? [{ locale: file.locale, file: relative }] : [];
	});
}

/**
 * One delivered translated file of a callback's details, as an item (see buildBeeboxItems). Its eventKey is
 * deliveredFileKey of the file's translation status record; without one (the status could not be read, or shows
 * the file without a date) the key is `beebox:<bbid>:file:<locale>:<path>`, which no catch-up item has, and
 * `translationStatusError` says why.
 */
function translatedFileItemOfCallback(
	callback: BeeboxCallback,
	file: DeliveredFile,
	receivedAt: Date,
	enrichment: BeeboxEnrichment,
): IDataObject {
	const relative = relativeTargetPath(file.tpath, file.locale);
	const record = relative
		? enrichment.deliverables?.find(
				(candidate) =>
					!!candidate.tfdate && isRecordOf(candidate, { locale: file.locale, file: relative }),
			)
		: undefined;
	const missing =
		enrichment.deliverablesError ??
		(relative
			? `the translation status shows no date for ${file.locale} "${relative}"`
			: `no path relative to the project in "${file.tpath}"`);
	return buildEnvelope(
		{
			vendor: 'beebox',
			event: TRANSLATED_FILES_EVENT,
			eventKey: record
				? deliveredFileKey(record)
				: `beebox:${callback.bbid}:file:${file.locale.toLowerCase()}:${comparablePath(relative ?? file.tpath)}`,
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
			translationStatus: (record ?? null) as IDataObject | null,
			...(record ? {} : { translationStatusError: missing }),
			...callbackFields(callback),
		},
	);
}

/**
 * The items of one callback. With the details of a
 * CreatedTranslatedFiles event and "One Item Each": one item per delivered target file, each with the file's own
 * eventKey (deliveredFileKey), so the Catch-Up Trigger recovers a missed file under the same key. Any other
 * case (other events, no details, a details answer without target files, "One Item per Delivery"): one item, key
 * `beebox:<bbid>`.
 */
export function buildBeeboxItems(
	callback: BeeboxCallback,
	receivedAt: Date,
	enrichment: BeeboxEnrichment | undefined,
	options: { perFile: boolean },
): IDataObject[] {
	const single = () => [buildBeeboxItem(callback, receivedAt, enrichment)];
	if (!options.perFile || !enrichment?.details) return single();
	if (canonicalEventCode(callback.bbevent) !== TRANSLATED_FILES_EVENT) return single();
	const targets = deliveredFilesOf(enrichment.details);
	if (!targets.length) return single();
	return targets.map((file) =>
		translatedFileItemOfCallback(callback, file, receivedAt, enrichment),
	);
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
			eventKey: deliveredFileKey(record),
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
		files: filesOf(details),
		details: details as IDataObject,
	};
}
