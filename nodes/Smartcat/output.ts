import type { IDataObject } from 'n8n-workflow';

import { optionalDate } from '../common/delivery/dates';
import { buildEnvelope } from '../common/delivery/envelope';
import { eventOfUrl, type SmartcatEvent } from './events';
import type { SmartcatEntity, SmartcatLastError } from './schemas';

/** `189_25` → document `189`, language `25` (Smartcat's document ids carry the target language after `_`). */
export function splitDocumentId(id: string): { documentBaseId: string; languageId: string | null } {
	const at = id.lastIndexOf('_');
	return at > 0
		? { documentBaseId: id.slice(0, at), languageId: id.slice(at + 1) }
		: { documentBaseId: id, languageId: null };
}

/**
 * An API date (ISO 8601, `date-time` in https://smartcat.com/api/methods/v1/swagger.json) as ISO 8601 in UTC with
 * milliseconds, or null (so that two spellings of one time agree). Without a zone: UTC (common/delivery/dates.ts).
 */
export function normalizedDate(value: unknown): string | null {
	return optionalDate(value, 'statusModificationDate', ['iso'])?.toISOString() ?? null;
}

/**
 * The eventKey of one id (README "Smartcat Trigger", "eventKey"). A callback carries only the id, so:
 * - with the project or document looked up: `smartcat:<event>:<id>:<status>:<statusModificationDate>`,
 *   which the Smartcat Catch-Up Trigger rebuilds from the project list, and which differs for every status
 *   change Smartcat records;
 * - without details: `smartcat:<event>:<id>`; two changes of one id then get the same key.
 */
export function smartcatEventKey(
	event: SmartcatEvent,
	id: string,
	details: SmartcatEntity | undefined,
): string {
	const base = `smartcat:${event.event}:${id}`;
	if (!details) return base;
	return `${base}:${details.status ?? ''}:${normalizedDate(details.statusModificationDate) ?? ''}`;
}

/**
 * One item per id: the envelope (`projectId` or `documentId`, the eventKey above; with details: the
 * status change's time as `occurredAt`), then the document id's parts and the looked-up project or document.
 * `skipped`: why this id has no details although they were asked for.
 */
export function buildSmartcatItem(
	event: SmartcatEvent,
	id: string,
	receivedAt: Date,
	details: SmartcatEntity | undefined,
	skipped?: string,
): IDataObject {
	const status = details?.status ?? null;
	const ids = event.idKind === 'project' ? { projectId: id } : { documentId: id };
	const changed = normalizedDate(details?.statusModificationDate);
	return buildEnvelope(
		{
			vendor: 'smartcat',
			event: event.event,
			eventKey: smartcatEventKey(event, id, details),
			occurredAt: optionalDate(changed, 'statusModificationDate', ['iso']),
			receivedAt,
			...ids,
			status,
		},
		{
			...(event.idKind === 'document' ? splitDocumentId(id) : {}),
			...(details ? { [event.idKind]: details as IDataObject } : {}),
			...(!details && skipped ? { detailsSkipped: skipped } : {}),
		},
	);
}

/** The "one item per delivery" option: all ids of a delivery in one item. */
export function buildSmartcatBatchItem(
	event: SmartcatEvent,
	ids: string[],
	receivedAt: Date,
	details: Array<SmartcatEntity | undefined> | undefined,
	skipped?: string,
): IDataObject {
	return buildEnvelope(
		{
			vendor: 'smartcat',
			event: event.event,
			eventKey: `smartcat:${event.event}:${ids.join(',')}`,
			occurredAt: null,
			receivedAt,
		},
		{
			ids,
			...(details
				? { [`${event.idKind}s`]: details.map((d) => (d ?? null) as IDataObject | null) }
				: {}),
			...(skipped ? { detailsSkipped: skipped } : {}),
		},
	);
}

/**
 * One failed delivery of *Get Last Errors*, in Smartcat's current field names whichever shape it came in
 * (schemas.ts), with the event it was for (from the path Smartcat appended to the URL).
 */
export function lastErrorItem(entry: SmartcatLastError): IDataObject {
	const url = entry.url ?? entry.Url ?? null;
	return {
		created: entry.created ?? entry.Created ?? null,
		url,
		event: (url && eventOfUrl(url)?.event) ?? null,
		reason: entry.reason ?? entry.FailResponse?.Reason ?? null,
		code: entry.code ?? entry.FailResponse?.Code ?? null,
		content: entry.content ?? entry.FailResponse?.Content ?? null,
		sourceIds: entry.sourceIds ?? entry.SourceIds ?? null,
	};
}
