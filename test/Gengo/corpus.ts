/**
 * The public Gengo corpus (test/fixtures/public/gengo): callbacks and API answers from Gengo's documentation, its
 * clients and recorded sandbox data, each file naming its source. Read by the unit tests and the e2e suite.
 */
import { corpusDir, readCorpus, type PublicFixture } from '../helpers/publicCorpus';

export const CORPUS_DIR = corpusDir('gengo');

export interface CorpusDelivery extends PublicFixture {
	kind: 'delivery';
	event: string;
	request: {
		method: string;
		headers: Record<string, string>;
		/** form parameters; objects are the JSON a parameter holds */
		form: Record<string, unknown>;
	};
}

export interface CorpusAnswer extends PublicFixture {
	kind: 'api-answer';
	endpoint: string;
	/** null: the source did not record the HTTP status */
	status: number | null;
	body: { opstat: string; response?: unknown; err?: unknown };
}

function read(): Array<CorpusDelivery | CorpusAnswer> {
	return readCorpus<CorpusDelivery | CorpusAnswer>('gengo');
}

export const corpusDeliveries = (): CorpusDelivery[] =>
	read().filter((f): f is CorpusDelivery => f.kind === 'delivery');

export const corpusAnswers = (): CorpusAnswer[] =>
	read().filter((f): f is CorpusAnswer => f.kind === 'api-answer');

/** A delivery's form parameters as Gengo posts them: each JSON value as its text. */
export function formFields(delivery: CorpusDelivery): Record<string, string> {
	return Object.fromEntries(
		Object.entries(delivery.request.form).map(([name, value]) => [
			name,
			typeof value === 'string' ? value : JSON.stringify(value),
		]),
	);
}

/** A delivery's body as Gengo sends it over HTTP (application/x-www-form-urlencoded). */
export function formBody(delivery: CorpusDelivery): string {
	return new URLSearchParams(formFields(delivery)).toString();
}

/** The job or comment a delivery carries. */
export function payloadOf(delivery: CorpusDelivery): Record<string, unknown> {
	const value = delivery.request.form.job ?? delivery.request.form.comment;
	return (typeof value === 'string' ? JSON.parse(value) : value) as Record<string, unknown>;
}
