import type { IDataObject } from 'n8n-workflow';

/** The vendors this package speaks for, as they appear in every item's `vendor` field (docs/design.md). */
export type Vendor = 'gengo' | 'smartcat' | 'phrase' | 'beebox';

export interface EnvelopeFields {
	vendor: Vendor;
	/** the vendor's own event code */
	event: string;
	/** stable per event: a retried delivery of the same event gets the same key */
	eventKey: string;
	/** when the vendor says the event happened, if it says so */
	occurredAt?: Date | null;
	/** when the trigger received the delivery */
	receivedAt: Date;
	projectId?: string | null;
	jobId?: string | null;
	documentId?: string | null;
	/** the new status, where the event carries one (vendor's code) */
	status?: string | null;
}

/**
 * Builds one output item's JSON in the shape fixed by docs/design.md: the envelope fields first, in a fixed order,
 * then the vendor's own fields. Ids are strings; absent ids are left out rather than set to null.
 */
export function buildEnvelope(fields: EnvelopeFields, vendorFields: IDataObject): IDataObject {
	const item: IDataObject = {
		vendor: fields.vendor,
		event: fields.event,
		eventKey: fields.eventKey,
		occurredAt: fields.occurredAt ? fields.occurredAt.toISOString() : null,
		receivedAt: fields.receivedAt.toISOString(),
	};
	for (const key of ['projectId', 'jobId', 'documentId', 'status'] as const) {
		const value = fields[key];
		if (value !== undefined && value !== null && value !== '') item[key] = String(value);
	}
	for (const [key, value] of Object.entries(vendorFields)) {
		if (!(key in item) && value !== undefined) item[key] = value;
	}
	return item;
}
