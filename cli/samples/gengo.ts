/**
 * Real-looking Gengo callbacks, shaped like the Job payload of developers.gengo.com/v2/api_methods/payloads and
 * the comment callback of developers.gengo.com/v2/callback_urls: used by `simulate gengo` and by the tests.
 */
export interface GengoSampleOptions {
	jobId?: string;
	orderId?: string;
	/** a file job: adds file_url_tgt */
	fileUrl?: string;
	customData?: string;
	bodySrc?: string;
}

/** Job statuses as Gengo's job-status page spells them (https://developers.gengo.com/v2/job_statuses/), and comment. */
export type GengoSampleEvent =
	| 'queued'
	| 'available'
	| 'pending'
	| 'reviewable'
	| 'approved'
	| 'revising'
	| 'rejected'
	| 'canceled'
	| 'hold'
	| 'comment';

export const GENGO_SAMPLE_EVENTS: GengoSampleEvent[] = [
	'queued',
	'available',
	'pending',
	'reviewable',
	'approved',
	'revising',
	'rejected',
	'canceled',
	'hold',
	'comment',
];

/** A Job payload as Gengo posts it in `job` (numbers as Gengo sends them: ids and ctime as strings here). */
export function gengoSampleJob(
	status: string,
	options: GengoSampleOptions = {},
	now = Date.now(),
): Record<string, unknown> {
	const jobId = options.jobId ?? '384985';
	const translated = ['reviewable', 'approved', 'revising'].includes(status);
	return {
		job_id: jobId,
		order_id: options.orderId ?? '54632',
		slug: 'Product page: hero title',
		body_src: options.bodySrc ?? 'Translate your product pages in days, not weeks.',
		...(translated ? { body_tgt: 'Übersetzen Sie Ihre Produktseiten in Tagen statt Wochen.' } : {}),
		lc_src: 'en',
		lc_tgt: 'de',
		unit_count: '9',
		tier: 'standard',
		credits: '0.54',
		currency: 'USD',
		status,
		eta: translated ? -1 : 25056,
		ctime: String(Math.floor(now / 1000) - 3600),
		auto_approve: '0',
		callback_url: 'https://n8n.example.com/webhook/<id>/gengo',
		custom_data: options.customData ?? '{"cms_id":"page-42","field":"hero.title"}',
		...(options.fileUrl ? { file_url_tgt: options.fileUrl } : {}),
	};
}

/** A comment payload as Gengo posts it in `comment`. */
export function gengoSampleComment(
	options: GengoSampleOptions = {},
	now = Date.now(),
): Record<string, unknown> {
	return {
		job_id: options.jobId ?? '384985',
		body: 'Should "product pages" stay in English in the German version?',
		ctime: String(Math.floor(now / 1000)),
		custom_data: options.customData ?? '{"cms_id":"page-42","field":"hero.title"}',
		...(options.fileUrl ? { file_url_tgt: options.fileUrl } : {}),
	};
}

/** The request Gengo makes for an event: POST, form-encoded, one parameter holding JSON. */
export function gengoCallbackRequest(
	event: string,
	options: GengoSampleOptions = {},
	now = Date.now(),
): { contentType: string; body: string } {
	const parameter: Record<string, string> =
		event === 'comment'
			? { comment: JSON.stringify(gengoSampleComment(options, now)) }
			: { job: JSON.stringify(gengoSampleJob(event, options, now)) };
	return {
		contentType: 'application/x-www-form-urlencoded',
		body: new URLSearchParams(parameter).toString(),
	};
}
