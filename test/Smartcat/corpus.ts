import { readCorpus, type PublicFixture } from '../helpers/publicCorpus';

import { SMARTCAT_EVENTS } from '../../nodes/Smartcat/events';

/**
 * The public Smartcat corpus (test/fixtures/public/smartcat/, each file naming its source): callback deliveries
 * as Smartcat's help and Smartcat-authored integrations show them, and API answers. The unit tests and the e2e
 * suite read it here.
 */
export interface CorpusDelivery extends PublicFixture {
	kind: 'delivery';
	event: string;
	request: {
		method: string;
		path: string;
		headers: Record<string, string>;
		body: unknown;
	};
}

export interface CorpusAnswer extends PublicFixture {
	kind: 'api-answer';
	endpoint: string;
	status: number;
	body: unknown;
}

export const corpus = readCorpus<CorpusDelivery | CorpusAnswer>('smartcat');

export const corpusDeliveries = corpus.filter((f): f is CorpusDelivery => f.kind === 'delivery');
export const corpusAnswers = corpus.filter((f): f is CorpusAnswer => f.kind === 'api-answer');

/**
 * Where a corpus delivery lands on a Smartcat Trigger whose callback base URL is `base`: the event path after
 * it, or, when the receiver in the source had a query string in its callback URL, that query with the path at
 * its end (Smartcat appends to the URL string).
 */
export function deliveryUrl(delivery: CorpusDelivery, base: string): string {
	const at = delivery.request.path.indexOf('?');
	if (at >= 0) return `${base}${delivery.request.path.slice(at)}`;
	const event = SMARTCAT_EVENTS.find((e) => e.event === delivery.event);
	if (!event) throw new Error(`${delivery.file}: unknown event ${delivery.event}`);
	return `${base}/${event.path}`;
}
