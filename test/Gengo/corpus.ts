/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- developer tooling: runs in Node.js, never inside n8n, so n8n's rules for node code do not apply (CONTRIBUTING.md, "Lint") */
/**
 * The public Gengo corpus (test/fixtures/public/gengo): callbacks and API answers from Gengo's documentation, its
 * clients and recorded sandbox data, each file naming its source. Read by the unit tests and the e2e suite.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const CORPUS_DIR = join(__dirname, '..', 'fixtures', 'public', 'gengo');

export interface CorpusDelivery {
	file: string;
	source: string;
	kind: 'delivery';
	event: string;
	request: {
		method: string;
		headers: Record<string, string>;
		/** form parameters; objects are the JSON a parameter holds */
		form: Record<string, unknown>;
	};
}

export interface CorpusAnswer {
	file: string;
	source: string;
	kind: 'api-answer';
	endpoint: string;
	/** null: the source did not record the HTTP status */
	status: number | null;
	body: { opstat: string; response?: unknown; err?: unknown };
}

function read(): Array<CorpusDelivery | CorpusAnswer> {
	return readdirSync(CORPUS_DIR)
		.filter((file) => file.endsWith('.json'))
		.sort()
		.map((file) => ({
			file,
			...(JSON.parse(readFileSync(join(CORPUS_DIR, file), 'utf8')) as Omit<
				CorpusDelivery | CorpusAnswer,
				'file'
			>),
		})) as Array<CorpusDelivery | CorpusAnswer>;
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
