// Gengo's answer envelope and error bodies (nodes/Gengo/transport.ts), read from Gengo's own client libraries'
// tests (test/fixtures/public/gengo/api-error-*.json, each naming its source) and from the API documentation's
// forms of `err`: a message string, a list of messages, batch errors keyed by job id, no code.
import { GENGO_API, GengoApiError, unwrapGengoAnswer } from '../../nodes/Gengo/transport';
import { gengoBaseUrl } from '../../nodes/Gengo/servers';
import { readCorpus, type PublicFixture } from '../helpers/publicCorpus';

interface ApiAnswer extends PublicFixture {
	body: unknown;
}
const errors = Object.fromEntries(
	readCorpus<ApiAnswer>('gengo', (file) => file.startsWith('api-error-')).map((f) => [
		f.file,
		f.body,
	]),
);

function refusal(what: string, status: number, body: unknown): GengoApiError {
	try {
		unwrapGengoAnswer(what, status, body);
	} catch (error) {
		expect(error).toBeInstanceOf(GengoApiError);
		return error as GengoApiError;
	}
	throw new Error('unwrapGengoAnswer accepted an error answer');
}

describe('unwrapGengoAnswer', () => {
	it('returns the response of an "ok" answer', () => {
		expect(
			unwrapGengoAnswer('GET /x', 200, { opstat: 'ok', response: { job: { job_id: '1' } } }),
		).toEqual({
			job: { job_id: '1' },
		});
	});

	it.each([
		['api-error-not-found.json', 'Not Found (code 404)', 404],
		['api-error-internal-server-error.json', 'Internal Server Error (code 500)', 500],
		['api-error-unauthorized-revision.json', 'unauthorized revision access (code 2200)', 2200],
		['api-error-bad-request-archive.json', 'Bad Request (code 400)', 400],
		['api-error-no-code.json', 'no rows in result set', undefined],
		// batch errors are keyed by job id: the first job's first error
		['api-error-batch-jobs-post.json', '"body_src" is a required field (code 1350)', 1350],
	])(
		"%s, answered with HTTP 200: a refusal (400) with Gengo's message and code",
		(file, text, code) => {
			const error = refusal('GET /translate/job/1', 200, errors[file]);
			expect(error.message).toBe(`Gengo GET /translate/job/1 failed: ${text}`);
			expect(error.httpStatus).toBe(400);
			expect(error.vendorCode).toBe(code);
			expect(error.hint).toBeUndefined();
		},
	);

	it('keeps an HTTP error status, with its hint', () => {
		const error = refusal('GET /account/me', 401, errors['api-error-not-found.json']);
		expect(error.httpStatus).toBe(401);
		expect(error.hint).toMatch(/Check the Gengo credential/);
		expect(refusal('GET /x', 400, { opstat: 'error' }).httpStatus).toBe(400);
		expect(refusal('GET /x', 503, { opstat: 'error' }).httpStatus).toBe(503);
	});

	it('joins a list of messages, skipping what is not text; says "unknown error" when there is none', () => {
		expect(
			refusal('GET /x', 200, { opstat: 'error', err: { code: 1, msg: ['one', 2, 'two'] } }).message,
		).toBe('Gengo GET /x failed: one; two (code 1)');
		expect(refusal('GET /x', 200, { opstat: 'error' }).message).toBe(
			'Gengo GET /x failed: unknown error',
		);
		expect(refusal('GET /x', 200, { opstat: 'error', err: 'down' }).message).toBe(
			'Gengo GET /x failed: unknown error',
		);
		expect(refusal('GET /x', 200, { opstat: 'error', err: { msg: 7 } }).message).toBe(
			'Gengo GET /x failed: unknown error',
		);
		expect(refusal('GET /x', 200, { opstat: 'error', err: { 12: ['text'] } }).message).toBe(
			'Gengo GET /x failed: unknown error',
		);
	});

	it("an answer that is not Gengo's envelope: the status and at most 200 characters of the text", () => {
		const html = `<html>${'x'.repeat(300)}</html>`;
		const error = refusal('GET /x', 502, html);
		expect(error.message).toBe(`Gengo GET /x: unexpected answer (HTTP 502): ${html.slice(0, 200)}`);
		expect(error.httpStatus).toBe(502);
		expect(refusal('GET /x', 200, { nothing: true }).message).toBe(
			'Gengo GET /x: unexpected answer (HTTP 200)',
		);
	});
});

describe('GENGO_API: what the shared client reports of a Gengo error answer', () => {
	it('reads message and code from the envelope, else the start of the text', () => {
		expect(GENGO_API.errorMessage(errors['api-error-not-found.json'])).toBe('Not Found');
		expect(GENGO_API.errorCode?.(errors['api-error-not-found.json'])).toBe(404);
		expect(GENGO_API.errorMessage(errors['api-error-batch-jobs-post.json'])).toBe(
			'"body_src" is a required field',
		);
		expect(GENGO_API.errorCode?.(errors['api-error-batch-jobs-post.json'])).toBe(1350);
		expect(GENGO_API.errorMessage('y'.repeat(300))).toBe('y'.repeat(200));
		expect(GENGO_API.errorMessage({ nothing: true })).toBe('');
		expect(GENGO_API.errorCode?.('Bad Gateway')).toBeUndefined();
	});
});

describe('gengoBaseUrl', () => {
	it.each([
		[{}, 'https://api.gengo.com/v2'],
		[{ environment: 'production' }, 'https://api.gengo.com/v2'],
		[{ environment: 'sandbox' }, 'https://api.sandbox.gengo.com/v2'],
		[{ environment: 'unknown' }, 'https://api.gengo.com/v2'],
		[
			{ environment: 'custom', baseUrl: ' http://127.0.0.1:8080/v2// ' },
			'http://127.0.0.1:8080/v2',
		],
		[{ environment: 'custom', baseUrl: 'http://proxy/a/v2' }, 'http://proxy/a/v2'],
		[{ environment: 'custom' }, ''],
	])('%j → %s', (credentials, url) => {
		expect(gengoBaseUrl(credentials)).toBe(url);
	});
});
