import type { IDataObject } from 'n8n-workflow';

import { buildEnvelope } from '../common/envelope';
import type { SmartcatEvent } from './events';
import type { SmartcatEntity } from './schemas';

/** `189_25` → document `189`, language `25` (Smartcat's document ids carry the target language after `_`). */
export function splitDocumentId(id: string): { documentBaseId: string; languageId: string | null } {
	const at = id.lastIndexOf('_');
	return at > 0
		? { documentBaseId: id.slice(0, at), languageId: id.slice(at + 1) }
		: { documentBaseId: id, languageId: null };
}

/**
 * One item per id: the envelope (`projectId` or `documentId`; `eventKey` per path and id, plus the status when
 * the details were fetched, since the callback itself carries nothing else to tell two changes apart).
 */
export function buildSmartcatItem(
	event: SmartcatEvent,
	id: string,
	receivedAt: Date,
	details?: SmartcatEntity,
): IDataObject {
	const status = details?.status ?? null;
	const ids = event.idKind === 'project' ? { projectId: id } : { documentId: id };
	return buildEnvelope(
		{
			vendor: 'smartcat',
			event: event.event,
			eventKey: `smartcat:${event.event}:${id}${status ? `:${status}` : ''}`,
			occurredAt: null,
			receivedAt,
			...ids,
			status,
		},
		{
			...(event.idKind === 'document' ? splitDocumentId(id) : {}),
			...(details ? { [event.idKind]: details as IDataObject } : {}),
		},
	);
}

/** The "one item per delivery" option: all ids of a delivery in one item. */
export function buildSmartcatBatchItem(
	event: SmartcatEvent,
	ids: string[],
	receivedAt: Date,
	details?: SmartcatEntity[],
): IDataObject {
	return buildEnvelope(
		{
			vendor: 'smartcat',
			event: event.event,
			eventKey: `smartcat:${event.event}:${ids.join(',')}`,
			occurredAt: null,
			receivedAt,
		},
		{ ids, ...(details ? { [`${event.idKind}s`]: details as IDataObject[] } : {}) },
	);
}
